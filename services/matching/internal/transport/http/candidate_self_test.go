package http

import (
	"bytes"
	"testing"
)

// TestSuggestionsForTheCandidateThemself: a candidate signed in to their
// own account reads their suggestions exactly as their staff do, the same
// explanation included; any other candidate, of their organisation or
// another, known or not, answers them 404; shortlists, counts and the
// status answer them 403.
func TestSuggestionsForTheCandidateThemself(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	path := "/api/v1/candidates/cand-0000/suggestions"
	own := a.get(t, candidate0, path, nil, "Accept-Language", "nl")
	staff := a.get(t, staffOrg0, path, nil, "Accept-Language", "nl")
	if own.status != 200 || len(own.items()) == 0 {
		t.Fatalf("the candidate's own suggestions: %d %s", own.status, own.raw)
	}
	if !bytes.Equal(own.raw, staff.raw) {
		t.Errorf("the candidate's suggestions differ from the staff's:\n%s\n%s", own.raw, staff.raw)
	}
	for _, other := range []string{"cand-0002", "cand-0001", "cand-9999"} {
		if r := a.get(t, candidate0, "/api/v1/candidates/"+other+"/suggestions", nil); r.status != 404 {
			t.Errorf("the candidate reading %s's suggestions: %d %s, want 404", other, r.status, r.raw)
		}
	}
	for _, p := range []string{"/api/v1/roles/role-000/shortlist", "/api/v1/matching/status", "/api/v1/matching/shortlist-counts?role_ids=role-000",
		"/internal/v1/candidates/shortlisted", "/internal/v1/candidates/cand-0000/shortlisted"} {
		if r := a.get(t, candidate0, p, nil); r.status != 403 {
			t.Errorf("the candidate reading %s: %d %s, want 403", p, r.status, r.raw)
		}
	}

	// A candidate the index does not hold hears why, as staff do.
	a.owner.set("cand-new", "org-1", false)
	r := a.get(t, candidateNew, "/api/v1/candidates/cand-new/suggestions", nil)
	if r.status != 200 || r.body["state"] != "no_consent" {
		t.Errorf("the candidate without consent: %d %s", r.status, r.raw)
	}
	if r := a.get(t, candidateNew, path, nil); r.status != 404 {
		t.Errorf("another candidate reading cand-0000's suggestions: %d %s, want 404", r.status, r.raw)
	}
}
