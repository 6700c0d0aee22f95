package domain

import (
	"slices"
	"testing"
	"time"
)

// at returns a time in UTC from "2006-01-02" or "2006-01-02T15:04".
func at(t *testing.T, s string) time.Time {
	t.Helper()
	layout := time.DateOnly
	if len(s) > len(layout) {
		layout = "2006-01-02T15:04"
	}
	v, err := time.Parse(layout, s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func yes() *bool { v := true; return &v }
func no() *bool  { v := false; return &v }

// walked is a candidate walked through every step: registered in
// January 2025, hired in February to start on 1 March, working at day 30
// (31 March), nobody answering for day 90 (30 May), ended early on 15 July
// before day 180 (28 August).
func walked(t *testing.T) Progress {
	return Progress{
		CandidateID: "cand-1", OrganisationID: "org-1",
		Programmes: []ProgrammeFacts{{ID: "prog-roastery", Kind: "coffee_roastery"}},
		Setting:    "transition_house", Country: "BE", Region: "BE.VLG", Urban: UrbanClassOf(76_000),
		CreatedAt:           at(t, "2025-01-10T09:00"),
		ConsentFirstGivenAt: at(t, "2025-01-12T10:00"),
		FirstShortlistedAt:  at(t, "2025-01-20T08:00"),
		Introductions: []IntroductionFacts{{
			ID: "intro-1", RoleID: "role-1", EmployerOrgID: "emp-1",
			RoleContract: "permanent", RoleOccupation: "barista",
			RequestedAt: at(t, "2025-02-03T11:00"),
			Answer:      &AnswerFacts{Accepted: true, AnsweredAt: at(t, "2025-02-05T16:00")},
			Outcome:     &OutcomeFacts{Kind: OutcomeHired, RecordedAt: at(t, "2025-02-20T14:00")},
			Placement: &PlacementFacts{ID: "pl-1", RecordedAt: at(t, "2025-02-21T09:00"),
				StartDate: at(t, "2025-03-01"), Contract: "permanent", Status: "ended", EndedOn: at(t, "2025-07-15")},
			FollowUps: []FollowUpFacts{
				{Day: 30, Side: "employer", DueAt: at(t, "2025-03-31"), StillWorking: yes(), AnsweredAt: at(t, "2025-04-02T10:00")},
				{Day: 30, Side: "programme", DueAt: at(t, "2025-03-31")},
				{Day: 90, Side: "employer", DueAt: at(t, "2025-05-30")},
				{Day: 90, Side: "programme", DueAt: at(t, "2025-05-30")},
				{Day: 180, Side: "employer", DueAt: at(t, "2025-08-28")},
				{Day: 180, Side: "programme", DueAt: at(t, "2025-08-28")},
			},
		}},
	}
}

// measures lists "measure@month" for every cell of one scope, view,
// dimension and group, sorted.
func measures(cells map[Key]struct{}, scope string, v View, d Dimension, group string) []string {
	var out []string
	for k := range cells {
		if k.Scope == scope && k.View == v && k.Dimension == d && k.Group == group {
			out = append(out, k.Measure.String()+"@"+k.Month.String())
		}
	}
	slices.Sort(out)
	return out
}

// groupsOf lists the groups of one dimension among the cells of a scope
// and view that count measure, sorted.
func groupsOf(cells map[Key]struct{}, scope string, v View, d Dimension, m Measure) []string {
	var out []string
	for k := range cells {
		if k.Scope == scope && k.View == v && k.Dimension == d && k.Measure == m {
			out = appendNew(out, k.Group)
		}
	}
	slices.Sort(out)
	return out
}
