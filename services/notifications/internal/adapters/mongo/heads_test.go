package mongo

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// TestInboxKeepsItemsStoredBeforeHeads: items an earlier version stored
// (no head lists them) show in their users' inboxes, newest first and
// with the right unread count, once the store has started on that
// database again; a second start adds nothing twice.
func TestInboxKeepsItemsStoredBeforeHeads(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testkit.MongoDB(t)
	base := time.Now().Add(-time.Hour)
	var want []string
	for i := range 7 {
		user := "u1"
		if i%3 == 2 {
			user = "u2"
		}
		d := toInboxDoc(domain.InboxItem{UserID: user, SourceID: fmt.Sprintf("e%d", i), Kind: domain.KindNewMatches,
			MessageKey: "role_full_added", CreatedAt: base.Add(time.Duration(i) * time.Minute)})
		if i == 0 {
			at := base
			d.ReadAt = &at
		}
		if _, err := db.Collection("inbox").InsertOne(ctx, d); err != nil {
			t.Fatal(err)
		}
		if user == "u1" {
			want = append([]string{d.SourceID}, want...)
		}
	}
	for range 2 {
		if _, err := NewStore(ctx, db); err != nil {
			t.Fatal(err)
		}
	}
	s, err := NewStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	items, _, err := s.ListItems(ctx, "u1", false, mongox.PageRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, it := range items {
		got = append(got, it.SourceID)
	}
	if !slices.Equal(got, want) {
		t.Errorf("u1's inbox lists %v, want %v", got, want)
	}
	if n, _ := s.CountUnread(ctx, "u1"); n != len(want)-1 {
		t.Errorf("u1 has %d unread, want %d", n, len(want)-1)
	}
	if n, _ := s.CountUnread(ctx, "u2"); n != 2 {
		t.Errorf("u2 has %d unread, want 2", n)
	}
}

// TestInboxSkipsIDsWithoutItems: an id a crashed insert left in a head
// is never listed; once old enough, a reader takes it out, so the unread
// count is right again; a young one (an insert under way) stays.
func TestInboxSkipsIDsWithoutItems(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	if err := s.InsertItem(ctx, domain.InboxItem{UserID: "u1", SourceID: "e1", Kind: domain.KindNewMatches, MessageKey: "role_full_added", CreatedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	young := NewID()
	for _, id := range []string{"left-by-a-crash", young} {
		if err := s.addToHead(ctx, "u1", id, true); err != nil {
			t.Fatal(err)
		}
	}
	if n, _ := s.CountUnread(ctx, "u1"); n != 3 {
		t.Fatalf("before a read the head counts %d unread, want 3 (the test's setup is wrong)", n)
	}
	items, next, err := s.ListItems(ctx, "u1", true, mongox.PageRequest{Limit: 1})
	if err != nil || len(items) != 1 || items[0].SourceID != "e1" || next != "" {
		t.Fatalf("unread page = %+v %q %v, want only e1 and no next page", items, next, err)
	}
	h, err := s.head(ctx, "u1")
	if err != nil {
		t.Fatal(err)
	}
	if slices.Contains(h.Items, "left-by-a-crash") || slices.Contains(h.Unread, "left-by-a-crash") {
		t.Errorf("the leftover id is still in the head: %+v", h)
	}
	if !slices.Contains(h.Unread, young) {
		t.Errorf("the young id, maybe an insert under way, was taken out: %+v", h)
	}
	if err := s.MarkAllRead(ctx, "u1", time.Now()); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountUnread(ctx, "u1"); n != 0 {
		t.Errorf("after marking all read %d are unread", n)
	}
	var stored inboxDoc
	if err := s.inbox.FindOne(ctx, bson.D{{Key: "source_id", Value: "e1"}}).Decode(&stored); err != nil || stored.ReadAt == nil {
		t.Errorf("marking all read left the item unread: %+v %v", stored, err)
	}
}

// BenchmarkInbox reads one user's inbox page and unread count while the
// inbox collection holds 4,000 items of 50 other users.
func BenchmarkInbox(b *testing.B) {
	ctx := context.Background()
	s, err := NewStore(ctx, testkit.MongoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	for n := range 4000 {
		it := domain.InboxItem{UserID: fmt.Sprintf("u%d", n%50), SourceID: fmt.Sprintf("e%d", n), Kind: domain.KindNewMatches,
			MessageKey: "role_full_added", SubjectType: "role", SubjectID: "r1", Link: "/roles/r1", CreatedAt: time.Now()}
		if err := s.InsertItem(ctx, it); err != nil {
			b.Fatal(err)
		}
	}
	b.ResetTimer()
	for b.Loop() {
		if _, _, err := s.ListItems(ctx, "u7", false, mongox.PageRequest{}); err != nil {
			b.Fatal(err)
		}
		if _, err := s.CountUnread(ctx, "u7"); err != nil {
			b.Fatal(err)
		}
	}
}
