package http

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/auth"
	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
	eventsadapter "github.com/onward-jobs/onward/services/employers/internal/adapters/events"
	mongoadapter "github.com/onward-jobs/onward/services/employers/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

const issuer = "https://onward.test"

// Place ids from the embedded gazetteer.
const (
	kortrijk = "2794055"
	gent     = "2797656"
	oslo     = "3143244"
)

// harness is the employers API on a fresh database and fresh streams, with a
// verifier that trusts one test key and tokens for every kind of caller.
type harness struct {
	server    *httpx.Server
	svc       *service.Service
	store     *mongoadapter.Store
	rdb       *redis.Client
	publisher *switchablePublisher
	roles     string // stream names
	profiles  string
	tokens    map[string]string
}

// switchablePublisher lets a test make publishing fail, as when Redis is
// down between a write and its event.
type switchablePublisher struct {
	inner service.Publisher
	fail  bool
}

func (p *switchablePublisher) Publish(ctx context.Context, e pkgevents.Envelope) error {
	if p.fail {
		return errors.New("redis is down (test)")
	}
	return p.inner.Publish(ctx, e)
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	ctx := context.Background()
	rdb := testkit.Redis(t)
	locks := redislock.Locks{Redis: rdb, Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 2 * time.Second}
	store, err := mongoadapter.NewStore(ctx, testkit.MongoDB(t), locks)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{store: store, rdb: rdb, roles: testkit.UniqueName(t, "roles"), profiles: testkit.UniqueName(t, "profiles")}
	t.Cleanup(func() { rdb.Del(context.Background(), h.roles, h.profiles) })
	pub, err := pkgevents.NewPublisher(rdb, pkgevents.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	h.publisher = &switchablePublisher{inner: eventsadapter.Publisher{Events: pub, RolesStream: h.roles, ProfilesStream: h.profiles}}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	h.svc = service.New(service.Deps{
		Roles: store, Profiles: store, Outbox: store, Publisher: h.publisher, Logger: logger, Locks: locks,
		Vocabulary: service.Vocabulary{Taxonomy: skills.Default(), Places: geo.Default()},
	})
	pubKey, priv, _ := ed25519.GenerateKey(rand.Reader)
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: issuer, Audiences: []string{"onward-api", "employers"}, Keys: auth.StaticKeys{"k1": pubKey}})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	h.tokens = map[string]string{}
	for name, p := range map[string]auth.Principal{
		"A":      {Subject: "ua", OrgID: "emp-a", OrgKind: auth.OrgKindEmployer, Role: auth.RoleOrgAdmin},
		"B":      {Subject: "ub", OrgID: "emp-b", OrgKind: auth.OrgKindEmployer, Role: auth.RoleMember},
		"staff":  {Subject: "us", OrgID: "prog-1", OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		"admin":  {Subject: "root", Role: auth.RoleAdmin},
		"nobody": {Subject: "cand", Role: auth.RoleMember},
		// cand is a candidate signed in to their own account.
		"cand": {Subject: "cand-user", Role: auth.RoleCandidate, CandidateID: "cand-1"},
	} {
		tok, err := auth.IssueAccessToken(signer, issuer, []string{"onward-api"}, p, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[name] = tok
	}
	svcTok, err := auth.IssueServiceToken(signer, issuer, "matching", "employers", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	h.tokens["service"] = svcTok
	h.server = httpx.NewServer(httpx.AppConfig{Service: "employers", Logger: logger, BodyLimit: 1 << 20})
	Register(h.server.App, Deps{Verifier: v, Service: h.svc})
	h.server.NotFoundLast()
	return h
}

type answer struct {
	status int
	ctype  string
	raw    []byte
	body   map[string]any
}

// call sends a request as who (a key of h.tokens) with body encoded as JSON.
func (h *harness) call(t *testing.T, who, method, path string, body any) answer {
	t.Helper()
	var r io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, r)
	req.Header.Set("Authorization", "Bearer "+h.tokens[who])
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := h.server.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(resp.Body)
	out := answer{status: resp.StatusCode, ctype: resp.Header.Get("Content-Type"), raw: raw}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

// fieldsOf returns the field names of a validation problem.
func (a answer) fields() []string {
	var out []string
	list, _ := a.body["errors"].([]any)
	for _, e := range list {
		out = append(out, e.(map[string]any)["field"].(string))
	}
	return out
}

func (a answer) str(key string) string { s, _ := a.body[key].(string); return s }

func (a answer) version() int64 { v, _ := a.body["version"].(float64); return int64(v) }

func (a answer) items() []map[string]any {
	var out []map[string]any
	list, _ := a.body["items"].([]any)
	for _, it := range list {
		out = append(out, it.(map[string]any))
	}
	return out
}

// barista returns a valid role body in the issue's shape; tests change it.
func barista() map[string]any {
	start := time.Now().UTC().AddDate(0, 2, 0).Format(time.DateOnly)
	closing := time.Now().UTC().AddDate(0, 1, 0).Format(time.DateOnly)
	return map[string]any{
		"title": "Barista", "description": "Morning shifts in our roastery café.", "occupation": "barista",
		"sector": "I", "site": map[string]any{"place_id": kortrijk}, "remote": false,
		"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}},
		"optional_skills":  []any{map[string]any{"skill": "latte-art", "min_level": 1}},
		"languages":        []any{map[string]any{"code": "nl", "min_level": "B1"}},
		"schedule":         map[string]any{"days": []string{"mon", "tue", "wed", "thu", "fri"}, "start": "07:00", "end": "15:30"},
		"hours_per_week":   32, "contract": "permanent", "start_date": start, "positions": 1,
		"day_release_ok": true, "closing_date": closing,
	}
}

// create posts body as who and fails the test unless it is created.
func (h *harness) create(t *testing.T, who string, body map[string]any) answer {
	t.Helper()
	a := h.call(t, who, "POST", "/api/v1/roles", body)
	if a.status != 201 {
		t.Fatalf("create role: %d %v", a.status, a.body)
	}
	return a
}

// streamEvents reads every envelope on stream.
func (h *harness) streamEvents(t *testing.T, stream string) []pkgevents.Envelope {
	t.Helper()
	msgs, err := h.rdb.XRange(context.Background(), stream, "-", "+").Result()
	if err != nil {
		t.Fatal(err)
	}
	var out []pkgevents.Envelope
	for _, m := range msgs {
		if len(m.Values) != 1 {
			t.Fatalf("stream entry has fields %v; want only the envelope", m.Values)
		}
		var e pkgevents.Envelope
		if err := json.Unmarshal([]byte(m.Values[pkgevents.EnvelopeField].(string)), &e); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}
