package http

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
	eventsadapter "github.com/onward-jobs/onward/services/employers/internal/adapters/events"
	"github.com/onward-jobs/onward/services/employers/internal/adapters/gateway"
	mongoadapter "github.com/onward-jobs/onward/services/employers/internal/adapters/mongo"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// fakeGateway answers GET /internal/v1/organisations/{id} from a map, as
// the gateway does, and counts the calls.
type fakeGateway struct {
	mu       sync.Mutex
	statuses map[string]string
	versions map[string]int
	calls    int
}

// set changes org's status, one version later.
func (f *fakeGateway) set(org, status string) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.statuses[org] = status
	f.versions[org]++
}

func (f *fakeGateway) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	org := r.URL.Path[len("/internal/v1/organisations/"):]
	status, ok := f.statuses[org]
	if !ok || r.Header.Get("Authorization") != "Bearer svc-token" {
		w.WriteHeader(http.StatusNotFound)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	_, _ = fmt.Fprintf(w, `{"id":%q,"kind":"employer","status":%q,"version":%d}`, org, status, f.versions[org])
}

type staticToken struct{}

func (staticToken) Token(context.Context, string) (string, error) { return "svc-token", nil }

// vet gives the harness's service the employers' statuses from a fake
// gateway (emp-a pending, emp-b verified) and returns the fake.
func (h *harness) vet(t *testing.T) *fakeGateway {
	t.Helper()
	fake := &fakeGateway{statuses: map[string]string{"emp-a": "pending", "emp-b": "verified"}, versions: map[string]int{"emp-a": 1, "emp-b": 2}}
	srv := httptest.NewServer(fake)
	t.Cleanup(srv.Close)
	src, err := gateway.New(srv.URL, staticToken{}, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	h.svc.OrgStatuses, h.svc.OrgStatusSource = mongoadapter.NewOrgStatuses(testkit.MongoDB(t)), src
	return fake
}

func statusChanged(t *testing.T, org string, version int64) pkgevents.Envelope {
	e, err := pkgevents.NewEnvelope("organisation.status_changed", org, version, "gateway")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestUnverifiedEmployerCannotOpenRoles: a pending employer drafts roles
// but opening one, at creation or later, is 403 of its own type; once the
// gateway announces the verification it may.
func TestUnverifiedEmployerCannotOpenRoles(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	fake := h.vet(t)

	open := barista()
	open["status"] = "open"
	a := h.call(t, "A", "POST", "/api/v1/roles", open)
	if a.status != 403 || a.str("type") != "/problems/organisation-not-verified" || a.ctype != "application/problem+json" {
		t.Fatalf("a pending employer opens a role: %d %v", a.status, a.body)
	}
	draft := h.create(t, "A", barista())
	id := draft.str("id")
	a = h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "open", "version": draft.version()})
	if a.status != 403 || a.str("type") != "/problems/organisation-not-verified" {
		t.Fatalf("a pending employer opens its draft: %d %v", a.status, a.body)
	}
	if b := h.call(t, "B", "POST", "/api/v1/roles", open); b.status != 201 {
		t.Fatalf("a verified employer opens a role: %d %v", b.status, b.body)
	}

	// The status is remembered: one call to the gateway per employer.
	calls := fake.calls
	h.call(t, "A", "POST", "/api/v1/roles", open)
	if fake.calls != calls {
		t.Fatalf("the gateway was asked again: %d calls, then %d", calls, fake.calls)
	}

	fake.set("emp-a", "verified")
	if err := h.svc.HandleGatewayEvent(context.Background(), statusChanged(t, "emp-a", 2)); err != nil {
		t.Fatal(err)
	}
	if a := h.call(t, "A", "POST", "/api/v1/roles/"+id+"/status", map[string]any{"status": "open", "version": draft.version()}); a.status != 200 || a.str("status") != "open" {
		t.Fatalf("a verified employer opens its draft: %d %v", a.status, a.body)
	}
}

// TestSuspensionPausesOpenRoles: the gateway's event about a suspension,
// read from its stream by the service's subscriber, pauses every open
// role of the employer with a role.changed event each, and the employer
// cannot open them again while suspended.
func TestSuspensionPausesOpenRoles(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	fake := h.vet(t)
	open := barista()
	open["status"] = "open"
	first := h.call(t, "B", "POST", "/api/v1/roles", open)
	other := barista()
	other["site"] = map[string]any{"place_id": gent}
	other["status"] = "open"
	second := h.call(t, "B", "POST", "/api/v1/roles", other)
	draft := h.create(t, "B", barista())
	if first.status != 201 || second.status != 201 {
		t.Fatalf("open roles: %v %v", first.body, second.body)
	}
	before := len(h.streamEvents(t, h.roles))

	stream := testkit.UniqueName(t, "onward.gateway")
	ctx, cancel := context.WithCancel(context.Background())
	run, err := eventsadapter.Subscribe(h.rdb, stream, "test", slog.New(slog.DiscardHandler), h.svc.HandleGatewayEvent)
	if err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { defer close(done); _ = run(ctx) }()
	t.Cleanup(func() { cancel(); <-done; h.rdb.Del(context.Background(), stream) })

	fake.set("emp-b", "suspended")
	pub, _ := pkgevents.NewPublisher(h.rdb, pkgevents.PublisherConfig{})
	if _, err := pub.Publish(context.Background(), stream, statusChanged(t, "emp-b", 2)); err != nil {
		t.Fatal(err)
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		a := h.call(t, "B", "GET", "/api/v1/roles/"+second.str("id"), nil)
		b := h.call(t, "B", "GET", "/api/v1/roles/"+first.str("id"), nil)
		if a.str("status") == "paused" && b.str("status") == "paused" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("roles not paused: %v %v", a.body, b.body)
		}
		time.Sleep(50 * time.Millisecond)
	}
	if d := h.call(t, "B", "GET", "/api/v1/roles/"+draft.str("id"), nil); d.str("status") != "draft" {
		t.Fatalf("a draft changed: %v", d.body)
	}
	if after := len(h.streamEvents(t, h.roles)); after != before+2 {
		t.Fatalf("role events: %d before, %d after; want two more", before, after)
	}
	a := h.call(t, "B", "POST", "/api/v1/roles/"+first.str("id")+"/status", map[string]any{"status": "open"})
	if a.status != 403 || a.str("type") != "/problems/organisation-suspended" {
		t.Fatalf("a suspended employer reopens a role: %d %v", a.status, a.body)
	}
	if _, err := h.svc.OrgStatusSource.OrgStatus(context.Background(), "emp-gone"); !errsIsNotFound(err) {
		t.Fatalf("an unknown organisation: %v", err)
	}
}

// TestOrgStatusKeepsTheNewestVersion: a reading of the gateway that
// arrives after a newer one does not overwrite it.
func TestOrgStatusKeepsTheNewestVersion(t *testing.T) {
	t.Parallel()
	store := mongoadapter.NewOrgStatuses(testkit.MongoDB(t))
	ctx := context.Background()
	for _, st := range []domain.OrgStanding{{Status: domain.OrgPending, Version: 1}, {Status: domain.OrgSuspended, Version: 3},
		{Status: domain.OrgVerified, Version: 2}, {Status: domain.OrgVerified, Version: 3}} {
		if err := store.SaveOrgStatus(ctx, "emp-x", st); err != nil {
			t.Fatal(err)
		}
	}
	if got, err := store.OrgStatus(ctx, "emp-x"); err != nil || got != domain.OrgSuspended {
		t.Fatalf("kept %q, %v; want the suspension of version 3", got, err)
	}
	if err := store.SaveOrgStatus(ctx, "emp-x", domain.OrgStanding{Status: domain.OrgVerified, Version: 4}); err != nil {
		t.Fatal(err)
	}
	if got, _ := store.OrgStatus(ctx, "emp-x"); got != domain.OrgVerified {
		t.Fatalf("kept %q after version 4", got)
	}
}

func errsIsNotFound(err error) bool { return errors.Is(err, errs.NotFound) }
