package fake

import (
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

// Portfolio stands in for the candidates service's API as the
// portfolio pages use it: one candidate "c1" (alias K7Q2), two programmes
// of which the caller supervises the first, and the skills, consent,
// export, erase and audit routes. It records every request with its body
// and X-Onward-Purpose header.
//
// A test that sets ForbidAttest holds the fake's lock (Lock, Unlock)
// meanwhile.
type Portfolio struct {
	*httptest.Server
	sync.Mutex
	// ForbidAttest answers attestations with 403, as for a non-supervisor.
	ForbidAttest bool
	seen         []PortfolioRequest
	candidate    map[string]any
	erased       bool
}

// PortfolioRequest is one request the portfolio fake saw: its purpose
// header, its body decoded and raw.
type PortfolioRequest struct {
	Method, Path, Purpose string
	Query                 url.Values
	Body                  map[string]any
	Raw                   string
}

// PortfolioExport is the body of the fake candidate's data export.
const PortfolioExport = `{"exported_at":"2026-11-21T08:00:00Z","candidate":{"id":"c1","alias":"K7Q2","given_name":"Jan"},"programmes":[],"audit":[]}`

// NewPortfolio starts the fake until the test ends.
func NewPortfolio(t testing.TB) *Portfolio {
	t.Helper()
	f := &Portfolio{candidate: map[string]any{
		"id": "c1", "alias": "K7Q2", "version": 3, "given_name": "Jan", "family_name": "Peeters",
		"setting": "transition_house", "skills": []any{}, "attestations": []any{},
		"consent": map[string]any{"matching": true, "text_version": "2026-11", "recorded_by": "", "recorded_at": "2026-11-02T09:30:00Z"},
	}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// Requests returns the requests seen with this method and path.
func (f *Portfolio) Requests(method, path string) []PortfolioRequest {
	f.Lock()
	defer f.Unlock()
	var out []PortfolioRequest
	for _, s := range f.seen {
		if s.Method == method && s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// Only returns the one request with this method and path, or fails.
func (f *Portfolio) Only(t testing.TB, method, path string) PortfolioRequest {
	t.Helper()
	got := f.Requests(method, path)
	if len(got) != 1 {
		t.Fatalf("candidates saw %s %s %d times, want once", method, path, len(got))
	}
	return got[0]
}

func (f *Portfolio) serve(w http.ResponseWriter, r *http.Request) {
	raw, _ := io.ReadAll(r.Body)
	var body map[string]any
	_ = json.Unmarshal(raw, &body)
	f.Lock()
	defer f.Unlock()
	f.seen = append(f.seen, PortfolioRequest{Method: r.Method, Path: r.URL.Path, Purpose: r.Header.Get("X-Onward-Purpose"),
		Query: r.URL.Query(), Body: body, Raw: string(raw)})
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	me := callerID(r)
	switch route := r.Method + " " + r.URL.Path; {
	case f.erased && strings.HasPrefix(r.URL.Path, "/api/v1/candidates/c1"):
		problem(w, http.StatusNotFound)
	case route == "GET /api/v1/consent-texts": // candidates_corrections.go
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
		_, _ = io.WriteString(w, PortfolioExport)
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
func (f *Portfolio) list(w http.ResponseWriter) {
	items := []any{}
	if !f.erased {
		items = append(items, map[string]any{"id": "c1", "alias": "K7Q2", "display_name": "Jan Peeters",
			"setting": "transition_house", "consent_matching": true, "version": 3})
	}
	answer(w, map[string]any{"items": items, "next_cursor": ""})
}

func (f *Portfolio) attest(w http.ResponseWriter, body map[string]any) {
	if f.ForbidAttest {
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

func (f *Portfolio) audit(w http.ResponseWriter, r *http.Request, me string) {
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
