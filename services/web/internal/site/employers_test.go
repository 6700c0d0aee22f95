package site_test

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
)

// fakeEmployers stands in for the employers service's API. It keeps roles
// and one profile in memory, enforces the role lifecycle and versions,
// and records every request with its body.
type fakeEmployers struct {
	*httptest.Server
	mu      sync.Mutex
	seen    []seenRequest
	roles   map[string]map[string]any
	order   []string
	profile map[string]any
	// employers are other employers' profiles, by id, as staff see them.
	employers map[string]map[string]any
}

type seenRequest struct {
	Method, Path string
	Query        url.Values
	Body         map[string]any
}

var fakeTransitions = map[string][]string{"draft": {"open", "closed"}, "open": {"paused", "filled", "closed"}, "paused": {"open", "filled", "closed"}}

func newFakeEmployers(t *testing.T) *fakeEmployers {
	t.Helper()
	f := &fakeEmployers{roles: map[string]map[string]any{}, employers: map[string]map[string]any{}, profile: map[string]any{
		"display_name": "Café De Hoek", "sectors": []string{"I"}, "description": "", "website": "", "size_band": "1-9",
		"sites": []any{}, "fair_chance": map[string]any{"statement": "", "commitments": []string{}},
		"contact": map[string]any{"name": "", "email": "", "phone": ""}, "version": 1,
	}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// addRole stores a role as if the employer had posted it.
func (f *fakeEmployers) addRole(id, title, status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.roles[id] = map[string]any{"id": id, "title": title, "status": status, "version": 1, "employer_id": "e1",
		"description": "", "essential_skills": []any{}, "optional_skills": []any{}}
	f.order = append(f.order, id)
}

// count is how many requests with this method and path were seen.
func (f *fakeEmployers) count(method, path string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	n := 0
	for _, s := range f.seen {
		if s.Method == method && s.Path == path {
			n++
		}
	}
	return n
}

// last returns the last request with this method and path, or fails.
func (f *fakeEmployers) last(t *testing.T, method, path string) seenRequest {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.seen) - 1; i >= 0; i-- {
		if f.seen[i].Method == method && f.seen[i].Path == path {
			return f.seen[i]
		}
	}
	t.Fatalf("employers never saw %s %s", method, path)
	return seenRequest{}
}

func (f *fakeEmployers) serve(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if buf, _ := io.ReadAll(r.Body); len(buf) > 0 {
		_ = json.Unmarshal(buf, &body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, seenRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Body: body})
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v1/"), "/")
	if f.serveRoleExtras(w, r, parts, body) {
		return
	}
	switch {
	case r.URL.Path == "/api/v1/employers/me":
		f.serveProfile(w, r, body)
	case len(parts) == 2 && parts[0] == "employers" && r.Method == http.MethodGet:
		if p := f.employers[parts[1]]; p != nil {
			answer(w, p)
		} else {
			problem(w, http.StatusNotFound)
		}
	case r.URL.Path == "/api/v1/roles/wording-check" && r.Method == http.MethodPost:
		answer(w, map[string]any{"flags": wordingFlags(body)})
	case r.URL.Path == "/api/v1/roles" && r.Method == http.MethodGet:
		f.listRoles(w, r)
	case r.URL.Path == "/api/v1/roles" && r.Method == http.MethodPost:
		f.createRole(w, body)
	case len(parts) == 2 && parts[0] == "roles" && f.roles[parts[1]] != nil && r.Method == http.MethodGet:
		answer(w, f.roles[parts[1]])
	case len(parts) == 2 && parts[0] == "roles" && f.roles[parts[1]] != nil && r.Method == http.MethodPatch:
		f.patchRole(w, f.roles[parts[1]], body)
	case len(parts) == 3 && parts[2] == "status" && f.roles[parts[1]] != nil && r.Method == http.MethodPost:
		f.changeStatus(w, f.roles[parts[1]], body)
	default:
		problem(w, http.StatusNotFound)
	}
}

func (f *fakeEmployers) listRoles(w http.ResponseWriter, r *http.Request) {
	items := []any{}
	for _, id := range f.order {
		items = append(items, f.roles[id])
	}
	next := ""
	if r.URL.Query().Get("cursor") == "" && len(items) > 1 {
		next = "page-2"
	}
	answer(w, map[string]any{"items": items, "next_cursor": next})
}

func (f *fakeEmployers) createRole(w http.ResponseWriter, body map[string]any) {
	if title, _ := body["title"].(string); strings.Contains(title, "night") {
		fieldProblem(w, map[string]string{"schedule.shifts[1].end": "must be after start"})
		return
	}
	if title, _ := body["title"].(string); strings.Contains(title, "fluent") {
		fieldProblem(w, map[string]string{"languages[1].min_level": "must be one of A1, A2, B1, B2, C1, C2"})
		return
	}
	if title, _ := body["title"].(string); strings.Contains(title, "bad") {
		fieldProblem(w, map[string]string{"start_date": "must not be in the past", "essential_skills[0].min_level": "must be between 1 and 4"})
		return
	}
	id := fmt.Sprintf("r%d", len(f.order)+1)
	status, _ := body["status"].(string)
	if status == "" {
		status = "draft"
	}
	role := map[string]any{"id": id, "status": status, "version": 1, "employer_id": "e1"}
	for k, v := range body {
		if k != "status" {
			role[k] = v
		}
	}
	f.roles[id] = role
	f.order = append(f.order, id)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "status": status, "version": 1, "employer_id": "e1", "warnings": wordingFlags(body)})
}

func (f *fakeEmployers) patchRole(w http.ResponseWriter, role, body map[string]any) {
	if fmt.Sprint(body["version"]) != fmt.Sprint(role["version"]) {
		conflict(w, nil)
		return
	}
	for k, v := range body {
		if k != "version" && k != "status" {
			role[k] = v
		}
	}
	role["version"] = role["version"].(int) + 1
	answer(w, role)
}

func (f *fakeEmployers) changeStatus(w http.ResponseWriter, role, body map[string]any) {
	allowed := fakeTransitions[role["status"].(string)]
	to, _ := body["status"].(string)
	for _, a := range allowed {
		if a == to {
			role["status"] = to
			role["version"] = role["version"].(int) + 1
			answer(w, role)
			return
		}
	}
	conflict(w, allowed)
}

func (f *fakeEmployers) serveProfile(w http.ResponseWriter, r *http.Request, body map[string]any) {
	if r.Method == http.MethodGet {
		answer(w, f.profile)
		return
	}
	if fmt.Sprint(body["version"]) != fmt.Sprint(f.profile["version"]) {
		conflict(w, nil)
		return
	}
	if site, _ := body["website"].(string); strings.Contains(site, "bad") {
		fieldProblem(w, map[string]string{"website": "must be a URL"})
		return
	}
	saved := maps.Clone(body)
	saved["version"] = f.profile["version"].(int) + 1
	f.profile = saved
	answer(w, saved)
}

// wordingFlags flags "clean record" as the real check does.
func wordingFlags(body map[string]any) []any {
	flags := []any{}
	for _, field := range []string{"title", "description"} {
		text, _ := body[field].(string)
		if i := strings.Index(strings.ToLower(text), "clean record"); i >= 0 {
			flags = append(flags, map[string]any{"field": field, "phrase": "clean record", "start": i, "end": i + 12,
				"suggestion": "reliable", "reason": "puts people with a record off applying"})
		}
	}
	return flags
}

func fieldProblem(w http.ResponseWriter, fields map[string]string) {
	var errors []map[string]string
	for f, m := range fields {
		errors = append(errors, map[string]string{"field": f, "message": m})
	}
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusBadRequest)
	_ = json.NewEncoder(w).Encode(map[string]any{"type": "validation", "title": "Invalid input", "status": 400, "errors": errors})
}

func conflict(w http.ResponseWriter, allowed []string) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusConflict)
	p := map[string]any{"type": "conflict", "title": "Conflict", "status": 409}
	if allowed != nil {
		p["allowed"] = allowed
	}
	_ = json.NewEncoder(w).Encode(p)
}

// employerSession starts a gateway wired to fake employers and matching
// services, and signs an employer up.
func employerSession(t *testing.T) (*browser, *fakeEmployers, *fakeMatching) {
	t.Helper()
	e, m := newFakeEmployers(t), newFakeMatching(t)
	g := start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	b := newBrowser(t, g)
	b.signUp("Café De Hoek", "Ana", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)
	return b, e, m
}
