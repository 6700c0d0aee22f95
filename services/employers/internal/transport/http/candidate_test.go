package http

import (
	"bytes"
	"testing"
)

// TestCandidateReadsOpenRolesAndPublicProfiles: a candidate signed in to
// their own account reads an open role by its id exactly as staff do, and
// an employer's profile without its contact person; a role that is not
// open is 404 to them, and listing, writing, the vocabulary, the wording
// check and the internal API are 403.
func TestCandidateReadsOpenRolesAndPublicProfiles(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	open := barista()
	open["status"] = "open"
	openA := h.create(t, "A", open).str("id")
	draftA := h.create(t, "A", barista()).str("id")
	h.call(t, "A", "GET", "/api/v1/employers/me", nil)
	h.call(t, "A", "PUT", "/api/v1/employers/me", fullProfile(1))

	role := h.call(t, "cand", "GET", "/api/v1/roles/"+openA, nil)
	if staff := h.call(t, "staff", "GET", "/api/v1/roles/"+openA, nil); role.status != 200 || !bytes.Equal(role.raw, staff.raw) {
		t.Errorf("the candidate reads an open role: %d %s; staff read %s", role.status, role.raw, staff.raw)
	}
	if a := h.call(t, "cand", "GET", "/api/v1/roles/"+draftA, nil); a.status != 404 {
		t.Errorf("the candidate reads a draft: %d %s", a.status, a.raw)
	}
	prof := h.call(t, "cand", "GET", "/api/v1/employers/emp-a", nil)
	if prof.status != 200 || prof.str("display_name") == "" {
		t.Errorf("the candidate reads the employer's profile: %d %s", prof.status, prof.raw)
	}
	if _, ok := prof.body["contact"]; ok || bytes.Contains(prof.raw, []byte("an@cafe-noord.example")) {
		t.Errorf("the candidate sees the employer's contact person: %s", prof.raw)
	}
	for _, r := range []struct {
		method, path string
		body         any
	}{
		{"GET", "/api/v1/roles", nil},
		{"GET", "/api/v1/roles?status=open", nil},
		{"GET", "/api/v1/roles/sectors", nil},
		{"POST", "/api/v1/roles", barista()},
		{"PATCH", "/api/v1/roles/" + openA, map[string]any{"version": 1, "title": "x"}},
		{"POST", "/api/v1/roles/" + openA + "/status", map[string]any{"status": "paused"}},
		{"POST", "/api/v1/roles/wording-check", map[string]any{"title": "Barista", "description": "clean record"}},
		{"POST", "/api/v1/roles/validate", barista()},
		{"POST", "/api/v1/roles/" + openA + "/validate", barista()},
		{"GET", "/api/v1/employers/me", nil},
		{"PUT", "/api/v1/employers/me", fullProfile(2)},
		{"GET", "/internal/v1/roles", nil},
		{"GET", "/internal/v1/roles/" + openA, nil},
	} {
		if a := h.call(t, "cand", r.method, r.path, r.body); a.status != 403 {
			t.Errorf("the candidate: %s %s = %d %s, want 403", r.method, r.path, a.status, a.raw)
		}
	}
}
