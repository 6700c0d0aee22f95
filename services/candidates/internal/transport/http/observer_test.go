package http

import "testing"

// TestObserverReachesNoCandidate: an observer organisation (a funder, a
// city) reads aggregate reports elsewhere and nothing here. Every
// candidate, programme and attestation route answers 403 before any
// lookup, so it learns nothing of what exists either; a disclosure answers
// 404 to whoever is not a party to it, as it does for everyone.
func TestObserverReachesNoCandidate(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	att := h.call(t, "member", "POST", "/api/v1/candidates/"+id+"/skills", map[string]any{
		"skill": "coffee-roasting", "level": 3, "hours": 600, "programme": prog, "evidence": "Roasts daily batches alone.", "date": "2026-11-20",
	}).must(t, 201).str("id")

	if r := h.call(t, "observer", "GET", "/api/v1/disclosures/no-such", nil); r.status != 404 {
		t.Errorf("observer reads a disclosure: %d, want 404; %s", r.status, r.raw)
	}
	for _, tc := range []struct{ method, path string }{
		{"GET", "/api/v1/candidates"},
		{"POST", "/api/v1/candidates"},
		{"GET", "/api/v1/candidates/" + id},
		{"GET", "/api/v1/candidates/" + id + "/export"},
		{"GET", "/api/v1/candidates/" + id + "/disclosures"},
		{"GET", "/api/v1/programmes"},
		{"GET", "/api/v1/programmes/" + prog},
		{"GET", "/api/v1/attestations/" + att + "/verify"},
		{"GET", "/api/v1/attestations/no-such/verify"},
		{"POST", "/api/v1/attestations/" + att + "/revocation"},
	} {
		if r := h.call(t, "observer", tc.method, tc.path, map[string]any{}); r.status != 403 {
			t.Errorf("observer %s %s: %d, want 403; %s", tc.method, tc.path, r.status, r.raw)
		}
	}
}
