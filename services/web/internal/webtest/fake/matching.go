package fake

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// Matching stands in for the matching service's shortlist,
// suggestion and count API ("Matching HTTP API"). It pages by offset
// cursors, honours full_only, records every request, and can be told to
// refuse a role or candidate, or to be down.
//
// A test changes the exported fields inside Set, which holds the fake's
// lock.
type Matching struct {
	*httptest.Server
	mu   sync.Mutex
	seen []Request
	// Shortlists are the shortlists' entries by role id (see
	// ShortlistEntry).
	Shortlists map[string][]map[string]any
	// Suggestions are the roles that fit each candidate, by candidate id
	// (see SuggestionItem).
	Suggestions map[string][]map[string]any
	// Counts are the shortlists' counts by role id, by match ("full",
	// "near").
	Counts map[string]map[string]int
	// States are the suggestions' states by candidate: no_consent or
	// pending answer no items; anything else, ready.
	States map[string]string
	// Refuse answers a role or candidate id with this status, and
	// RefuseType gives the refusal a problem type (as the gateway's
	// /problems/organisation-not-verified).
	Refuse     map[string]int
	RefuseType map[string]string
	// Down answers every request with 503; CountsDown answers the
	// counts with 500.
	Down, CountsDown bool
}

// NewMatching starts the fake, with nothing to match yet, until the test
// ends.
func NewMatching(t testing.TB) *Matching {
	t.Helper()
	f := &Matching{Shortlists: map[string][]map[string]any{}, Suggestions: map[string][]map[string]any{},
		Counts: map[string]map[string]int{}, Refuse: map[string]int{}, RefuseType: map[string]string{}, States: map[string]string{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// Set runs fn with the fake locked, to change what it answers.
func (f *Matching) Set(fn func(f *Matching)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// Requests returns the requests to path.
func (f *Matching) Requests(path string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, s := range f.seen {
		if s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// Last returns the last request to path, or fails.
func (f *Matching) Last(t testing.TB, path string) Request {
	t.Helper()
	all := f.Requests(path)
	if len(all) == 0 {
		t.Fatalf("matching never saw %s", path)
	}
	return all[len(all)-1]
}

func (f *Matching) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query()})
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	if f.Down {
		problem(w, http.StatusServiceUnavailable)
		return
	}
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v1/"), "/")
	switch {
	case r.URL.Path == "/api/v1/matching/shortlist-counts":
		if f.CountsDown {
			problem(w, http.StatusInternalServerError)
			return
		}
		counts := map[string]any{}
		for _, id := range r.URL.Query()["role"] {
			if n, ok := f.Counts[id]; ok {
				counts[id] = n
			}
		}
		answer(w, map[string]any{"counts": counts})
	case len(parts) == 3 && parts[0] == "roles" && parts[2] == "shortlist":
		if st, typ := f.Refuse[parts[1]], f.RefuseType[parts[1]]; st != 0 && typ != "" {
			typedProblem(w, st, typ, http.StatusText(st))
			return
		} else if st != 0 {
			problem(w, st)
			return
		}
		items := f.Shortlists[parts[1]]
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
		if c := callerOf(r); c.Role == "candidate" && c.CandidateID != parts[1] {
			problem(w, http.StatusNotFound) // a candidate's own suggestions only
			return
		}
		if st := f.Refuse[parts[1]]; st != 0 {
			problem(w, st)
			return
		}
		state, items := f.States[parts[1]], f.Suggestions[parts[1]]
		if state == "no_consent" || state == "pending" {
			items = nil
		} else {
			state = "ready"
		}
		page, next, ok := pageOf(r, items)
		if !ok {
			problem(w, http.StatusBadRequest)
			return
		}
		answer(w, map[string]any{"candidate_id": parts[1], "state": state, "computed_at": "2026-11-21T08:00:00Z",
			"total": len(items), "items": page, "next_cursor": next})
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
