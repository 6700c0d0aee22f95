package http

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/auth"
	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/sealed"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/testkit"
	eventsadapter "github.com/onward-jobs/onward/services/candidates/internal/adapters/events"
	mongoadapter "github.com/onward-jobs/onward/services/candidates/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

const issuer = "https://onward.test"

// Place ids from the embedded gazetteer.
const (
	kortrijk = "2794055"
	gent     = "2797656"
)

// User ids; programme supervisors must be user ids, so they are UUIDs.
const (
	memberID     = "11111111-1111-4111-8111-111111111111"
	orgAdminID   = "22222222-2222-4222-8222-222222222222"
	colleagueID  = "33333333-3333-4333-8333-333333333333"
	otherID      = "44444444-4444-4444-8444-444444444444"
	otherAdminID = "55555555-5555-4555-8555-555555555555"
)

// Organisations.
const (
	orgP1 = "prog-p1"
	orgP2 = "prog-p2"
)

// harness is the candidates API on a fresh database and a fresh stream,
// with a verifier that trusts one test key and tokens for every kind of
// caller: "member" and "org_admin" of P1, "colleague" (a member of P1 who
// supervises nothing), "member2" of P2, "employer", "admin" and "service".
type harness struct {
	signer *auth.Signer
	server *httpx.Server
	svc    *service.Service
	store  *mongoadapter.Store
	db     *mongo.Database
	rdb    *redis.Client
	stream string
	tokens map[string]string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{db: testkit.MongoDB(t), rdb: testkit.Redis(t), stream: testkit.UniqueName(t, "candidates")}
	t.Cleanup(func() { h.rdb.Del(context.Background(), h.stream) })
	h.store = newStore(t, h.db, h.rdb)
	pub, err := pkgevents.NewPublisher(h.rdb, pkgevents.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	digestKey := []byte("tombstone digest key for tests!!")
	h.svc = service.New(service.Deps{
		Candidates: h.store, Programmes: h.store, Audit: h.store, Keys: h.store, Outbox: h.store, Disclosures: h.store,
		Publisher:  eventsadapter.Publisher{Events: pub, Stream: h.stream},
		Vocabulary: service.Vocabulary{Taxonomy: skills.Default(), Places: geo.Default()},
		Digest: func(id string) string {
			m := hmac.New(sha256.New, digestKey)
			m.Write([]byte(id))
			return hex.EncodeToString(m.Sum(nil))
		},
		Logger: logger, PublicURL: issuer + "/",
	})
	verifier := h.issueTokens(t)
	h.server = httpx.NewServer(httpx.AppConfig{Service: "candidates", Logger: logger, BodyLimit: 1 << 20})
	Register(h.server.App, Deps{Verifier: verifier, Service: h.svc})
	h.server.NotFoundLast()
	return h
}

func newStore(t *testing.T, db *mongo.Database, rdb *redis.Client) *mongoadapter.Store {
	t.Helper()
	ring, err := sealed.ParseKeyring("k1:"+sealed.NewKey(), "k1")
	if err != nil {
		t.Fatal(err)
	}
	box, err := sealed.NewBox(sealed.NewKey())
	if err != nil {
		t.Fatal(err)
	}
	locks := redislock.Locks{Redis: rdb, Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 2 * time.Second}
	store, err := mongoadapter.NewStore(context.Background(), db, mongoadapter.Options{
		Locks: locks, Identity: ring, Keys: box, IndexKey: []byte("blind index key for the tests!!!"),
	})
	if err != nil {
		t.Fatal(err)
	}
	return store
}

// issueTokens fills h.tokens and returns the verifier that trusts them.
func (h *harness) issueTokens(t *testing.T) *auth.Verifier {
	t.Helper()
	pubKey, priv, _ := ed25519.GenerateKey(rand.Reader)
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: issuer, Audiences: []string{"onward-api", "candidates"}, Keys: auth.StaticKeys{"k1": pubKey}})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	h.signer = signer
	h.tokens = map[string]string{}
	for name, p := range map[string]auth.Principal{
		"member":    {Subject: memberID, OrgID: orgP1, OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		"org_admin": {Subject: orgAdminID, OrgID: orgP1, OrgKind: auth.OrgKindProgramme, Role: auth.RoleOrgAdmin},
		"colleague": {Subject: colleagueID, OrgID: orgP1, OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		"member2":   {Subject: otherID, OrgID: orgP2, OrgKind: auth.OrgKindProgramme, Role: auth.RoleMember},
		"employer":  {Subject: "emp-user", OrgID: "emp-1", OrgKind: auth.OrgKindEmployer, Role: auth.RoleOrgAdmin},
		"admin":     {Subject: "root", Role: auth.RoleAdmin},
		"observer":  {Subject: "obs-user", OrgID: "obs-1", OrgKind: auth.OrgKindObserver, Role: auth.RoleOrgAdmin},
	} {
		tok, err := auth.IssueAccessToken(signer, issuer, []string{"onward-api"}, p, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[name] = tok
	}
	svcTok, err := auth.IssueServiceToken(signer, issuer, "matching", "candidates", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	h.tokens["service"] = svcTok
	return v
}

// addToken issues one more staff token, for a test that needs a caller
// the harness lacks.
func (h *harness) addToken(t *testing.T, name, subject, org, role string) {
	t.Helper()
	p := auth.Principal{Subject: subject, OrgID: org, OrgKind: auth.OrgKindProgramme, Role: role}
	tok, err := auth.IssueAccessToken(h.signer, issuer, []string{"onward-api"}, p, time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	h.tokens[name] = tok
}

type answer struct {
	status int
	header map[string]string
	raw    []byte
	body   map[string]any
}

// call sends a request as who (a key of h.tokens) with body encoded as
// JSON; a []byte or string body is sent as it is.
func (h *harness) call(t *testing.T, who, method, path string, body any, headers ...string) answer {
	t.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = bytes.NewReader([]byte(b))
	case []byte:
		r = bytes.NewReader(b)
	default:
		raw, _ := json.Marshal(body)
		r = bytes.NewReader(raw)
	}
	req := httptest.NewRequest(method, path, r)
	req.Header.Set("Authorization", "Bearer "+h.tokens[who])
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := h.server.App.Test(req, -1)
	if err != nil {
		t.Fatal(err)
	}
	out := answer{status: resp.StatusCode, header: map[string]string{}}
	for k := range resp.Header {
		out.header[k] = resp.Header.Get(k)
	}
	out.raw, _ = io.ReadAll(resp.Body)
	_ = json.Unmarshal(out.raw, &out.body)
	return out
}

// must fails the test unless the answer has status want.
func (a answer) must(t *testing.T, want int) answer {
	t.Helper()
	if a.status != want {
		t.Fatalf("status %d, want %d: %s", a.status, want, a.raw)
	}
	return a
}

// fields returns the field names of a validation problem.
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
