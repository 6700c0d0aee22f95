package peerstest

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// Serve starts an HTTP server answering the owners' internal API from the
// world (every owner at the same address) and stops it when the test
// ends. A request without a bearer token answers 401.
func (w *World) Serve(t testing.TB) string {
	t.Helper()
	srv := httptest.NewServer(w.Handler())
	t.Cleanup(srv.Close)
	return srv.URL
}

// Handler answers the owners' internal API from the world.
func (w *World) Handler() http.Handler {
	mux := http.NewServeMux()
	route := func(pattern string, h func(http.ResponseWriter, *http.Request)) {
		mux.HandleFunc(pattern, func(rw http.ResponseWriter, r *http.Request) {
			if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
				http.Error(rw, "no token", http.StatusUnauthorized)
				return
			}
			w.mu.Lock()
			w.calls[pattern]++
			w.mu.Unlock()
			h(rw, r)
		})
	}
	route("GET /internal/v1/candidates/views", func(rw http.ResponseWriter, _ *http.Request) {
		lines(rw, w.snapshotViews())
	})
	route("GET /internal/v1/candidates/{id}", func(rw http.ResponseWriter, r *http.Request) {
		item, ok := w.lookup(func() (any, bool) { v, ok := w.views[r.PathValue("id")]; return v, ok })
		one(rw, item, ok)
	})
	route("GET /internal/v1/programmes", func(rw http.ResponseWriter, r *http.Request) {
		w.programmePage(rw, r)
	})
	route("GET /internal/v1/candidates/shortlisted", func(rw http.ResponseWriter, _ *http.Request) {
		lines(rw, w.snapshotShortlists())
	})
	route("GET /internal/v1/candidates/{id}/shortlisted", func(rw http.ResponseWriter, r *http.Request) {
		item, ok := w.lookup(func() (any, bool) { s, ok := w.shortlists[r.PathValue("id")]; return s, ok })
		one(rw, item, ok)
	})
	route("GET /internal/v1/introduction-facts", func(rw http.ResponseWriter, _ *http.Request) {
		lines(rw, w.snapshotFacts())
	})
	route("GET /internal/v1/introductions/{id}/facts", func(rw http.ResponseWriter, r *http.Request) {
		item, ok := w.lookup(func() (any, bool) { f, ok := w.facts[r.PathValue("id")]; return f, ok })
		one(rw, item, ok)
	})
	route("GET /internal/v1/roles/{id}", func(rw http.ResponseWriter, r *http.Request) {
		item, ok := w.lookup(func() (any, bool) { v, ok := w.roles[r.PathValue("id")]; return v, ok })
		one(rw, item, ok)
	})
	route("GET /internal/v1/organisations/{id}", func(rw http.ResponseWriter, r *http.Request) {
		one(rw, api.InternalOrganisation{ID: r.PathValue("id"), Kind: "programme", Status: "verified", Version: 1}, true)
	})
	return mux
}

// lookup reads one item under the world's lock.
func (w *World) lookup(get func() (any, bool)) (any, bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return get()
}

// one answers an item as JSON, or 404.
func one(rw http.ResponseWriter, item any, found bool) {
	if !found {
		rw.Header().Set("Content-Type", "application/problem+json")
		rw.WriteHeader(http.StatusNotFound)
		_, _ = rw.Write([]byte(`{"type":"about:blank","title":"Not found","status":404}`))
		return
	}
	rw.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(rw).Encode(item)
}

// lines answers items as JSON lines ended by {"end":true,"count":n}, as
// the owners' listings do.
func lines[T any](rw http.ResponseWriter, items []T) {
	rw.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(rw)
	for _, it := range items {
		_ = enc.Encode(it)
	}
	// The owners write "end" first, so a reader tells it from an item.
	_, _ = fmt.Fprintf(rw, "{\"end\":true,\"count\":%d}\n", len(items))
}

// programmePage answers a page of the catalogue, in id order, after the
// cursor (the last id of the page before).
func (w *World) programmePage(rw http.ResponseWriter, r *http.Request) {
	w.mu.Lock()
	ids := make([]string, 0, len(w.programmes))
	for id := range w.programmes {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	after := r.URL.Query().Get("cursor")
	page := api.InternalProgrammePage{Items: []api.InternalProgramme{}}
	for _, id := range ids {
		if id > after && len(page.Items) < 2 {
			page.Items = append(page.Items, w.programmes[id])
		}
	}
	w.mu.Unlock()
	if n := len(page.Items); n == 2 && page.Items[n-1].ID != ids[len(ids)-1] {
		next := page.Items[n-1].ID
		page.NextCursor = &next
	}
	one(rw, page, true)
}

func (w *World) snapshotViews() []api.MatchingView {
	w.mu.Lock()
	defer w.mu.Unlock()
	return values(w.views)
}

func (w *World) snapshotShortlists() []api.CandidateShortlisting {
	w.mu.Lock()
	defer w.mu.Unlock()
	return values(w.shortlists)
}

func (w *World) snapshotFacts() []api.IntroductionFacts {
	w.mu.Lock()
	defer w.mu.Unlock()
	return values(w.facts)
}

func values[V any](m map[string]V) []V {
	out := make([]V, 0, len(m))
	for _, v := range m {
		out = append(out, v)
	}
	return out
}
