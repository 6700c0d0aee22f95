package events_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/testkit"
	eventsadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/events"
	"github.com/onward-jobs/onward/services/notifications/internal/adapters/gateway"
	mongoadapter "github.com/onward-jobs/onward/services/notifications/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/notifications/internal/adapters/owners"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// tokens hands out a fixed token per audience, so the fakes can check who
// a call was meant for.
type tokens struct{}

func (tokens) Token(_ context.Context, audience string) (string, error) {
	return "tok-" + audience, nil
}

// fakeOwners serves the employers', candidates' and gateway's internal
// routes the service calls, with a candidate view that carries an alias the
// mails must never show.
func fakeOwners(t *testing.T) *httptest.Server {
	t.Helper()
	member := func(id, lang, role string) map[string]any {
		return map[string]any{"user_id": id, "email": id + "@example.org", "language": lang, "role": role}
	}
	routes := map[string]struct {
		audience string
		body     any
	}{
		"/internal/v1/roles/r1":                        {"employers", map[string]any{"id": "r1", "employer_id": "emp-1", "title": "Barista", "status": "open"}},
		"/internal/v1/candidates/c1":                   {"candidates", map[string]any{"id": "c1", "org_id": "prog-1", "alias": "Secret Alias", "house": map[string]any{"name": "Kortrijk"}}},
		"/internal/v1/organisations/emp-1/recipients":  {"gateway", map[string]any{"items": []any{member("u1", "nl", "org_admin"), member("u2", "fr", "member")}}},
		"/internal/v1/organisations/prog-1/recipients": {"gateway", map[string]any{"items": []any{member("s1", "de", "member")}}},
		"/internal/v1/users/u2/recipient":              {"gateway", map[string]any{"user_id": "u2", "email": "u2@example.org", "language": "fr", "organisation_id": "emp-1", "role": "member", "active": true}},
		"/internal/v1/introductions/i1":                {"placements", map[string]any{"id": "i1", "role_id": "r1", "employer_org_id": "emp-1", "candidate_id": "c1", "candidate_org_id": "prog-1", "status": "requested"}},
		"/internal/v1/introductions/i2":                {"placements", map[string]any{"id": "i2", "role_id": "gone", "employer_org_id": "emp-1", "candidate_id": "c1", "candidate_org_id": "prog-1", "status": "accepted"}},
		"/internal/v1/users/s1/recipient":              {"gateway", map[string]any{"user_id": "s1", "email": "s1@example.org", "language": "de", "organisation_id": "prog-1", "role": "member", "active": true}},
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, ok := routes[r.URL.Path]
		if !ok {
			http.Error(w, `{"title":"not found"}`, http.StatusNotFound)
			return
		}
		if r.Header.Get("Authorization") != "Bearer tok-"+route.audience {
			http.Error(w, "wrong token", http.StatusForbidden)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(route.body)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// recordingMailer keeps what would have been sent.
type recordingMailer struct {
	mu   sync.Mutex
	sent []service.Mail
}

func (m *recordingMailer) Send(_ context.Context, mail service.Mail) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.sent = append(m.sent, mail)
	return nil
}

type setup struct {
	svc    *service.Service
	store  *mongoadapter.Store
	mailer *recordingMailer
	now    time.Time
}

func newSetup(t *testing.T) *setup {
	t.Helper()
	ctx := context.Background()
	store, err := mongoadapter.NewStore(ctx, testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	fake := fakeOwners(t)
	own, err := owners.New(owners.URLs{Employers: fake.URL, Candidates: fake.URL, Placements: fake.URL}, tokens{}, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := gateway.New(fake.URL, tokens{}, nil, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	s := &setup{store: store, mailer: &recordingMailer{}, now: time.Date(2026, 3, 2, 6, 0, 0, 0, time.UTC)} // 07:00 in Brussels
	s.svc = service.New(service.Deps{Inbox: store, Deliveries: store, Preferences: store, Recipients: rec, Owners: own,
		Mailer: s.mailer, Retry: domain.RetryPolicy{Delays: []time.Duration{time.Second}}, WebURL: "https://onward.test",
		Logger: slog.New(slog.NewTextHandler(io.Discard, nil)), Now: func() time.Time { return s.now }})
	// u1 wants new matches at once; u2 and s1 keep the default, a daily digest.
	if err := store.PutUserSettings(ctx, "u1", domain.Settings{Kinds: map[string]domain.Frequency{domain.KindNewMatches: domain.Immediately}}); err != nil {
		t.Fatal(err)
	}
	return s
}

func envelope(t *testing.T, typ, id string) pkgevents.Envelope {
	t.Helper()
	e, err := pkgevents.NewEnvelope(typ, id, 1, "matching")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (s *setup) items(t *testing.T, user string) []domain.InboxItem {
	t.Helper()
	list, _, err := s.store.ListItems(context.Background(), user, false, mongox.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	return list
}

func TestRoleEventReachesTheEmployersMembersThroughTheStream(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	rdb := testkit.Redis(t)
	stream := testkit.UniqueName(t, "matching")
	t.Cleanup(func() { rdb.Del(context.Background(), stream, pkgevents.DeadLetterStream(stream)) })
	run, err := eventsadapter.Subscribe(rdb, stream, "c1", slog.New(slog.NewTextHandler(io.Discard, nil)), s.svc.HandleEvent)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- run(ctx) }()
	t.Cleanup(func() { cancel(); <-done })
	pub, err := pkgevents.NewPublisher(rdb, pkgevents.PublisherConfig{})
	if err != nil {
		t.Fatal(err)
	}
	e := envelope(t, "matches.role_full_added", "r1")
	if _, err := pub.Publish(context.Background(), stream, e); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(15 * time.Second)
	for len(s.items(t, "u2")) == 0 && time.Now().Before(deadline) {
		time.Sleep(50 * time.Millisecond)
	}
	u1, u2 := s.items(t, "u1"), s.items(t, "u2")
	if len(u1) != 1 || len(u2) != 1 {
		t.Fatalf("inbox items: u1 %+v, u2 %+v", u1, u2)
	}
	if u1[0].Link != "/roles/r1" || u1[0].Kind != domain.KindNewMatches || u1[0].DigestPending || !u2[0].DigestPending {
		t.Errorf("items: u1 %+v, u2 %+v", u1[0], u2[0])
	}
	// Redelivered (as after a crash before the acknowledgement): nothing new.
	if err := s.svc.HandleEvent(context.Background(), e); err != nil {
		t.Fatal(err)
	}
	if n, err := s.svc.DeliverDue(context.Background()); err != nil || n != 1 {
		t.Fatalf("DeliverDue = %d, %v; want u1's one mail", n, err)
	}
	if len(s.items(t, "u1")) != 1 || len(s.items(t, "u2")) != 1 {
		t.Error("a redelivered event added inbox items")
	}
	m := s.mailer.sent[0]
	if m.To != "u1@example.org" || !strings.Contains(m.Text, "Barista") || !strings.Contains(m.Text, "https://onward.test/roles/r1") || !strings.Contains(m.Subject, "vacature") {
		t.Errorf("u1's mail = %+v", m)
	}
}

func TestCandidateEventAndTheDailyDigest(t *testing.T) {
	t.Parallel()
	s := newSetup(t)
	ctx := context.Background()
	for _, e := range []pkgevents.Envelope{envelope(t, "matches.candidate_full_added", "c1"), envelope(t, "matches.candidate_full_added", "c1"),
		envelope(t, "matches.role_full_added", "r1"), envelope(t, "matches.role_full_added", "gone"), envelope(t, "other.event", "x")} {
		if err := s.svc.HandleEvent(ctx, e); err != nil {
			t.Fatalf("HandleEvent(%s %s) = %v", e.Type, e.AggregateID, err)
		}
	}
	s1 := s.items(t, "s1")
	if len(s1) != 2 || s1[0].Link != "/candidates/c1" || !s1[0].DigestPending {
		t.Fatalf("staff items = %+v", s1)
	}
	if n, _ := s.svc.SendDigests(ctx); n != 0 {
		t.Fatal("a digest before the digest hour")
	}
	s.now = s.now.Add(90 * time.Minute) // 08:30 in Brussels
	if n, err := s.svc.SendDigests(ctx); err != nil || n != 2 {
		t.Fatalf("SendDigests = %d, %v; want one for s1 and one for u2", n, err)
	}
	if n, _ := s.svc.SendDigests(ctx); n != 0 {
		t.Fatal("a second digest on the same day")
	}
	if n, err := s.svc.DeliverDue(ctx); err != nil || n != 3 { // u1's immediate mail and two digests
		t.Fatalf("DeliverDue = %d, %v", n, err)
	}
	var digest service.Mail
	for _, m := range s.mailer.sent {
		if strings.Contains(m.Text, "Secret Alias") || strings.Contains(m.HTML, "Secret Alias") || strings.Contains(m.Text, "Kortrijk") {
			t.Errorf("a mail names the candidate: %+v", m)
		}
		if m.To == "s1@example.org" {
			digest = m
		}
	}
	if digest.Subject != "Ihre Onward-Zusammenfassung" || !strings.Contains(digest.Text, "2 × neue Stellen") {
		t.Errorf("staff digest = %+v", digest)
	}
	// Another event after today's digest waits for tomorrow's.
	if err := s.svc.HandleEvent(ctx, envelope(t, "matches.candidate_full_added", "c1")); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.svc.SendDigests(ctx); n != 0 {
		t.Fatal("two digests on one day")
	}
	s.now = s.now.Add(24 * time.Hour)
	if n, _ := s.svc.SendDigests(ctx); n != 1 {
		t.Fatal("no digest the next morning")
	}
}
