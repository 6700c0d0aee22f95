package site_test

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// fakeShortlists stands in for the matching service's shortlist,
// suggestion and count API ("Matching HTTP API"). It pages by offset
// cursors, honours full_only, records every request, and can be told to
// refuse a role or candidate, or to be down.
type fakeShortlists struct {
	*httptest.Server
	mu          sync.Mutex
	seen        []seenRequest
	shortlists  map[string][]map[string]any
	suggestions map[string][]map[string]any
	counts      map[string]map[string]int
	// refuse answers a role or candidate id with this status.
	refuse     map[string]int
	down       bool
	countsDown bool
}

func newFakeShortlists(t *testing.T) *fakeShortlists {
	t.Helper()
	f := &fakeShortlists{shortlists: map[string][]map[string]any{}, suggestions: map[string][]map[string]any{},
		counts: map[string]map[string]int{}, refuse: map[string]int{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

func (f *fakeShortlists) set(fn func(f *fakeShortlists)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// requests returns the requests to path.
func (f *fakeShortlists) requests(path string) []seenRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []seenRequest
	for _, s := range f.seen {
		if s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// last returns the last request to path, or fails.
func (f *fakeShortlists) last(t *testing.T, path string) seenRequest {
	t.Helper()
	all := f.requests(path)
	if len(all) == 0 {
		t.Fatalf("matching never saw %s", path)
	}
	return all[len(all)-1]
}

func (f *fakeShortlists) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, seenRequest{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query()})
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	if f.down {
		problem(w, http.StatusServiceUnavailable)
		return
	}
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v1/"), "/")
	switch {
	case r.URL.Path == "/api/v1/matching/shortlist-counts":
		if f.countsDown {
			problem(w, http.StatusInternalServerError)
			return
		}
		counts := map[string]any{}
		for _, id := range r.URL.Query()["role"] {
			if n, ok := f.counts[id]; ok {
				counts[id] = n
			}
		}
		answer(w, map[string]any{"counts": counts})
	case len(parts) == 3 && parts[0] == "roles" && parts[2] == "shortlist":
		if st := f.refuse[parts[1]]; st != 0 {
			problem(w, st)
			return
		}
		items := f.shortlists[parts[1]]
		if r.URL.Query().Get("full_only") == "true" {
			var full []map[string]any
			for _, it := range items {
				if it["match"] == "full" {
					full = append(full, it)
				}
			}
			items = full
		}
		page, next, ok := pageOf(r, items)
		if !ok {
			problem(w, http.StatusBadRequest)
			return
		}
		answer(w, map[string]any{"role_id": parts[1], "role_version": 3, "computed_at": "2026-11-21T08:00:00Z",
			"total": len(items), "items": page, "next_cursor": next})
	case len(parts) == 3 && parts[0] == "candidates" && parts[2] == "suggestions":
		if st := f.refuse[parts[1]]; st != 0 {
			problem(w, st)
			return
		}
		page, next, ok := pageOf(r, f.suggestions[parts[1]])
		if !ok {
			problem(w, http.StatusBadRequest)
			return
		}
		answer(w, map[string]any{"candidate_id": parts[1], "computed_at": "2026-11-21T08:00:00Z", "items": page, "next_cursor": next})
	default:
		problem(w, http.StatusNotFound)
	}
}

// pageOf cuts one page out of items by the request's limit and cursor
// ("at-<offset>").
func pageOf(r *http.Request, items []map[string]any) ([]map[string]any, string, bool) {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit < 1 || limit > 100 {
		return nil, "", false
	}
	from := 0
	if c := r.URL.Query().Get("cursor"); c != "" {
		n, err := strconv.Atoi(strings.TrimPrefix(c, "at-"))
		if err != nil || !strings.HasPrefix(c, "at-") || n > len(items) {
			return nil, "", false
		}
		from = n
	}
	to, next := min(from+limit, len(items)), ""
	if to < len(items) {
		next = "at-" + strconv.Itoa(to)
	}
	page := items[from:to]
	if page == nil {
		page = []map[string]any{}
	}
	return page, next, true
}

// shortlistEntry is an entry as the contract describes it. Near entries
// miss an essential skill.
func shortlistEntry(alias, match string) map[string]any {
	missing := []any{map[string]any{"skill": "latte-art", "label": "Latte art", "required_level": 3, "essential": false,
		"programmes": []any{map[string]any{"kind": "coffee_roastery", "name": "Coffee roastery workshop"}}}}
	summary := "Strong barista skills, available soon, 15–30 km away."
	if match == "near" {
		missing = append(missing, map[string]any{"skill": "forklift", "label": "Forklift licence", "required_level": 2, "essential": true,
			"programmes": []any{map[string]any{"kind": "logistics", "name": ""}}})
		summary = "Near match: lacks a forklift licence."
	}
	return map[string]any{
		"candidate_ref": "ref-" + alias, "alias": alias, "score": 8123, "match": match,
		"card": map[string]any{
			"alias":           alias,
			"skills":          []any{map[string]any{"skill": "espresso", "label": "Espresso preparation", "level": 3, "hours": 600, "attested": true}},
			"certificates":    []any{"Food hygiene"},
			"languages":       []any{map[string]any{"code": "nl", "level": "B1"}},
			"available_month": "2027-01", "distance_band": "15-30 km", "day_release": true, "schedule_fit": "full",
			"programme_kinds": []any{"coffee_roastery"},
		},
		"explanation": map[string]any{
			"summary": summary,
			"matched_skills": []any{map[string]any{"skill": "espresso", "label": "Espresso preparation", "candidate_level": 3,
				"required_level": 2, "essential": true, "via": ""}},
			"missing_skills": missing, "distance_km": 22, "available_from": "2027-01",
			"schedule_fit": "full", "language_fit": "partial", "day_release": true,
		},
	}
}

// leakyEntry is an entry that (wrongly) carries who and where the
// candidate is, at the entry's level and inside its card and
// explanation.
func leakyEntry(alias string) map[string]any {
	e := shortlistEntry(alias, "full")
	secrets := map[string]any{"name": "Jan Peeters", "given_name": "Jan", "family_name": "Peeters", "email": "jan.peeters@example.test",
		"phone": "+32 470 12 34 56", "house": "Kortrijk detention house", "organisation": "Koffiebranderij Kortrijk", "date_of_birth": "1990-04-01"}
	for k, v := range secrets {
		e[k] = v
		e["card"].(map[string]any)[k] = v
		e["explanation"].(map[string]any)[k] = v
	}
	e["card"].(map[string]any)["available_from"] = "2027-01-14"
	e["explanation"].(map[string]any)["available_from"] = "2027-01-14"
	return e
}

// suggestionItem is one role that fits a candidate, as staff get it.
func suggestionItem(n int, employer, match string) map[string]any {
	it := map[string]any{"role_id": "r" + strconv.Itoa(n), "title": "Role number " + strconv.Itoa(n), "employer_id": employer,
		"score": 9000 - n, "match": match,
		"explanation": map[string]any{
			"summary":        "Fits role " + strconv.Itoa(n) + ".",
			"matched_skills": []any{map[string]any{"skill": "espresso", "label": "Espresso preparation", "candidate_level": 3, "required_level": 2, "essential": true}},
			"missing_skills": []any{}, "distance_km": 12, "available_from": "2027-01-15", "schedule_fit": "full", "language_fit": "full",
		},
	}
	if match == "near" {
		it["explanation"].(map[string]any)["missing_skills"] = []any{map[string]any{"skill": "forklift", "label": "Forklift licence",
			"required_level": 2, "essential": true, "programmes": []any{
				map[string]any{"kind": "logistics", "name": "Logistics workshop"}, map[string]any{"kind": "logistics", "name": "Gent house"}}}}
	}
	return it
}
