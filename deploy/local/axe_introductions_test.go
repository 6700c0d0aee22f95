package launcher

import (
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// seedIntroductions gives the audited pages of issue 14 something to
// show: the shortlist's candidate has a request waiting for an answer; a
// second candidate accepted a request on the same role, sharing the phone
// number, with a message each way; a third was hired on a second role 200
// days ago, so every follow-up is due. The second and third are
// registered here, after the shortlist was read with one candidate, and
// the hire takes the third off every shortlist again.
func (w *axeWorld) seedIntroductions(t *testing.T, staff, employer apiClient, programme string) {
	t.Helper()
	meeting := map[string]any{"mode": "at_site", "windows": []any{map[string]any{
		"start": time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339), "end": time.Now().Add(73 * time.Hour).UTC().Format(time.RFC3339)}}}
	ask := func(role, ref string) string {
		t.Helper()
		var in api.Introduction
		employer.do("POST", "/api/v1/roles/"+role+"/introductions", map[string]any{"candidate_ref": ref,
			"message": "We would like to meet for the morning shifts.", "meeting": meeting}, http.StatusCreated, &in)
		return in.ID
	}
	w.requested = ask(w.roleID, w.ref)

	var disclosedAlias, placedAlias string
	w.disclosedCandidate, disclosedAlias = registerBarista(t, staff, programme, "Bartholomeus", 3)
	w.placedCandidate, placedAlias = registerBarista(t, staff, programme, "Cleopatra", 3)
	list := waitShortlist(t, employer, w.roleID, func(s api.Shortlist) bool { return slices.Contains(aliases(s), disclosedAlias) })
	w.accepted = ask(w.roleID, cardOf(t, list, disclosedAlias).CandidateRef)
	staff.do("POST", "/api/v1/introductions/"+w.accepted+"/answer", map[string]any{"accept": true, "consent_text_version": "2026-12",
		"disclose": []string{"phone"}, "contact": "direct"}, http.StatusOK, nil)
	employer.do("POST", "/api/v1/introductions/"+w.accepted+"/messages", map[string]any{"text": "Would Tuesday at 10 suit?"}, http.StatusCreated, nil)
	staff.do("POST", "/api/v1/introductions/"+w.accepted+"/messages", map[string]any{"text": "Tuesday suits."}, http.StatusCreated, nil)
	var in api.Introduction
	employer.do("GET", "/api/v1/introductions/"+w.accepted, nil, http.StatusOK, &in)
	if in.DisclosureID == nil {
		t.Fatalf("the accepted introduction has no disclosure: %+v", in)
	}
	w.disclosure = *in.DisclosureID

	second := openBaristaRole(t, employer, 1)
	list = waitShortlist(t, employer, second, func(s api.Shortlist) bool { return slices.Contains(aliases(s), placedAlias) })
	w.hired = ask(second, cardOf(t, list, placedAlias).CandidateRef)
	staff.do("POST", "/api/v1/introductions/"+w.hired+"/answer", map[string]any{"accept": true, "consent_text_version": "2026-12",
		"contact": "through_staff"}, http.StatusOK, nil)
	employer.do("POST", "/api/v1/introductions/"+w.hired+"/outcome", map[string]any{"outcome": "hired", "placement": map[string]any{
		"start_date": time.Now().AddDate(0, 0, -200).Format(time.DateOnly), "contract": "permanent", "hours_per_week": 30}}, http.StatusOK, &in)
	if in.PlacementID == nil {
		t.Fatalf("the hire gave no placement: %+v", in)
	}
	w.placement = *in.PlacementID
	// The follow-ups are written a moment after the hire.
	for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(200 * time.Millisecond) {
		var due api.FollowUpPage
		staff.do("GET", "/api/v1/followups?status=open", nil, http.StatusOK, &due)
		if len(due.Items) == 3 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("staff see %d follow-ups, want 3", len(due.Items))
		}
	}
}
