package fake

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// Candidates stands in for the candidates service's API as staff pages
// use it: programmes and candidates in memory, versions checked on PATCH,
// the corrections, consent texts, attestations and their revocation
// (candidates_corrections.go), and every request recorded with its JSON
// body.
type Candidates struct {
	*httptest.Server
	mu         sync.Mutex
	seen       []Request
	programmes []map[string]any
	candidates map[string]map[string]any
	order      []string
	// disclosures are the disclosure grants (candidates_disclosures.go).
	disclosures disclosures
	// Before, when set, may answer a request first (returning true): the
	// webtest package uses it for what the gateway asks of the service
	// itself, which the fakes of the public API do not hold.
	Before func(w http.ResponseWriter, r *http.Request) bool
}

// NewCandidates starts the fake, with no programmes or candidates, until
// the test ends.
func NewCandidates(t testing.TB) *Candidates {
	t.Helper()
	f := &Candidates{candidates: map[string]map[string]any{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// AddProgramme stores a programme in Gent with no skills or supervisors.
func (f *Candidates) AddProgramme(id, name string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.programmes = append(f.programmes, map[string]any{"id": id, "name": name, "kind": "coffee_roastery",
		"site": map[string]any{"place_id": "2797656", "name": "Gent"}, "skills": []string{}, "supervisors": []string{}, "version": 1})
}

// AddCandidate stores a candidate as if it had been registered, or
// replaces the one with that id.
func (f *Candidates) AddCandidate(id string, fields map[string]any) {
	f.mu.Lock()
	defer f.mu.Unlock()
	k := map[string]any{"id": id, "alias": "K" + strings.ToUpper(id), "version": 1, "given_name": "Jan", "family_name": "Peeters",
		"setting": "released", "skills": []any{}, "programme_records": []any{}, "certificates": []any{},
		"consent": map[string]any{"matching": false, "text_version": ""}}
	maps.Copy(k, fields)
	if f.candidates[id] == nil {
		f.order = append(f.order, id)
	}
	f.candidates[id] = k
}

// SetVersion changes a candidate's version, as another user's change
// would.
func (f *Candidates) SetVersion(id string, version int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.candidates[id]["version"] = version
}

// Requests returns the requests with this method and path.
func (f *Candidates) Requests(method, path string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, s := range f.seen {
		if s.Method == method && s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// Last returns the last request with this method and path, or fails.
func (f *Candidates) Last(t testing.TB, method, path string) Request {
	t.Helper()
	all := f.Requests(method, path)
	if len(all) == 0 {
		t.Fatalf("candidates never saw %s %s", method, path)
	}
	return all[len(all)-1]
}

// Seen returns every request the fake has seen, in order.
func (f *Candidates) Seen() []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	return slices.Clone(f.seen)
}

func (f *Candidates) serve(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if buf, _ := io.ReadAll(r.Body); len(buf) > 0 {
		_ = json.Unmarshal(buf, &body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Body: body})
	if f.Before != nil && f.Before(w, r) {
		return
	}
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v1/"), "/")
	if f.serveCredentialsPublic(w, r, parts, body) { // credentials.go
		return
	}
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	if notTheirs(w, r, parts) { // candidates_self.go
		return
	}
	switch {
	case parts[0] == "attestations" && len(parts) == 3 && parts[2] == "credential":
		f.serveCredential(w, r, parts[1]) // credentials.go
	case f.serveCorrections(w, r, parts, body): // candidates_corrections.go
	case f.serveDisclosures(w, r, parts): // candidates_disclosures.go
	case parts[0] == "programmes":
		f.serveProgrammes(w, r, parts, body)
	case parts[0] == "attestations" && len(parts) == 3:
		answer(w, map[string]any{"id": parts[1], "intact": parts[1] != "broken", "skill": "barista-skills", "level": 3, "hours": 600, "date": "2026-11-20"})
	case parts[0] == "candidates" && len(parts) == 1 && r.Method == http.MethodGet:
		f.listCandidates(w, r)
	case parts[0] == "candidates" && len(parts) == 1 && r.Method == http.MethodPost:
		f.createCandidate(w, body)
	case parts[0] == "candidates" && f.candidates[parts[1]] != nil:
		f.serveCandidate(w, r, f.candidates[parts[1]], parts[2:], body)
	default:
		problem(w, http.StatusNotFound)
	}
}

func (f *Candidates) serveProgrammes(w http.ResponseWriter, r *http.Request, parts []string, body map[string]any) {
	switch {
	case len(parts) == 1 && r.Method == http.MethodGet:
		answer(w, map[string]any{"items": f.programmes, "next_cursor": ""})
	case len(parts) == 1 && r.Method == http.MethodPost:
		if name, _ := body["name"].(string); strings.Contains(name, "bad") {
			fieldProblem(w, map[string]string{"name": "must be between 1 and 120 characters"})
			return
		}
		p := maps.Clone(body)
		p["id"], p["version"] = fmt.Sprintf("p%d", len(f.programmes)+1), 1
		p["site"] = map[string]any{"place_id": "2797656", "name": "Gent"}
		f.programmes = append(f.programmes, p)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(p)
	default:
		for _, p := range f.programmes {
			if p["id"] == parts[1] {
				answer(w, p)
				return
			}
		}
		problem(w, http.StatusNotFound)
	}
}

// listCandidates matches q against the start of any name word or the
// alias, and pages one candidate at a time.
func (f *Candidates) listCandidates(w http.ResponseWriter, r *http.Request) {
	q := strings.ToLower(r.URL.Query().Get("q"))
	var items []any
	for _, id := range f.order {
		k := f.candidates[id]
		name := fmt.Sprint(k["given_name"], " ", k["family_name"])
		hit := q == "" || strings.EqualFold(fmt.Sprint(k["alias"]), q)
		for _, word := range strings.Fields(strings.ToLower(name)) {
			hit = hit || strings.HasPrefix(word, q)
		}
		if hit {
			items = append(items, map[string]any{"id": id, "alias": k["alias"], "display_name": name, "setting": k["setting"],
				"consent_matching": k["consent"].(map[string]any)["matching"], "version": k["version"]})
		}
	}
	next := ""
	if r.URL.Query().Get("cursor") == "" && len(items) > 1 {
		items, next = items[:1], "cursor-2"
	} else if len(items) > 1 {
		items = items[1:]
	}
	if items == nil {
		items = []any{}
	}
	answer(w, map[string]any{"items": items, "next_cursor": next})
}

func (f *Candidates) createCandidate(w http.ResponseWriter, body map[string]any) {
	if dr, _ := body["day_release"].(map[string]any); dr != nil && dr["start"] == "25:00" {
		fieldProblem(w, map[string]string{"day_release.start": "must be a time HH:MM"})
		return
	}
	if body["family_name"] == "Refused" {
		fieldProblem(w, map[string]string{"family_name": "must be between 1 and 100 characters"})
		return
	}
	id := fmt.Sprintf("c%d", len(f.order)+1)
	k := maps.Clone(body)
	k["id"], k["alias"], k["version"] = id, "K7Q"+id, 1
	k["skills"], k["programme_records"], k["certificates"] = []any{}, []any{}, []any{}
	k["consent"] = map[string]any{"matching": false, "text_version": ""}
	f.candidates[id] = k
	f.order = append(f.order, id)
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusCreated)
	_ = json.NewEncoder(w).Encode(k)
}

func (f *Candidates) serveCandidate(w http.ResponseWriter, r *http.Request, k map[string]any, rest []string, body map[string]any) {
	if f.serveSelf(w, r, k, rest, body) { // candidates_self.go
		return
	}
	switch {
	case len(rest) == 0 && r.Method == http.MethodGet:
		answer(w, k)
	case len(rest) == 0 && r.Method == http.MethodPatch:
		if fmt.Sprint(body["version"]) != fmt.Sprint(k["version"]) {
			conflict(w, nil)
			return
		}
		for key, val := range body {
			if key != "version" {
				k[key] = val
			}
		}
		k["version"] = k["version"].(int) + 1
		answer(w, k)
	case len(rest) == 1 && rest[0] == "programme-records" && r.Method == http.MethodPost:
		if body["hours"] == float64(99999) {
			fieldProblem(w, map[string]string{"hours": "must be between 1 and 10000"})
			return
		}
		rec := maps.Clone(body)
		rec["id"] = "r1"
		k["programme_records"] = append(k["programme_records"].([]any), rec)
		w.WriteHeader(http.StatusCreated)
		answer(w, rec)
	case len(rest) == 1 && rest[0] == "certificates" && r.Method == http.MethodPost:
		f.addCertificate(w, k, body)
	case len(rest) == 1 && rest[0] == "skills" && r.Method == http.MethodPost:
		w.WriteHeader(http.StatusCreated)
		answer(w, map[string]any{"id": "a9"})
	case len(rest) == 1 && rest[0] == "portfolio.pdf" && r.Method == http.MethodGet:
		servePortfolioPDF(w, r, k) // credentials.go
	case len(rest) == 1 && rest[0] == "consent" && r.Method == http.MethodPut:
		k["consent"] = map[string]any{"matching": body["matching"], "text_version": body["text_version"], "recorded_at": "2026-11-20T10:00:00Z"}
		answer(w, k["consent"])
	default:
		problem(w, http.StatusNotFound)
	}
}

// addCertificate checks a certificate as the service does: a name, an
// optional issuer, and a date that is not in the future.
func (f *Candidates) addCertificate(w http.ResponseWriter, k map[string]any, body map[string]any) {
	bad := map[string]string{}
	if name, _ := body["name"].(string); name == "" {
		bad["name"] = "is required"
	}
	if date, _ := body["date"].(string); date == "" || date > time.Now().UTC().Format(time.DateOnly) {
		bad["date"] = "must not be in the future"
	}
	if len(bad) > 0 {
		fieldProblem(w, bad)
		return
	}
	cert := maps.Clone(body)
	cert["id"] = fmt.Sprintf("x%d", len(k["certificates"].([]any))+1)
	k["certificates"] = append(k["certificates"].([]any), cert)
	w.WriteHeader(http.StatusCreated)
	answer(w, cert)
}
