package domain

import (
	"testing"
	"time"
)

// TestRetentionOf covers the three states and "not due" at day 30 of a
// placement that started on 1 March 2025 (day 30 is 31 March).
func TestRetentionOf(t *testing.T) {
	start := at(t, "2025-03-01")
	fu := func(side string, still *bool, answered string) FollowUpFacts {
		f := FollowUpFacts{Day: 30, Side: side, DueAt: at(t, "2025-03-31"), StillWorking: still}
		if answered != "" {
			f.AnsweredAt = at(t, answered)
		}
		return f
	}
	tests := []struct {
		name    string
		endedOn string
		fus     []FollowUpFacts
		asOf    string
		want    Retention
	}{
		{"day 30 not come", "", []FollowUpFacts{fu("employer", yes(), "2025-03-20")}, "2025-03-30T23:59", NotDue},
		{"ended early, day not come", "2025-03-10", nil, "2025-03-30", NotDue},
		{"unanswered", "", []FollowUpFacts{fu("employer", nil, ""), fu("programme", nil, "")}, "2025-03-31", RetentionUnknown},
		{"one side working", "", []FollowUpFacts{fu("employer", yes(), "2025-04-01"), fu("programme", nil, "")}, "2025-04-02", Working},
		{"both working", "", []FollowUpFacts{fu("employer", yes(), "2025-04-01"), fu("programme", yes(), "2025-04-01")}, "2025-04-02", Working},
		{"sides disagree", "", []FollowUpFacts{fu("employer", yes(), "2025-04-01"), fu("programme", no(), "2025-04-01")}, "2025-04-02", NotWorking},
		{"disagree, other order", "", []FollowUpFacts{fu("employer", no(), "2025-04-01"), fu("programme", yes(), "2025-04-01")}, "2025-04-02", NotWorking},
		{"answered after asOf", "", []FollowUpFacts{fu("employer", yes(), "2025-04-05")}, "2025-04-02", RetentionUnknown},
		{"ended early, unanswered", "2025-03-10", nil, "2025-04-02", NotWorking},
		{"ended early, a side says working", "2025-03-10", []FollowUpFacts{fu("employer", yes(), "2025-04-01")}, "2025-04-02", NotWorking},
		{"ended on day 30 itself", "2025-03-31", []FollowUpFacts{fu("employer", yes(), "2025-04-01")}, "2025-04-02", Working},
		{"ended after day 30", "2025-05-01", nil, "2025-05-02", RetentionUnknown},
		{"another day's answer", "", []FollowUpFacts{{Day: 90, Side: "employer", StillWorking: no(), AnsweredAt: at(t, "2025-04-01")}}, "2025-04-02", RetentionUnknown},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pl := PlacementFacts{ID: "pl", RecordedAt: at(t, "2025-02-21"), StartDate: start, Contract: "trial"}
			if tt.endedOn != "" {
				pl.EndedOn, pl.Status = at(t, tt.endedOn), "ended"
			}
			if got := RetentionOf(pl, tt.fus, 30, at(t, tt.asOf)); got != tt.want {
				t.Errorf("got %s, want %s", got, tt.want)
			}
		})
	}
}

// TestRetentionFollowsFirstHire checks that retention is that of the
// first placement recorded, the one counted at hired.
func TestRetentionFollowsFirstHire(t *testing.T) {
	p := walked(t)
	later := p.Introductions[0]
	later.ID, later.EmployerOrgID = "intro-2", "emp-2"
	pl := *later.Placement
	pl.RecordedAt, pl.EndedOn = at(t, "2025-02-25"), time.Time{}
	later.Placement = &pl
	later.FollowUps = []FollowUpFacts{{Day: 90, Side: "employer", StillWorking: yes(), AnsweredAt: at(t, "2025-06-01")}}
	p.Introductions = append(p.Introductions, later)
	m := MilestonesOf(p, at(t, "2025-09-01"))
	if m.At[Hired] != at(t, "2025-02-21T09:00") || m.Retention != [3]Retention{Working, RetentionUnknown, NotWorking} {
		t.Errorf("hired %v, retention %v", m.At[Hired], m.Retention)
	}
}

func TestUrbanClassOf(t *testing.T) {
	for _, tt := range []struct {
		pop  int64
		want string
	}{{0, "unknown"}, {-1, "unknown"}, {1, "rural"}, {4_999, "rural"}, {5_000, "town"},
		{49_999, "town"}, {50_000, "urban"}, {1_200_000, "urban"}} {
		if got := UrbanClassOf(tt.pop); got != tt.want {
			t.Errorf("UrbanClassOf(%d) = %s, want %s", tt.pop, got, tt.want)
		}
	}
}
