package mongo

import (
	"context"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// TestMigrationVerifiesExistingEmployers: organisations stored before
// vetting have no status; at start every one of them is verified, and a
// new sign-up after that still starts pending.
func TestMigrationVerifiesExistingEmployers(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newTestStore(t)
	s.Organisations.locks = noLocks{}
	at := time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC)
	for _, id := range []string{"o-emp", "o-prog"} {
		kind := "employer"
		if id == "o-prog" {
			kind = "programme"
		}
		if _, err := s.Organisations.coll.InsertOne(ctx, bson.D{{Key: "_id", Value: id}, {Key: "name", Value: id}, {Key: "kind", Value: kind}, {Key: "created_at", Value: at}}); err != nil {
			t.Fatal(err)
		}
	}
	fresh, _ := domain.NewOrganisation("o-new", "New café", domain.KindEmployer, "", at)
	if err := s.Organisations.Create(ctx, fresh); err != nil {
		t.Fatal(err)
	}
	if err := s.EnsureIndexes(ctx); err != nil {
		t.Fatal(err)
	}
	for id, want := range map[string]domain.OrgStatus{"o-emp": domain.StatusVerified, "o-prog": domain.StatusVerified, "o-new": domain.StatusPending} {
		o, err := s.Organisations.ByID(ctx, id)
		if err != nil || o.Status != want || o.Version != 1 {
			t.Errorf("%s: %+v, %v; want %s at version 1", id, o, err, want)
		}
	}

	// A status change is stored with its event, once per version.
	o, _ := s.Organisations.ByID(ctx, "o-emp")
	if err := o.Suspend(domain.Suspension{Reason: "complaint", SuspendedBy: "admin", SuspendedAt: at}); err != nil {
		t.Fatal(err)
	}
	e, _ := events.NewEnvelope("organisation.status_changed", o.ID, o.Version, "gateway")
	if err := s.Organisations.SaveStatus(ctx, o, 1, e); err != nil {
		t.Fatal(err)
	}
	if err := s.Organisations.SaveStatus(ctx, o, 1, e); err == nil {
		t.Fatal("a second change from the same version was stored")
	}
	pending, err := s.Organisations.PendingEvents(ctx, 10)
	if err != nil || len(pending) != 1 || pending[0].ID != e.ID {
		t.Fatalf("pending: %+v, %v", pending, err)
	}
	if err := s.Organisations.MarkPublished(ctx, pending[0]); err != nil {
		t.Fatal(err)
	}
	if pending, _ := s.Organisations.PendingEvents(ctx, 10); len(pending) != 0 {
		t.Fatalf("still pending: %+v", pending)
	}
	got, _ := s.Organisations.ByID(ctx, "o-emp")
	if got.Status != domain.StatusSuspended || got.Version != 2 || got.Suspension == nil || got.Suspension.Reason != "complaint" {
		t.Fatalf("suspended: %+v", got)
	}
}
