package mongo

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// TestCandidateRoundTrip stores a candidate with every field set and one
// with every optional field empty, and reads back exactly what went in, by
// id and by attestation.
func TestCandidateRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	full, minimal := fullCandidate("c1", "org-a", "K7Q2"), minimalCandidate("c2", "org-a", "B3D4")
	insert(t, f.Store, full)
	insert(t, f.Store, minimal)
	for _, want := range []domain.Candidate{full, minimal} {
		got, err := f.Candidate(ctx, want.ID)
		if err != nil {
			t.Fatal(err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("round trip of %s:\n got %+v\nwant %+v", want.ID, got, want)
		}
	}
	got, err := f.CandidateByAttestation(ctx, "att-c1")
	if err != nil || !reflect.DeepEqual(got, full) {
		t.Fatalf("by attestation: %+v %v", got, err)
	}
	if _, err := f.CandidateByAttestation(ctx, "att-none"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("unknown attestation: %v", err)
	}
	if _, err := f.Candidate(ctx, "none"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing candidate: %v", err)
	}
}

// TestUpdateCandidateVersions checks the optimistic concurrency: a stale
// version is a conflict, a missing candidate not found, and of writers
// racing at one version exactly one wins, while the events of every
// successful write stay pending.
func TestUpdateCandidateVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate("c1", "org-a", "K7Q2")
	insert(t, f.Store, c)

	const writers = 6
	var wg sync.WaitGroup
	results := make([]error, writers)
	for i := range writers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			next := c
			next.Version = 2
			next.Profile.Preferences.HoursPerWeek = 20 + i
			results[i] = f.UpdateCandidate(ctx, next, 1, change(t, next, domain.ActionUpdate))
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
	if err := f.UpdateCandidate(ctx, c, 1, change(t, c, domain.ActionUpdate)); !errors.Is(err, errs.Conflict) {
		t.Fatalf("stale update: %v", err)
	}
	missing := minimalCandidate("none", "org-a", "ZZZZ")
	if err := f.UpdateCandidate(ctx, missing, 1, change(t, missing, domain.ActionUpdate)); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing candidate: %v", err)
	}
	pending, err := f.PendingEvents(ctx, 10)
	if err != nil || len(pending) != 2 {
		t.Fatalf("pending events: %v %v; want the insert's and the winner's", pending, err)
	}
	got, err := f.Candidate(ctx, "c1")
	if err != nil || got.Version != 2 {
		t.Fatalf("after the race: version %d %v", got.Version, err)
	}
}

// TestDuplicateAlias: a taken alias is ErrAliasTaken, which registration
// retries with another alias; a taken id is a plain conflict.
func TestDuplicateAlias(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	insert(t, f.Store, minimalCandidate("c1", "org-a", "K7Q2"))
	other := minimalCandidate("c2", "org-b", "K7Q2")
	if err := f.InsertCandidate(ctx, other, change(t, other, domain.ActionCreate)); !errors.Is(err, service.ErrAliasTaken) {
		t.Fatalf("taken alias: %v, want ErrAliasTaken", err)
	}
	sameID := minimalCandidate("c1", "org-a", "B3D4")
	err := f.InsertCandidate(ctx, sameID, change(t, sameID, domain.ActionCreate))
	if !errors.Is(err, errs.Conflict) || errors.Is(err, service.ErrAliasTaken) {
		t.Fatalf("taken id: %v, want a conflict that is not ErrAliasTaken", err)
	}
	n, _ := f.db.Collection("candidates").CountDocuments(ctx, bson.D{})
	if n != 1 {
		t.Fatalf("%d candidates stored, want 1", n)
	}
}

// TestCandidateVersions pages every candidate's id and version in id order.
func TestCandidateVersions(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	for _, id := range []string{"c3", "c1", "c2"} {
		insert(t, f.Store, minimalCandidate(id, "org-"+id, "A"+id))
	}
	c := minimalCandidate("c2", "org-c2", "Ac2")
	c.Version = 2
	if err := f.UpdateCandidate(ctx, c, 1, change(t, c, domain.ActionUpdate)); err != nil {
		t.Fatal(err)
	}
	var got []service.Version
	page := mongox.PageRequest{Limit: 2}
	for {
		vs, next, err := f.CandidateVersions(ctx, page)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, vs...)
		if next == "" {
			break
		}
		page.Cursor = next
	}
	want := []service.Version{{ID: "c1", Version: 1}, {ID: "c2", Version: 2}, {ID: "c3", Version: 1}}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("versions %+v, want %+v", got, want)
	}
}
