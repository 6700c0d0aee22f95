package app_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// fakeCandidates stands in for the candidates service's internal API,
// GET /internal/v1/candidates/{id}, and counts the public API's calls
// the gateway proxies to it: it answers a candidate's organisation
// to a bearer of a token, and 404 for one it does not hold or has erased.
type fakeCandidates struct {
	srv  *httptest.Server
	mu   sync.Mutex
	orgs map[string]string
	// public counts the proxied calls of the public API that reached it.
	public int
}

// proxied is how many calls of the public API the gateway passed on.
func (f *fakeCandidates) proxied() int { f.mu.Lock(); defer f.mu.Unlock(); return f.public }

func startFakeCandidates(t *testing.T) *fakeCandidates {
	t.Helper()
	f := &fakeCandidates{orgs: map[string]string{}}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/v1/") {
			f.mu.Lock()
			f.public++
			f.mu.Unlock()
			http.Error(w, `{"title":"proxied"}`, http.StatusTeapot)
			return
		}
		id, ok := strings.CutPrefix(r.URL.Path, "/internal/v1/candidates/")
		if r.Method != http.MethodGet || !ok || !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
			http.Error(w, "unexpected call", http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		org, held := f.orgs[id]
		f.mu.Unlock()
		if !held {
			http.Error(w, `{"title":"not found"}`, http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"id": id, "org_id": org, "alias": "Kestrel", "version": 1})
	}))
	t.Cleanup(f.srv.Close)
	return f
}

// hold makes orgID the holder of candidate id; erase forgets the candidate.
func (f *fakeCandidates) hold(id, orgID string) { f.mu.Lock(); f.orgs[id] = orgID; f.mu.Unlock() }
func (f *fakeCandidates) erase(id string)       { f.mu.Lock(); delete(f.orgs, id); f.mu.Unlock() }

// candidateWorld is a gateway with a programme, one of its staff, and a
// candidate the programme holds.
type candidateWorld struct {
	g          *gatewaytest.Gateway
	candidates *fakeCandidates
	admin      string // the platform administrator's access token
	programme  string // the programme organisation's id
	staff      string // a member of the programme: access token
	candidate  string // a candidate the programme holds
}

// startCandidateWorld starts a gateway (env overrides settings) in front
// of a fake candidates service.
func startCandidateWorld(t *testing.T, env map[string]string) candidateWorld {
	t.Helper()
	f := startFakeCandidates(t)
	all := map[string]string{"CANDIDATES_URL": f.srv.URL}
	for k, v := range env {
		all[k] = v
	}
	g := gatewaytest.Start(t, all)
	admin, _ := login(t, g, g.AdminEmail, gatewaytest.AdminPassword)
	programme := newProgramme(t, g, admin, "Coffee roastery — Kortrijk house")
	join(t, g, admin, programme, "coach@roastery.be", "member")
	staff, _ := login(t, g, "coach@roastery.be", strongPassword)
	f.hold("cand-1", programme)
	return candidateWorld{g: g, candidates: f, admin: admin, programme: programme, staff: staff, candidate: "cand-1"}
}

// invite has staff invite the candidate and returns the one-time token.
func (w candidateWorld) invite(t *testing.T, staff, candidateID string) string {
	t.Helper()
	r := call(t, w.g, "POST", "/api/v1/candidates/"+candidateID+"/account-invitation", staff, nil).expect(t, http.StatusCreated)
	if r.Header.Get("Cache-Control") != "no-store" || !strings.HasSuffix(r.str("link"), "/join/"+r.str("token")) || r.str("expires_at") == "" {
		t.Fatalf("invitation answer: %v %s", r.Header, r.Raw)
	}
	return r.str("token")
}

// accept accepts an invitation with a user name (left out when "").
func (w candidateWorld) accept(t *testing.T, token, username, password string) apiResponse {
	t.Helper()
	body := map[string]string{"password": password}
	if username != "" {
		body["username"] = username
	}
	return call(t, w.g, "POST", "/api/v1/candidate-invitations/"+token+"/accept", "", body)
}

// candidateLogin signs a candidate in.
func (w candidateWorld) candidateLogin(t *testing.T, username, password string) apiResponse {
	t.Helper()
	return call(t, w.g, "POST", "/api/v1/auth/candidate-login", "", map[string]string{"username": username, "password": password})
}

// account is what staff see of the candidate's account.
func (w candidateWorld) account(t *testing.T) apiResponse {
	t.Helper()
	return call(t, w.g, "GET", "/api/v1/candidates/"+w.candidate+"/account", w.staff, nil).expect(t, http.StatusOK)
}

const candidatePassword = "river-lantern-copper-58"
