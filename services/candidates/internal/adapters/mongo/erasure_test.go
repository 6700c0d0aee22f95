package mongo

import (
	"bytes"
	"context"
	"errors"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

const erasedID = "cand-3f9e71d2"

func erasure(t *testing.T) (domain.Tombstone, events.Envelope) {
	t.Helper()
	e, err := events.NewEnvelope(service.EventCandidateErased, erasedID, 3, service.Producer)
	if err != nil {
		t.Fatal(err)
	}
	return domain.Tombstone{ID: "tomb-1", OrgID: "org-a", IDDigest: "keyed-digest", ErasedAt: at(10), ErasedBy: "admin-1"}, e
}

// TestEraseCandidate erases a candidate with a trail, beside one that
// stays, and follows the tombstone until its event is published: the
// candidate and its entries are gone at once, an entry a racing read
// appended goes at publication, and then the tombstone names no one.
func TestEraseCandidate(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate(erasedID, "org-a", "K7Q2")
	insert(t, f.Store, c)
	kept := insert(t, f.Store, minimalCandidate("c2", "org-a", "B3D4"))
	if err := f.AppendAudit(ctx, auditEntry(c, domain.ActionRead)); err != nil {
		t.Fatal(err)
	}
	tomb, e := erasure(t)
	if err := f.EraseCandidate(ctx, erasedID, tomb, e); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Candidate(ctx, erasedID); !errors.Is(err, errs.NotFound) {
		t.Fatalf("erased candidate: %v", err)
	}
	if _, err := f.CandidateByAttestation(ctx, "att-"+erasedID); !errors.Is(err, errs.NotFound) {
		t.Fatalf("erased candidate by attestation: %v", err)
	}
	assertTrail(t, f, erasedID, 0)
	assertTrail(t, f, "c2", 1)
	if raw := rawTombstone(t, f); !bytes.Contains(raw, []byte(erasedID)) {
		t.Fatal("before publication the tombstone must name the candidate, to finish the erasure")
	}
	assertPending(t, f, e.ID, kept.Event.ID)

	// A read that loaded the candidate before the erasure records it after.
	if err := f.AppendAudit(ctx, auditEntry(c, domain.ActionRead)); err != nil {
		t.Fatal(err)
	}
	for range 2 { // the writer and the relay may both publish
		if err := f.MarkPublished(ctx, e); err != nil {
			t.Fatal(err)
		}
	}
	assertTrail(t, f, erasedID, 0)
	var stored bson.M
	if err := bson.Unmarshal(rawTombstone(t, f), &stored); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(rawTombstone(t, f), []byte(erasedID)) || stored["candidate_id"] != nil || stored["id_digest"] != "keyed-digest" {
		t.Fatalf("published tombstone %v; want the digest and no candidate id", stored)
	}
	assertPending(t, f, kept.Event.ID)
	if err := f.MarkPublished(ctx, kept.Event); err != nil {
		t.Fatal(err)
	}
	assertPending(t, f)
	if n, err := f.FinishErasures(ctx); err != nil || n != 0 {
		t.Fatalf("finish erasures after publication: %d %v", n, err)
	}
}

// TestFinishErasuresAfterInterruption stores only the tombstone, as a
// crash right after it would leave things, and lets the relay finish.
func TestFinishErasuresAfterInterruption(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := fullCandidate(erasedID, "org-a", "K7Q2")
	insert(t, f.Store, c)
	if err := f.AppendAudit(ctx, auditEntry(c, domain.ActionRead)); err != nil {
		t.Fatal(err)
	}
	tomb, e := erasure(t)
	raw, err := encodeEvent(e)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.tombstones.InsertOne(ctx, toTombstoneDoc(tomb, erasedID, raw)); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Candidate(ctx, erasedID); err != nil {
		t.Fatalf("the interrupted erasure deleted the candidate already: %v", err)
	}
	if n, err := f.FinishErasures(ctx); err != nil || n != 1 {
		t.Fatalf("finish erasures: %d %v, want 1", n, err)
	}
	if _, err := f.Candidate(ctx, erasedID); !errors.Is(err, errs.NotFound) {
		t.Fatalf("candidate after finishing: %v", err)
	}
	assertTrail(t, f, erasedID, 0)
	if n, err := f.FinishErasures(ctx); err != nil || n != 0 {
		t.Fatalf("finish erasures again: %d %v, want 0", n, err)
	}
	assertPending(t, f, e.ID)
	if err := f.MarkPublished(ctx, e); err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(rawTombstone(t, f), []byte(erasedID)) {
		t.Fatal("the published tombstone still names the candidate")
	}
}

func assertTrail(t *testing.T, f fixture, id string, want int) {
	t.Helper()
	entries, _, err := f.CandidateAudit(context.Background(), id, mongox.PageRequest{})
	if err != nil || len(entries) != want {
		t.Fatalf("trail of %s: %d entries %v, want %d", id, len(entries), err, want)
	}
}

func assertPending(t *testing.T, f fixture, ids ...string) {
	t.Helper()
	pending, err := f.PendingEvents(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	got := map[string]bool{}
	for _, e := range pending {
		got[e.ID] = true
	}
	if len(pending) != len(ids) {
		t.Fatalf("pending %+v, want %v", pending, ids)
	}
	for _, id := range ids {
		if !got[id] {
			t.Fatalf("event %s not pending: %+v", id, pending)
		}
	}
}

func rawTombstone(t *testing.T, f fixture) bson.Raw {
	t.Helper()
	raw, err := f.db.Collection("tombstones").FindOne(context.Background(), bson.D{{Key: "_id", Value: "tomb-1"}}).Raw()
	if err != nil {
		t.Fatal(err)
	}
	return raw
}
