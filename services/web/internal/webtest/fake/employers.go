package fake

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
)

// Employers stands in for the employers service's API. It keeps roles
// and one profile in memory, enforces the role lifecycle and versions,
// and records every request with its body. A test that changes Roles or
// Profiles directly holds the fake's lock (Lock, Unlock) meanwhile, since
// the fake serves the gateway from other goroutines.
type Employers struct {
	*httptest.Server
	sync.Mutex
	// Roles are the stored roles by id, as the API answers them.
	Roles map[string]map[string]any
	// Profiles are other employers' profiles, by id, as staff see them.
	Profiles map[string]map[string]any
	seen     []Request
	order    []string
	profile  map[string]any
}

// transitions are the status changes the employers service allows from
// each status of a role that is not final.

var transitions = map[string][]string{"draft": {"open", "closed"}, "open": {"paused", "filled", "closed"}, "paused": {"open", "filled", "closed"}}

// NewEmployers starts the fake until the test ends. Its one profile is
// Café De Hoek's, in sector I; it has no roles yet.
func NewEmployers(t testing.TB) *Employers {
	t.Helper()
	f := &Employers{Roles: map[string]map[string]any{}, Profiles: map[string]map[string]any{}, profile: map[string]any{
		"display_name": "Café De Hoek", "sectors": []string{"I"}, "description": "", "website": "", "size_band": "1-9",
		"sites": []any{}, "fair_chance": map[string]any{"statement": "", "commitments": []string{}},
		"contact": map[string]any{"name": "", "email": "", "phone": ""}, "version": 1,
	}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// AddRole stores a role as if the employer had posted it.
func (f *Employers) AddRole(id, title, status string) {
	f.Lock()
	defer f.Unlock()
	f.Roles[id] = map[string]any{"id": id, "title": title, "status": status, "version": 1, "employer_id": "e1",
		"description": "", "essential_skills": []any{}, "optional_skills": []any{}}
	f.order = append(f.order, id)
}

// Count is how many requests with this method and path were seen.
func (f *Employers) Count(method, path string) int {
	f.Lock()
	defer f.Unlock()
	n := 0
	for _, s := range f.seen {
		if s.Method == method && s.Path == path {
			n++
		}
	}
	return n
}

// Last returns the last request with this method and path, or fails.
func (f *Employers) Last(t testing.TB, method, path string) Request {
	t.Helper()
	f.Lock()
	defer f.Unlock()
	for i := len(f.seen) - 1; i >= 0; i-- {
		if f.seen[i].Method == method && f.seen[i].Path == path {
			return f.seen[i]
		}
	}
	t.Fatalf("employers never saw %s %s", method, path)
	return Request{}
}

func (f *Employers) serve(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if buf, _ := io.ReadAll(r.Body); len(buf) > 0 {
		_ = json.Unmarshal(buf, &body)
	}
	f.Lock()
	defer f.Unlock()
	f.seen = append(f.seen, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Body: body})
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
		if p := f.Profiles[parts[1]]; p != nil {
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
	case len(parts) == 2 && parts[0] == "roles" && f.Roles[parts[1]] != nil && r.Method == http.MethodGet:
		answer(w, f.Roles[parts[1]])
	case len(parts) == 2 && parts[0] == "roles" && f.Roles[parts[1]] != nil && r.Method == http.MethodPatch:
		f.patchRole(w, f.Roles[parts[1]], body)
	case len(parts) == 3 && parts[2] == "status" && f.Roles[parts[1]] != nil && r.Method == http.MethodPost:
		f.changeStatus(w, f.Roles[parts[1]], body)
	default:
		problem(w, http.StatusNotFound)
	}
}

func (f *Employers) listRoles(w http.ResponseWriter, r *http.Request) {
	items := []any{}
	for _, id := range f.order {
		items = append(items, f.Roles[id])
	}
	next := ""
	if r.URL.Query().Get("cursor") == "" && len(items) > 1 {
		next = "page-2"
	}
	answer(w, map[string]any{"items": items, "next_cursor": next})
}

func (f *Employers) createRole(w http.ResponseWriter, body map[string]any) {
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
	if title, _ := body["title"].(string); strings.Contains(title, "fourth") && body["status"] == "open" {
		roleCapReached(w)
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
	f.Roles[id] = role
	f.order = append(f.order, id)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "status": status, "version": 1, "employer_id": "e1", "warnings": wordingFlags(body)})
}

func (f *Employers) patchRole(w http.ResponseWriter, role, body map[string]any) {
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

func (f *Employers) changeStatus(w http.ResponseWriter, role, body map[string]any) {
	allowed := transitions[role["status"].(string)]
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

func (f *Employers) serveProfile(w http.ResponseWriter, r *http.Request, body map[string]any) {
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

// roleCapReached answers as the employers service does when an employer
// already holds the most open roles of one occupation in one area (a role
// whose title says "fourth", in this fake).
func roleCapReached(w http.ResponseWriter) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(http.StatusConflict)
	_ = json.NewEncoder(w).Encode(map[string]any{"type": "/problems/role-cap-reached", "status": 409,
		"title": "You hold the most open roles allowed for this occupation in this area", "limit": 3, "radius_km": 30})
}
