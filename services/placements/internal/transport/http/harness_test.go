package http

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/testkit"
	eventsadapter "github.com/onward-jobs/onward/services/placements/internal/adapters/events"
	mongoadapter "github.com/onward-jobs/onward/services/placements/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/placements/internal/adapters/peers"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
	"github.com/onward-jobs/onward/services/placements/internal/service"
)

const issuer = "https://onward.test"

// world is what the fake peers know: the employers service's roles, the
// matching service's shortlists, the candidates service's candidates,
// grants and placements, and the gateway's organisations. They answer
// per docs/openapi.yaml.
type world struct {
	mu          sync.Mutex
	roles       map[string]map[string]any // id → Role
	shortlist   map[string]string         // role/ref → candidate id
	candidates  map[string]string         // candidate id → org id
	noPhone     map[string]bool           // candidates without a phone
	grants      map[string]string         // introduction id → grant id
	grantAsks   map[string]map[string]any // introduction id → the last grant request
	hires       map[string][]string       // role id → placement ids
	placed      map[string][2]bool        // candidate id → placed, still looking
	orgStatus   map[string]string
	failRoles   int // answer 503 to this many hire counts
	failGrants  int // answer 503 to this many grants
	grantsAsked int
}

func newWorld() *world {
	return &world{
		roles: map[string]map[string]any{
			"role-a":  {"id": "role-a", "employer_id": "emp-a", "status": "open", "title": "Barista"},
			"role-a2": {"id": "role-a2", "employer_id": "emp-a", "status": "paused", "title": "Cook"},
			"role-b":  {"id": "role-b", "employer_id": "emp-b", "status": "open", "title": "Baker"},
		},
		shortlist:  map[string]string{"role-a/ref-1": "cand-1", "role-a/ref-2": "cand-2", "role-a/ref-3": "cand-3", "role-b/ref-9": "cand-1"},
		candidates: map[string]string{"cand-1": "prog-p", "cand-2": "prog-p", "cand-3": "prog-q"},
		noPhone:    map[string]bool{"cand-2": true},
		grants:     map[string]string{}, grantAsks: map[string]map[string]any{}, hires: map[string][]string{}, placed: map[string][2]bool{},
		orgStatus: map[string]string{"emp-a": "verified", "emp-b": "verified"},
	}
}

func (w *world) serve(rw http.ResponseWriter, r *http.Request) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ") {
		rw.WriteHeader(http.StatusUnauthorized)
		return
	}
	parts := strings.Split(strings.Trim(r.URL.Path, "/"), "/")
	reply := func(status int, body any) {
		rw.Header().Set("Content-Type", "application/json")
		rw.WriteHeader(status)
		_ = json.NewEncoder(rw).Encode(body)
	}
	var in map[string]any
	_ = json.NewDecoder(r.Body).Decode(&in)
	switch {
	case r.Method == "GET" && len(parts) == 4 && parts[2] == "roles":
		if role, ok := w.roles[parts[3]]; ok {
			reply(200, role)
			return
		}
	case r.Method == "POST" && len(parts) == 5 && parts[2] == "roles" && parts[4] == "placements":
		if w.failRoles > 0 {
			w.failRoles--
			reply(503, map[string]any{"type": "/problems/unavailable"})
			return
		}
		id := in["placement_id"].(string)
		for _, p := range w.hires[parts[3]] {
			if p == id {
				reply(200, w.roles[parts[3]])
				return
			}
		}
		w.hires[parts[3]] = append(w.hires[parts[3]], id)
		reply(200, w.roles[parts[3]])
		return
	case r.Method == "GET" && len(parts) == 6 && parts[2] == "roles" && parts[4] == "shortlist":
		if c, ok := w.shortlist[parts[3]+"/"+parts[5]]; ok {
			reply(200, map[string]any{"candidate_id": c, "alias": "Alias of " + parts[5], "role_version": 3})
			return
		}
	case r.Method == "GET" && len(parts) == 4 && parts[2] == "candidates":
		if org, ok := w.candidates[parts[3]]; ok {
			reply(200, map[string]any{"id": parts[3], "org_id": org})
			return
		}
	case r.Method == "PUT" && len(parts) == 5 && parts[2] == "candidates" && parts[4] == "placement":
		w.placed[parts[3]] = [2]bool{in["placed"].(bool), in["still_looking"].(bool)}
		rw.WriteHeader(204)
		return
	case r.Method == "POST" && r.URL.Path == "/internal/v1/disclosures":
		w.grantsAsked++
		if w.failGrants > 0 {
			w.failGrants--
			reply(503, map[string]any{})
			return
		}
		intro, cand := in["introduction_id"].(string), in["candidate_id"].(string)
		w.grantAsks[intro] = in
		if fields, _ := in["disclose"].([]any); w.noPhone[cand] && len(fields) > 0 {
			reply(400, map[string]any{"type": "/problems/invalid-request", "errors": []map[string]string{{"field": "disclose", "message": "the candidate has no phone number"}}})
			return
		}
		status := 200
		if _, ok := w.grants[intro]; !ok {
			w.grants[intro], status = "grant-"+intro, 201
		}
		reply(status, map[string]any{"id": w.grants[intro], "introduction_id": intro, "status": "active"})
		return
	case r.Method == "GET" && len(parts) == 4 && parts[2] == "organisations":
		if s, ok := w.orgStatus[parts[3]]; ok {
			reply(200, map[string]any{"id": parts[3], "kind": "employer", "name": "Org " + parts[3], "status": s})
			return
		}
	case r.Method == "POST" && r.URL.Path == "/api/v1/roles/wording-check":
		flags := []map[string]any{}
		if d, _ := in["description"].(string); strings.Contains(d, "clean record") {
			flags = append(flags, map[string]any{"field": "description", "phrase": "clean record", "start": 0, "end": 12, "category": "criminal_record"})
		}
		reply(200, map[string]any{"flags": flags})
		return
	}
	reply(404, map[string]any{"type": "/problems/not-found"})
}

type staticTokens struct{}

func (staticTokens) Token(context.Context, string) (string, error) { return "service-token", nil }

// clock is the service's movable time.
type clock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *clock) Add(d time.Duration) {
	c.mu.Lock()
	c.now = c.now.Add(d)
	c.mu.Unlock()
}

// harness is the placements API on a fresh database, with fake peers, a
// movable clock, a fresh stream and tokens for every kind of caller.
type harness struct {
	server *httpx.Server
	svc    *service.Service
	store  *mongoadapter.Store
	world  *world
	clock  *clock
	rdb    *redis.Client
	stream string
	tokens map[string]string
}

func newHarness(t *testing.T, maxOpen int) *harness {
	t.Helper()
	ctx := context.Background()
	rdb := testkit.Redis(t)
	locks := redislock.Locks{Redis: rdb, Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 5 * time.Second}
	store, err := mongoadapter.NewStore(ctx, testkit.MongoDB(t), locks)
	if err != nil {
		t.Fatal(err)
	}
	w := newWorld()
	fake := httptest.NewServer(http.HandlerFunc(w.serve))
	t.Cleanup(fake.Close)
	others, err := peers.New(peers.URLs{Employers: fake.URL, Matching: fake.URL, Candidates: fake.URL, Gateway: fake.URL}, staticTokens{}, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	pub, err := events.NewPublisher(rdb, events.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	stream := testkit.UniqueName(t, "placements")
	clk := &clock{now: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(service.Deps{Store: store, Roles: others, Shortlists: others, Candidates: others, Organisations: others,
		Wording: others, Publisher: eventsadapter.Publisher{Events: pub, Stream: stream}, Logger: logger, Clock: clk.Now,
		Timing: domain.Timing{TTL: 14 * 24 * time.Hour, Reminder: 10 * 24 * time.Hour}, MaxOpenPerRole: maxOpen})
	pubKey, priv, _ := ed25519.GenerateKey(rand.Reader)
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: issuer, Audiences: []string{"onward-api", "placements"}, Keys: auth.StaticKeys{"k1": pubKey}})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{svc: svc, store: store, world: w, clock: clk, rdb: rdb, stream: stream, tokens: map[string]string{}}
	for name, p := range map[string]auth.Principal{
		"empA":   {Subject: "ua", OrgID: "emp-a", OrgKind: auth.OrgKindEmployer, Role: auth.RoleMember},
		"empB":   {Subject: "ub", OrgID: "emp-b", OrgKind: auth.OrgKindEmployer, Role: auth.RoleOrgAdmin},
		"staffP": {Subject: "sp", OrgID: "prog-p", OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		"staffQ": {Subject: "sq", OrgID: "prog-q", OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		"admin":  {Subject: "root", Role: auth.RoleAdmin},
		"cand":   {Subject: "c-user", Role: auth.RoleMember},
		// self1 and self3 are candidates signed in to their own accounts.
		"self1": {Subject: "self-user-1", Role: auth.RoleCandidate, CandidateID: "cand-1"},
		"self3": {Subject: "self-user-3", Role: auth.RoleCandidate, CandidateID: "cand-3"},
	} {
		tok, err := auth.IssueAccessToken(signer, issuer, []string{"onward-api"}, p, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[name] = tok
	}
	for _, from := range []string{"notifications", "candidates", "insights"} {
		tok, err := auth.IssueServiceToken(signer, issuer, from, "placements", 5*time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[from] = tok
	}
	h.server = httpx.NewServer(httpx.AppConfig{Service: "placements", Logger: logger, BodyLimit: 64 << 10})
	Register(h.server.App, Deps{Verifier: v, Service: svc})
	h.server.NotFoundLast()
	return h
}

type answer struct {
	status int
	ctype  string
	raw    string
	body   map[string]any
}

// call sends a request as who (a key of h.tokens, or "" for none).
func (h *harness) call(t *testing.T, who, method, path string, body any) answer {
	t.Helper()
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, r)
	if who != "" {
		req.Header.Set("Authorization", "Bearer "+h.tokens[who])
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := h.server.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	out := answer{status: resp.StatusCode, ctype: resp.Header.Get("Content-Type"), raw: string(raw)}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

func (a answer) field() string {
	list, _ := a.body["errors"].([]any)
	if len(list) == 0 {
		return ""
	}
	f, _ := list[0].(map[string]any)["field"].(string)
	return f
}

func (a answer) problem() string { s, _ := a.body["type"].(string); return s }

func (a answer) str(key string) string { s, _ := a.body[key].(string); return s }

func (a answer) items() []map[string]any {
	var out []map[string]any
	list, _ := a.body["items"].([]any)
	for _, it := range list {
		out = append(out, it.(map[string]any))
	}
	return out
}

// ask is a valid request to meet the candidate behind ref.
func (h *harness) ask(ref, message string) map[string]any {
	start := h.clock.Now().Add(48 * time.Hour)
	return map[string]any{"candidate_ref": ref, "message": message, "meeting": map[string]any{"mode": "at_site",
		"windows": []map[string]string{{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339)}}}}
}

// eventTypes returns the types of the events on the stream, in order.
func (h *harness) eventTypes(t *testing.T) []string {
	t.Helper()
	msgs, err := h.rdb.XRange(context.Background(), h.stream, "-", "+").Result()
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, m := range msgs {
		for _, v := range m.Values {
			var e events.Envelope
			if json.Unmarshal([]byte(v.(string)), &e) == nil && e.Type != "" {
				out = append(out, e.Type)
			}
		}
	}
	return out
}
