package site_test

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
)

// fakePortfolio stands in for the candidates service's API as the
// portfolio pages use it: one candidate "c1" (alias K7Q2), two programmes
// of which the caller supervises the first, and the skills, consent,
// export, erase and audit routes. It records every request with its body
// and X-Onward-Purpose header.
type fakePortfolio struct {
	*httptest.Server
	mu        sync.Mutex
	seen      []portfolioRequest
	candidate map[string]any
	// forbidAttest answers attestations with 403, as for a non-supervisor.
	forbidAttest bool
	erased       bool
}

type portfolioRequest struct {
	Method, Path, Purpose string
	Query                 url.Values
	Body                  map[string]any
	Raw                   string
}

const exportBody = `{"exported_at":"2026-11-21T08:00:00Z","candidate":{"id":"c1","alias":"K7Q2","given_name":"Jan"},"programmes":[],"audit":[]}`

func newFakePortfolio(t *testing.T) *fakePortfolio {
	t.Helper()
	f := &fakePortfolio{candidate: map[string]any{
		"id": "c1", "alias": "K7Q2", "version": 3, "given_name": "Jan", "family_name": "Peeters",
		"setting": "transition_house", "skills": []any{}, "attestations": []any{},
		"consent": map[string]any{"matching": true, "text_version": "2026-11", "recorded_by": "", "recorded_at": "2026-11-02T09:30:00Z"},
	}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// requests returns the requests seen with this method and path.
func (f *fakePortfolio) requests(method, path string) []portfolioRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []portfolioRequest
	for _, s := range f.seen {
		if s.Method == method && s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// only returns the one request with this method and path, or fails.
func (f *fakePortfolio) only(t *testing.T, method, path string) portfolioRequest {
	t.Helper()
	got := f.requests(method, path)
	if len(got) != 1 {
		t.Fatalf("candidates saw %s %s %d times, want once", method, path, len(got))
	}
	return got[0]
}

// callerID reads the user id from the bearer token, unverified: the
// gateway has verified it, and the fake only needs to know who asks.
func callerID(r *http.Request) string {
	parts := strings.Split(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), ".")
	if len(parts) != 3 {
		return ""
	}
	buf, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var claims struct {
		Sub string `json:"sub"`
	}
	_ = json.Unmarshal(buf, &claims)
	return claims.Sub
}

func (f *fakePortfolio) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	_ = json.Unmarshal(raw, &body)
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, portfolioRequest{Method: r.Method, Path: r.URL.Path, Purpose: r.Header.Get("X-Onward-Purpose"),
		Query: r.URL.Query(), Body: body, Raw: string(raw)})
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	me := callerID(r)
	switch route := r.Method + " " + r.URL.Path; {
	case f.erased && strings.HasPrefix(r.URL.Path, "/api/v1/candidates/c1"):
		problem(w, http.StatusNotFound)
	case route == "GET /api/v1/consent-texts": // corrections_fake_test.go
		serveConsentTexts(w)
	case route == "GET /api/v1/programmes":
		answer(w, map[string]any{"next_cursor": "", "items": []any{
			map[string]any{"id": "p2", "name": "Garden — Vorst house", "kind": "garden", "skills": []string{"gardening"}, "supervisors": []string{"someone-else"}},
			map[string]any{"id": "p1", "name": "Coffee roastery — Kortrijk house", "kind": "coffee_roastery",
				"skills": []string{"coffee-roasting", "barista-skills"}, "supervisors": []string{me}},
		}})
	case route == "GET /api/v1/candidates":
		f.list(w)
	case route == "GET /api/v1/candidates/c1":
		answer(w, f.candidate)
	case route == "POST /api/v1/candidates/c1/skills":
		f.attest(w, body)
	case route == "PUT /api/v1/candidates/c1/consent":
		consent := map[string]any{"matching": body["matching"], "text_version": body["text_version"], "recorded_by": me,
			"recorded_at": time.Now().UTC().Format(time.RFC3339)}
		f.candidate["consent"] = consent
		answer(w, consent)
	case route == "GET /api/v1/candidates/c1/export":
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("Content-Disposition", `attachment; filename="onward-candidate-K7Q2.json"`)
		_, _ = io.WriteString(w, exportBody)
	case route == "DELETE /api/v1/candidates/c1":
		f.erased = true
		w.WriteHeader(http.StatusNoContent)
	case route == "GET /api/v1/candidates/c1/audit":
		f.audit(w, r, me)
	default:
		problem(w, http.StatusNotFound)
	}
}

// list answers the candidate list: c1 until it is erased.
func (f *fakePortfolio) list(w http.ResponseWriter) {
	items := []any{}
	if !f.erased {
		items = append(items, map[string]any{"id": "c1", "alias": "K7Q2", "display_name": "Jan Peeters",
			"setting": "transition_house", "consent_matching": true, "version": 3})
	}
	answer(w, map[string]any{"items": items, "next_cursor": ""})
}

func (f *fakePortfolio) attest(w http.ResponseWriter, body map[string]any) {
	if f.forbidAttest {
		problem(w, http.StatusForbidden)
		return
	}
	if date, _ := body["date"].(string); date > time.Now().UTC().Format(time.DateOnly) {
		fieldProblem(w, map[string]string{"date": "must not be in the future"})
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"id": "a1", "candidate_id": "c1", "skill": body["skill"], "level": body["level"]})
}

func (f *fakePortfolio) audit(w http.ResponseWriter, r *http.Request, me string) {
	if r.URL.Query().Get("cursor") != "" {
		answer(w, map[string]any{"next_cursor": "", "items": []any{
			map[string]any{"id": "e3", "at": "2026-11-01T10:00:00Z", "actor": "0b5c1e9e-0000-4000-8000-000000000000", "actor_org": "o2",
				"action": "create", "purpose": "case_work", "fields": []string{}},
		}})
		return
	}
	answer(w, map[string]any{"next_cursor": "page-2", "items": []any{
		map[string]any{"id": "e1", "at": "2026-11-20T14:05:00Z", "actor": me, "actor_org": "o1", "action": "attest",
			"purpose": "attestation", "fields": []string{"skills"}, "subject": "a1"},
		map[string]any{"id": "e2", "at": "2026-11-20T14:04:00Z", "actor": me, "actor_org": "o1", "action": "read",
			"purpose": "data_subject_request", "fields": []string{}},
	}})
}
