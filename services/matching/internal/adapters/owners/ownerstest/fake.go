// Package ownerstest is a fake of the services matching reads from: the
// gateway's service-token endpoint, the candidates service's internal API
// and the employers service's internal API, on one httptest server, over
// in-memory maps. It stores and answers the types generated from
// docs/openapi.yaml (pkg/api), so its JSON has the owners' shape (the owners
// package's tests decode it with the real converters). Only tests import it.
package ownerstest

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// Secret is the service secret the fake gateway accepts.
const Secret = "ownerstest-service-secret-0123456789abcdef"

// Token is the service token the fake gateway issues for audience.
func Token(audience string) string { return "token-for-" + audience }

// Fake is the owners' internal APIs over in-memory maps. It is safe for
// concurrent use.
type Fake struct {
	Server *httptest.Server

	mu         sync.Mutex
	candidates map[string]api.MatchingView
	roles      map[string]api.Role
	programmes []api.InternalProgramme
	down       atomic.Bool
	cutStreams atomic.Bool
	secrets    sync.Map // extra service secrets the fake gateway accepts
	// Calls counts requests by route: "candidate", "candidate views",
	// "candidate versions", "role", "role views", "role versions",
	// "programmes", "token".
	calls sync.Map
}

// New starts a fake and closes it when the test ends.
func New(t testing.TB) *Fake {
	f := &Fake{candidates: map[string]api.MatchingView{}, roles: map[string]api.Role{}}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Server.Close)
	return f
}

// URL is the fake's base URL: gateway, employers and candidates at once.
func (f *Fake) URL() string { return f.Server.URL }

// AcceptSecret makes the fake gateway accept secret as well as Secret, for
// a service started with a secret of its own.
func (f *Fake) AcceptSecret(secret string) { f.secrets.Store(secret, true) }

// CutStreams makes every stream stop halfway without its end line, as when
// the owner fails mid-stream (true), or end whole again.
func (f *Fake) CutStreams(cut bool) { f.cutStreams.Store(cut) }

// SetDown makes every owner route answer 503 (true) or serve again.
func (f *Fake) SetDown(down bool) { f.down.Store(down) }

// PutCandidate stores c as the candidates service's current view.
func (f *Fake) PutCandidate(c api.MatchingView) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.candidates[c.ID] = c
}

// Candidate returns the stored view of id.
func (f *Fake) Candidate(id string) (api.MatchingView, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	c, ok := f.candidates[id]
	return c, ok
}

// Erase deletes a candidate; its routes answer 404 from now on.
func (f *Fake) Erase(id string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.candidates, id)
}

// PutRole stores r as the employers service's current role.
func (f *Fake) PutRole(r api.Role) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.roles[r.ID] = r
}

// Role returns the stored role id.
func (f *Fake) Role(id string) (api.Role, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	r, ok := f.roles[id]
	return r, ok
}

// PutProgramme adds a programme to the internal listing.
func (f *Fake) PutProgramme(p api.InternalProgramme) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.programmes = append(f.programmes, p)
}

// Calls returns how many requests the route got.
func (f *Fake) Calls(route string) int64 {
	v, ok := f.calls.Load(route)
	if !ok {
		return 0
	}
	return v.(*atomic.Int64).Load()
}

func (f *Fake) count(route string) {
	v, _ := f.calls.LoadOrStore(route, new(atomic.Int64))
	v.(*atomic.Int64).Add(1)
}

func (f *Fake) serve(w http.ResponseWriter, r *http.Request) {
	p := r.URL.Path
	if r.Method == http.MethodPost && p == "/internal/v1/service-tokens" {
		f.serviceToken(w, r)
		return
	}
	if r.Method != http.MethodGet {
		problem(w, http.StatusMethodNotAllowed)
		return
	}
	if f.down.Load() {
		problem(w, http.StatusServiceUnavailable)
		return
	}
	switch {
	case strings.HasPrefix(p, "/internal/v1/candidates/"), p == "/internal/v1/programmes":
		if !authorised(w, r, "candidates") {
			return
		}
		f.candidatesAPI(w, r, strings.TrimPrefix(p, "/internal/v1/candidates/"))
	case strings.HasPrefix(p, "/internal/v1/roles/"):
		if !authorised(w, r, "employers") {
			return
		}
		f.rolesAPI(w, r, strings.TrimPrefix(p, "/internal/v1/roles/"))
	default:
		problem(w, http.StatusNotFound)
	}
}

func (f *Fake) serviceToken(w http.ResponseWriter, r *http.Request) {
	f.count("token")
	var req api.ServiceTokenRequest
	secret := strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	_, extra := f.secrets.Load(secret)
	if (secret != Secret && !extra) || json.NewDecoder(r.Body).Decode(&req) != nil || req.Service != api.ServiceNameMatching {
		problem(w, http.StatusUnauthorized)
		return
	}
	writeJSON(w, api.ServiceToken{AccessToken: Token(string(req.Audience)), ExpiresIn: 300})
}

func authorised(w http.ResponseWriter, r *http.Request, audience string) bool {
	if r.Header.Get("Authorization") != "Bearer "+Token(audience) {
		problem(w, http.StatusUnauthorized)
		return false
	}
	return true
}

func (f *Fake) candidatesAPI(w http.ResponseWriter, r *http.Request, rest string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch {
	case r.URL.Path == "/internal/v1/programmes":
		f.count("programmes")
		writePage(w, r, 100, f.programmes, func(p api.InternalProgramme) string { return p.ID }, func(p api.InternalProgramme) any { return p })
	case rest == "versions" && wantsStream(r):
		f.count("candidate versions stream")
		writeStream(f, w, sortedValues(f.candidates), func(c api.MatchingView) any { return api.VersionEntry{ID: c.ID, Version: c.Version} })
	case rest == "versions":
		f.count("candidate versions")
		writePage(w, r, 100, sortedValues(f.candidates), func(c api.MatchingView) string { return c.ID },
			func(c api.MatchingView) any { return api.VersionEntry{ID: c.ID, Version: c.Version} })
	case rest == "views" && wantsStream(r):
		f.count("candidate views stream")
		writeStream(f, w, sortedValues(f.candidates), func(c api.MatchingView) any { return normalCandidate(c) })
	case rest == "views":
		f.count("candidate views")
		writePage(w, r, 500, sortedValues(f.candidates), func(c api.MatchingView) string { return c.ID },
			func(c api.MatchingView) any { return normalCandidate(c) })
	default:
		f.count("candidate")
		c, ok := f.candidates[rest]
		if !ok {
			problem(w, http.StatusNotFound)
			return
		}
		writeJSON(w, normalCandidate(c))
	}
}

func (f *Fake) rolesAPI(w http.ResponseWriter, r *http.Request, rest string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	switch rest {
	case "versions":
		f.count("role versions")
		writePage(w, r, 100, sortedValues(f.roles), func(r api.Role) string { return r.ID },
			func(r api.Role) any { return api.VersionEntry{ID: r.ID, Version: r.Version} })
	case "views":
		f.count("role views")
		writePage(w, r, 500, sortedValues(f.roles), func(r api.Role) string { return r.ID }, func(r api.Role) any { return normalRole(r) })
	default:
		f.count("role")
		role, ok := f.roles[rest]
		if !ok {
			problem(w, http.StatusNotFound)
			return
		}
		writeJSON(w, normalRole(role))
	}
}

// wantsStream reports whether the caller asked for JSON lines.
func wantsStream(r *http.Request) bool {
	return strings.Contains(r.Header.Get("Accept"), "application/x-ndjson")
}

// writeStream answers every item as one JSON line, then the end line with
// their count, as the owners stream; with CutStreams it stops halfway.
func writeStream[T any](f *Fake, w http.ResponseWriter, items []T, render func(T) any) {
	w.Header().Set("Content-Type", "application/x-ndjson")
	enc := json.NewEncoder(w)
	for i, it := range items {
		if f.cutStreams.Load() && i == len(items)/2 {
			return
		}
		_ = enc.Encode(render(it))
	}
	// The owners write "end" first, which is how a reader tells the end
	// line from an item without decoding every line twice.
	_, _ = fmt.Fprintf(w, "{\"end\":true,\"count\":%d}\n", len(items))
}

// writePage answers one page of items (sorted by id) after the cursor,
// as the owners page: base64url cursors of the last id, limit 1..max.
func writePage[T any](w http.ResponseWriter, r *http.Request, maxLimit int, items []T, id func(T) string, render func(T) any) {
	limit := 20
	if l := r.URL.Query().Get("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxLimit {
			problem(w, http.StatusBadRequest)
			return
		}
		limit = n
	}
	start := 0
	if c := r.URL.Query().Get("cursor"); c != "" {
		after, err := base64.RawURLEncoding.DecodeString(c)
		if err != nil {
			problem(w, http.StatusBadRequest)
			return
		}
		start, _ = slices.BinarySearchFunc(items, string(after), func(it T, s string) int { return strings.Compare(id(it), s) })
		if start < len(items) && id(items[start]) == string(after) {
			start++
		}
	}
	end := min(start+limit, len(items))
	out := map[string]any{"items": []any{}}
	list := make([]any, 0, end-start)
	for _, it := range items[start:end] {
		list = append(list, render(it))
	}
	out["items"] = list
	if end < len(items) {
		out["next_cursor"] = base64.RawURLEncoding.EncodeToString([]byte(id(items[end-1])))
	}
	writeJSON(w, out)
}

func sortedValues[T any](m map[string]T) []T {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make([]T, len(keys))
	for i, k := range keys {
		out[i] = m[k]
	}
	return out
}

// normalCandidate renders empty lists as [], as the candidates service does.
func normalCandidate(c api.MatchingView) api.MatchingView {
	c.Languages, c.ExcludedSectors = nonNil(c.Languages), nonNil(c.ExcludedSectors)
	c.Skills, c.ProgrammeRecords, c.Certificates = nonNil(c.Skills), nonNil(c.ProgrammeRecords), nonNil(c.Certificates)
	c.Preferences.Sectors, c.Preferences.Contracts = nonNilPtr(c.Preferences.Sectors), nonNilPtr(c.Preferences.Contracts)
	if c.DayRelease != nil {
		d := *c.DayRelease
		d.Days = nonNil(d.Days)
		c.DayRelease = &d
	}
	return c
}

// normalRole renders empty lists as [], as the employers service does.
func normalRole(r api.Role) api.Role {
	r.EssentialSkills, r.OptionalSkills, r.Languages = nonNil(r.EssentialSkills), nonNil(r.OptionalSkills), nonNil(r.Languages)
	return r
}

func nonNilPtr[T any](xs *[]T) *[]T {
	if xs == nil {
		return &[]T{}
	}
	return xs
}

func nonNil[T any](xs []T) []T {
	if xs == nil {
		return []T{}
	}
	return xs
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

func problem(w http.ResponseWriter, status int) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(map[string]any{"status": status, "title": http.StatusText(status)})
}
