package mongo

import (
	"context"
	"reflect"
	"testing"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// TestAuditLogIsAppendOnlyAndOrdered: a change's entry reaches the log with
// the write, appending an entry twice keeps one, and a candidate's trail
// pages oldest first without another candidate's entries.
func TestAuditLogIsAppendOnlyAndOrdered(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := minimalCandidate("c1", "org-a", "K7Q2")
	created := insert(t, f.Store, c)
	insert(t, f.Store, minimalCandidate("c2", "org-a", "B3D4"))
	want := []domain.AuditEntry{created.Audit}
	for _, action := range []domain.AuditAction{domain.ActionRead, domain.ActionExport, domain.ActionReadAudit} {
		e := auditEntry(c, action)
		e.Fields, e.Subject = []string{"identity.phone"}, "att-1"
		for range 2 {
			if err := f.AppendAudit(ctx, e); err != nil {
				t.Fatal(err)
			}
		}
		want = append(want, e)
	}
	var got []domain.AuditEntry
	page := mongox.PageRequest{Limit: 3}
	for {
		entries, next, err := f.CandidateAudit(ctx, "c1", page)
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, entries...)
		if next == "" {
			break
		}
		page.Cursor = next
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("trail:\n got %+v\nwant %+v", got, want)
	}
	if n := pendingAuditCount(t, f, "c1"); n != 0 {
		t.Fatalf("%d audit entries left in the candidate after the insert moved them", n)
	}
}

// TestPendingEventsMovesLeftoverAudit leaves an audit entry in a candidate
// document, as a crash between the write and the move would, and checks
// the relay's PendingEvents moves it, once, and keeps the event pending.
func TestPendingEventsMovesLeftoverAudit(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	c := minimalCandidate("c1", "org-a", "K7Q2")
	created := insert(t, f.Store, c)
	c.Version = 2
	ch := change(t, c, domain.ActionUpdate)
	event, entry := mustEncode(t, ch)
	if err := f.replaceCandidate(ctx, c, 1, event, entry); err != nil { // the write without the move
		t.Fatal(err)
	}
	if n := pendingAuditCount(t, f, "c1"); n != 1 {
		t.Fatalf("%d pending audit entries, want the one left behind", n)
	}
	for range 2 {
		pending, err := f.PendingEvents(ctx, 10)
		if err != nil || len(pending) != 2 {
			t.Fatalf("pending events %v %v; want the insert's and the update's", pending, err)
		}
	}
	if n := pendingAuditCount(t, f, "c1"); n != 0 {
		t.Fatalf("%d pending audit entries after the relay", n)
	}
	entries, _, err := f.CandidateAudit(ctx, "c1", mongox.PageRequest{})
	if err != nil || !reflect.DeepEqual(entries, []domain.AuditEntry{created.Audit, ch.Audit}) {
		t.Fatalf("trail after the relay: %+v %v", entries, err)
	}
}

func mustEncode(t *testing.T, ch service.Change) (string, string) {
	t.Helper()
	event, entry, err := encodeChange(ch)
	if err != nil {
		t.Fatal(err)
	}
	return event, entry
}

func pendingAuditCount(t *testing.T, f fixture, id string) int {
	t.Helper()
	var d struct {
		Pending []string `bson:"pending_audit"`
	}
	if err := f.db.Collection("candidates").FindOne(context.Background(), bson.D{{Key: "_id", Value: id}}).Decode(&d); err != nil {
		t.Fatal(err)
	}
	return len(d.Pending)
}
