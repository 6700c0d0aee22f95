package mongo

import (
	"context"
	"errors"
	"sync"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	locks := redislock.Locks{Redis: testkit.Redis(t), Prefix: testkit.UniqueName(t, "lock") + ":", TTL: 10 * time.Second, Wait: 5 * time.Second}
	s, err := NewStore(context.Background(), testkit.MongoDB(t), locks)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func envelope(t *testing.T, id string, version int64) events.Envelope {
	t.Helper()
	e, err := events.NewEnvelope("role.changed", id, version, "employers")
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestConditionalUpdateHasOneWinner races writers at the same version:
// exactly one may succeed, on FerretDB as on MongoDB, and the winner's
// event is the only one added.
func TestConditionalUpdateHasOneWinner(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	r := domain.Role{ID: "r1", EmployerID: "e1", Status: domain.StatusDraft, Version: 1, Spec: domain.RoleSpec{Title: "Cook"}}
	if err := s.InsertRole(ctx, r, envelope(t, "r1", 1)); err != nil {
		t.Fatal(err)
	}
	const writers = 8
	var wg sync.WaitGroup
	results := make([]error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			next := r
			next.Version = 2
			results[i] = s.UpdateRole(ctx, next, 1, envelope(t, "r1", 2))
		}()
	}
	wg.Wait()
	won := 0
	for _, err := range results {
		switch {
		case err == nil:
			won++
		case !errors.Is(err, errs.Conflict):
			t.Fatalf("a losing writer must get a conflict: %v", err)
		}
	}
	if won != 1 {
		t.Fatalf("%d writers won; want exactly 1", won)
	}
	pending, err := s.PendingEvents(ctx, 10)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending events: %v %v; want the insert's and the winner's", pending, err)
	}
	if err := s.UpdateRole(ctx, r, 1, envelope(t, "missing", 2)); !errors.Is(err, errs.Conflict) {
		t.Fatalf("stale update: %v", err)
	}
	missing := r
	missing.ID = "nope"
	if err := s.UpdateRole(ctx, missing, 1, envelope(t, "nope", 2)); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing role: %v", err)
	}
}

func TestMarkPublishedRemovesOnlyThatEvent(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	r := domain.Role{ID: "r2", EmployerID: "e1", Status: domain.StatusDraft, Version: 1, Spec: domain.RoleSpec{Title: "Cook"}}
	first, second := envelope(t, "r2", 1), envelope(t, "r2", 2)
	if err := s.InsertRole(ctx, r, first); err != nil {
		t.Fatal(err)
	}
	r.Version, r.Spec.Title = 2, "Head cook"
	if err := s.UpdateRole(ctx, r, 1, second); err != nil {
		t.Fatal(err)
	}
	if err := s.MarkPublished(ctx, first); err != nil {
		t.Fatal(err)
	}
	pending, err := s.PendingEvents(ctx, 10)
	if err != nil || len(pending) != 1 || pending[0].ID != second.ID || !pending[0].OccurredAt.Equal(second.OccurredAt) {
		t.Fatalf("pending after clearing the first: %+v %v", pending, err)
	}
	got, err := s.Role(ctx, "r2")
	if err != nil || got.Spec.Title != "Head cook" || got.Version != 2 {
		t.Fatalf("clearing an event changed the role: %+v %v", got, err)
	}
	if _, err := s.Role(ctx, "none"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing: %v", err)
	}
}

// TestOldRoleStatusChangeTime reads a role stored before status changes
// were timed: its updated time stands in, and its previous status is
// unknown. A saved role keeps both.
func TestOldRoleStatusChangeTime(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	updated := time.Date(2026, 3, 4, 10, 0, 0, 0, time.UTC)
	_, err := s.roles.InsertOne(ctx, bson.D{
		{Key: "_id", Value: "old"}, {Key: "employer_id", Value: "e1"}, {Key: "status", Value: "filled"},
		{Key: "version", Value: int64(3)}, {Key: "created_at", Value: updated.AddDate(0, -1, 0)},
		{Key: "updated_at", Value: updated}, {Key: "spec", Value: bson.D{{Key: "title", Value: "Cook"}}},
	})
	if err != nil {
		t.Fatal(err)
	}
	got, err := s.Role(ctx, "old")
	if err != nil || !got.StatusChangedAt.Equal(updated) || got.PreviousStatus != "" || got.Spec.Title != "Cook" {
		t.Fatalf("old role: %+v %v", got, err)
	}
	changed := updated.Add(time.Hour)
	got.SetStatus(domain.StatusOpen, changed)
	got.Version, got.UpdatedAt = 4, changed
	if err := s.UpdateRole(ctx, got, 3, envelope(t, "old", 4)); err != nil {
		t.Fatal(err)
	}
	again, err := s.Role(ctx, "old")
	if err != nil || !again.StatusChangedAt.Equal(changed) || again.PreviousStatus != domain.StatusFilled || again.Status != domain.StatusOpen {
		t.Fatalf("saved role: %+v %v", again, err)
	}
}
