package http

import (
	"bytes"
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"encoding/json"
	"io"
	"log/slog"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/testkit"
	mongoadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

const issuer = "https://onward.test"

// nullMailer accepts every mail, so handoffs are queued as with SMTP set.
type nullMailer struct{}

func (nullMailer) Send(context.Context, service.Mail) error { return nil }

// harness is the notifications API on a fresh database with a verifier
// that trusts one test key, and tokens for every kind of caller.
type harness struct {
	server *httpx.Server
	store  *mongoadapter.Store
	tokens map[string]string
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	store, err := mongoadapter.NewStore(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	logger := slog.New(slog.NewTextHandler(io.Discard, nil))
	svc := service.New(service.Deps{Inbox: store, Deliveries: store, Preferences: store, Mailer: nullMailer{},
		Retry: domain.RetryPolicy{Delays: []time.Duration{time.Minute}}, Logger: logger})
	pub, priv, _ := ed25519.GenerateKey(rand.Reader)
	v, err := auth.NewVerifier(auth.VerifierConfig{Issuer: issuer, Audiences: []string{"onward-api", "notifications"}, Keys: auth.StaticKeys{"k1": pub}})
	if err != nil {
		t.Fatal(err)
	}
	signer, err := auth.NewSigner("k1", priv)
	if err != nil {
		t.Fatal(err)
	}
	h := &harness{store: store, tokens: map[string]string{}}
	for name, p := range map[string]auth.Principal{
		"empAdmin":  {Subject: "ua", OrgID: "emp-a", OrgKind: auth.OrgKindEmployer, Role: auth.RoleOrgAdmin},
		"empMember": {Subject: "ub", OrgID: "emp-a", OrgKind: auth.OrgKindEmployer, Role: auth.RoleMember},
		"otherOrg":  {Subject: "uc", OrgID: "emp-b", OrgKind: auth.OrgKindEmployer, Role: auth.RoleOrgAdmin},
		"admin":     {Subject: "root", Role: auth.RoleAdmin},
		// self is a candidate signed in to their own account.
		"self": {Subject: "us-cand", Role: auth.RoleCandidate, CandidateID: "cand-1"},
	} {
		tok, err := auth.IssueAccessToken(signer, issuer, []string{"onward-api"}, p, time.Hour)
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[name] = tok
	}
	for _, from := range []string{"gateway", "matching"} {
		tok, err := auth.IssueServiceToken(signer, issuer, from, "notifications", time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		h.tokens[from] = tok
	}
	h.server = httpx.NewServer(httpx.AppConfig{Service: "notifications", Logger: logger, BodyLimit: 64 << 10})
	Register(h.server.App, Deps{Verifier: v, Service: svc})
	h.server.NotFoundLast()
	return h
}

type answer struct {
	status int
	ctype  string
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
	out := answer{status: resp.StatusCode, ctype: resp.Header.Get("Content-Type")}
	_ = json.Unmarshal(raw, &out.body)
	return out
}

// field returns the first field a validation problem names.
func (a answer) field() string {
	list, _ := a.body["errors"].([]any)
	if len(list) == 0 {
		return ""
	}
	f, _ := list[0].(map[string]any)["field"].(string)
	return f
}

func (a answer) items() []map[string]any {
	var out []map[string]any
	list, _ := a.body["items"].([]any)
	for _, it := range list {
		out = append(out, it.(map[string]any))
	}
	return out
}

// seed puts n items in user's inbox.
func (h *harness) seed(t *testing.T, user string, n int) {
	t.Helper()
	for i := range n {
		it := domain.InboxItem{UserID: user, SourceID: user + "-" + string(rune('a'+i)), Kind: domain.KindNewMatches,
			MessageKey: "candidate_full_added", SubjectType: domain.SubjectCandidate, SubjectID: "c1", Link: "/candidates/c1", CreatedAt: time.Now()}
		if err := h.store.InsertItem(context.Background(), it); err != nil {
			t.Fatal(err)
		}
	}
}
