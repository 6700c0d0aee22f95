package fake

import (
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
)

// Vocabulary stands in for the matching service's vocabulary API, with
// a barista skill, a barista occupation and the city of Gent.
type Vocabulary struct {
	*httptest.Server
	mu   sync.Mutex
	seen []*http.Request
}

// NewVocabulary starts the fake until the test ends.
func NewVocabulary(t testing.TB) *Vocabulary {
	t.Helper()
	f := &Vocabulary{}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// Last returns the last request to path, or fails.
func (f *Vocabulary) Last(t testing.TB, path string) *http.Request {
	t.Helper()
	f.mu.Lock()
	defer f.mu.Unlock()
	for i := len(f.seen) - 1; i >= 0; i-- {
		if f.seen[i].URL.Path == path {
			return f.seen[i]
		}
	}
	t.Fatalf("matching never saw %s", path)
	return nil
}

// Seen returns every request the fake has seen, in order.
func (f *Vocabulary) Seen() []*http.Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.seen)
}

func (f *Vocabulary) serve(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	f.seen = append(f.seen, r.Clone(r.Context()))
	f.mu.Unlock()
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	q, nl := strings.ToLower(r.URL.Query().Get("q")), r.URL.Query().Get("lang") == "nl"
	barista := map[string]any{"id": "barista-skills", "label": "Barista skills", "kind": "skill", "parents": []string{"coffee-production"}, "matched": "barista"}
	if nl {
		barista["label"] = "Baristavaardigheden"
	}
	occupation := map[string]any{"id": "barista", "label": "Barista",
		"essential_skills": []map[string]any{{"skill": "espresso-preparation", "label": "Espresso preparation", "min_level": 2}, {"skill": "customer-service", "label": "Customer service", "min_level": 1}},
		"optional_skills":  []map[string]any{{"skill": "latte-art", "label": "Latte art", "min_level": 3}}}
	gent := map[string]any{"id": "2797656", "name": "Gent", "country": "BE", "lat": 51.05, "lon": 3.72, "population": 262219}
	switch path := r.URL.Path; {
	case strings.Count(path, "/") == 3 && (q == "" || strings.Contains(q, "bad")):
		problem(w, http.StatusBadRequest)
	case path == "/api/v1/skills":
		items := []any{}
		if strings.Contains(q, "barist") {
			items = append(items, barista)
		}
		answer(w, map[string]any{"items": items})
	case path == "/api/v1/skills/barista-skills":
		answer(w, barista)
	case path == "/api/v1/skills/coffee-production":
		answer(w, map[string]any{"id": "coffee-production", "label": "Coffee production", "kind": "skill", "parents": []string{}})
	case path == "/api/v1/occupations":
		answer(w, map[string]any{"items": []any{occupation}})
	case path == "/api/v1/occupations/barista":
		answer(w, occupation)
	case path == "/api/v1/places":
		answer(w, map[string]any{"items": []any{gent}})
	case path == "/api/v1/places/2797656":
		answer(w, gent)
	default:
		problem(w, http.StatusNotFound)
	}
}
