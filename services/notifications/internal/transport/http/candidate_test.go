package http

import "testing"

// TestCandidateSeesOnlyTheirOwnInbox: a candidate signed in to their own
// account has an inbox and preferences of their own, like any person, and
// nobody else's notifications; the deliveries and an organisation's
// defaults, which are administrators', answer them 403.
func TestCandidateSeesOnlyTheirOwnInbox(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(t, "uc", 1)
	theirs := h.call(t, "otherOrg", "GET", "/api/v1/notifications", nil).items()[0]["id"].(string)
	if a := h.call(t, "self", "GET", "/api/v1/notifications", nil); a.status != 200 || len(a.items()) != 0 {
		t.Errorf("the candidate's inbox = %d %v", a.status, a.body)
	}
	if a := h.call(t, "self", "POST", "/api/v1/notifications/"+theirs+"/read", nil); a.status != 404 {
		t.Errorf("the candidate marking another's notification = %d", a.status)
	}
	if a := h.call(t, "self", "GET", "/api/v1/notifications/preferences", nil); a.status != 200 {
		t.Errorf("the candidate's preferences = %d %v", a.status, a.body)
	}
	for _, r := range []struct{ method, path string }{
		{"GET", "/api/v1/notifications/deliveries"},
		{"PUT", "/api/v1/notifications/preferences/organisation"},
	} {
		if a := h.call(t, "self", r.method, r.path, map[string]any{}); a.status != 403 {
			t.Errorf("the candidate: %s %s = %d %v, want 403", r.method, r.path, a.status, a.body)
		}
	}
}
