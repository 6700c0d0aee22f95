package http

import (
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// The texts people write in these tests, which the facts must never carry.
const (
	factsNote   = "Robin may use the side door; ask for Kim"
	factsThread = "Robin takes the 7:40 bus from the hostel"
)

// hiredWithAnswers makes the history of a hire of cand-1 on role-a with a
// note, a thread message, and three answered follow-ups (the programme
// says "no longer working" at 90 days), and returns the facts it expects.
func (h *harness) hiredWithAnswers(t *testing.T) api.IntroductionFacts {
	t.Helper()
	requested := h.clock.Now()
	id := h.call(t, "empA", "POST", "/api/v1/roles/role-a/introductions", h.ask("ref-1", factsNote)).str("id")
	h.clock.Add(time.Hour)
	answered := h.clock.Now()
	if a := h.call(t, "staffP", "POST", "/api/v1/introductions/"+id+"/answer", map[string]any{"accept": true, "consent_text_version": "v1",
		"contact": "through_staff", "disclose": []string{"phone"}}); a.status != 200 {
		t.Fatalf("accept = %d %s", a.status, a.raw)
	}
	if m := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/messages", map[string]any{"text": factsThread}); m.status != 201 {
		t.Fatalf("message = %d %s", m.status, m.raw)
	}
	h.clock.Add(48 * time.Hour)
	hired := h.clock.Now()
	o := h.call(t, "empA", "POST", "/api/v1/introductions/"+id+"/outcome", map[string]any{"outcome": "hired",
		"placement": map[string]any{"start_date": "2026-04-01", "contract": "permanent", "hours_per_week": 30}})
	if o.status != 200 {
		t.Fatalf("hire = %d %s", o.status, o.raw)
	}
	answerFollowUp := func(who string, index int, body map[string]any) time.Time {
		h.clock.Add(time.Hour)
		list := h.call(t, who, "GET", "/api/v1/followups", nil).items()
		if a := h.call(t, who, "POST", "/api/v1/followups/"+list[index]["id"].(string), body); a.status != 200 {
			t.Fatalf("follow-up answer = %d %s", a.status, a.raw)
		}
		return h.clock.Now()
	}
	h.clock.now = time.Date(2026, 5, 2, 8, 0, 0, 0, time.UTC)
	employer30 := answerFollowUp("empA", 0, map[string]any{"still_working": true})
	programme30 := answerFollowUp("staffP", 0, map[string]any{"still_working": true})
	h.clock.now = time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)
	programme90 := answerFollowUp("staffP", 1, map[string]any{"still_working": false, "reason": "moved_job"})

	yes, no := true, false
	due := func(day string) time.Time { d, _ := time.Parse(time.DateOnly, day); return d }
	return api.IntroductionFacts{
		ID: id, RoleID: "role-a", EmployerOrgID: "emp-a", CandidateID: "cand-1", CandidateOrgID: "prog-p",
		Status: api.IntroductionStatusAccepted, RequestedAt: requested,
		Answer:  &api.IntroductionFactsAnswer{Accepted: true, AnsweredAt: answered},
		Outcome: &api.IntroductionFactsOutcome{Kind: api.MeetingOutcomeKindHired, RecordedAt: hired},
		Placement: &api.IntroductionFactsPlacement{ID: o.str("placement_id"), RecordedAt: hired, StartDate: "2026-04-01",
			Contract: api.ContractKindPermanent, Status: api.PlacementStatusEnded, EndedOn: ptr("2026-07-01")},
		Followups: []api.IntroductionFactsFollowUp{
			{Day: 30, Side: api.PartySideEmployer, DueAt: due("2026-05-01"), StillWorking: &yes, AnsweredAt: &employer30},
			{Day: 30, Side: api.PartySideProgramme, DueAt: due("2026-05-01"), StillWorking: &yes, AnsweredAt: &programme30},
			{Day: 90, Side: api.PartySideEmployer, DueAt: due("2026-06-30")},
			{Day: 90, Side: api.PartySideProgramme, DueAt: due("2026-06-30"), StillWorking: &no, AnsweredAt: &programme90},
			{Day: 180, Side: api.PartySideEmployer, DueAt: due("2026-09-28")},
			{Day: 180, Side: api.PartySideProgramme, DueAt: due("2026-09-28")},
		},
	}
}

// noText fails when raw holds anything a person wrote or chose: the
// note, the thread, the alias, the role's title, the employer's name,
// the disclosure, and the reasons.
func noText(t *testing.T, raw string) {
	t.Helper()
	for _, s := range []string{factsNote, factsThread, "Robin", "Alias of", "Barista", "Org emp-a", "phone", "through_staff",
		"moved_job", "travel", "reason", "message", `"ua"`, `"sp"`, `"sq"`} {
		if strings.Contains(raw, s) {
			t.Errorf("the facts hold %q: %s", s, raw)
		}
	}
}

// factLines reads a facts stream by introduction id, and checks that it
// ends with an end line counting them.
func factLines(t *testing.T, raw string) map[string]map[string]any {
	t.Helper()
	return testkit.NDJSONByID(t, raw)
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(raw)
}
