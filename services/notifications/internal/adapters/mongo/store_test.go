package mongo

import (
	"context"
	"errors"
	"fmt"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

func newStore(t *testing.T) *Store {
	t.Helper()
	s, err := NewStore(context.Background(), testkit.MongoDB(t))
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func TestInboxIsUniquePerSourceAndUserAndPagesNewestFirst(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	for i := range 5 {
		it := domain.InboxItem{UserID: "u1", SourceID: fmt.Sprintf("e%d", i), Kind: domain.KindNewMatches, MessageKey: "role_full_added", CreatedAt: time.Now()}
		if err := s.InsertItem(ctx, it); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.InsertItem(ctx, domain.InboxItem{UserID: "u1", SourceID: "e0"}); !errors.Is(err, domain.ErrDuplicate) {
		t.Fatalf("second item for one source and user = %v, want ErrDuplicate", err)
	}
	if err := s.InsertItem(ctx, domain.InboxItem{UserID: "u2", SourceID: "e0"}); err != nil {
		t.Fatalf("the same source for another user: %v", err)
	}
	page, next, err := s.ListItems(ctx, "u1", false, mongox.PageRequest{Limit: 3})
	if err != nil || len(page) != 3 || next == "" || page[0].SourceID != "e4" {
		t.Fatalf("first page = %+v %q %v", page, next, err)
	}
	rest, next2, err := s.ListItems(ctx, "u1", false, mongox.PageRequest{Limit: 3, Cursor: next})
	if err != nil || len(rest) != 2 || next2 != "" || rest[1].SourceID != "e0" {
		t.Fatalf("second page = %+v %q %v", rest, next2, err)
	}
	if err := s.MarkRead(ctx, "u2", page[0].ID, time.Now()); !errors.Is(err, errs.NotFound) {
		t.Fatalf("marking another user's item = %v, want NotFound", err)
	}
	if err := s.MarkRead(ctx, "u1", page[0].ID, time.Now()); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountUnread(ctx, "u1"); n != 4 {
		t.Fatalf("unread = %d, want 4", n)
	}
	unread, _, _ := s.ListItems(ctx, "u1", true, mongox.PageRequest{})
	if len(unread) != 4 {
		t.Fatalf("unread list has %d", len(unread))
	}
	if err := s.MarkAllRead(ctx, "u1", time.Now()); err != nil {
		t.Fatal(err)
	}
	if n, _ := s.CountUnread(ctx, "u1"); n != 0 {
		t.Fatalf("unread after read-all = %d", n)
	}
}

func TestDeliveryIsClaimedOnceAndErasedWhenDone(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	now := time.Now()
	d := domain.Delivery{SourceID: "h1", Recipient: domain.RecipientKey("", "a@x.org"), Channel: domain.ChannelEmail, Kind: domain.KindInvitation,
		Language: "nl", Address: "a@x.org", Params: map[string]string{"link": "https://x/invite/secret"}, NextAttemptAt: now, CreatedAt: now}
	if err := s.InsertDelivery(ctx, d); err != nil {
		t.Fatal(err)
	}
	if err := s.InsertDelivery(ctx, d); !errors.Is(err, domain.ErrDuplicate) {
		t.Fatalf("second insert = %v, want ErrDuplicate", err)
	}
	got, ok, err := s.ClaimDue(ctx, now.Add(time.Second), time.Minute, "w1")
	if err != nil || !ok || got.Address != "a@x.org" || got.Status != domain.Sending {
		t.Fatalf("claim = %+v %v %v", got, ok, err)
	}
	if _, ok, _ := s.ClaimDue(ctx, now.Add(2*time.Second), time.Minute, "w2"); ok {
		t.Fatal("a leased delivery was claimed twice")
	}
	if err := s.MarkRetry(ctx, got, now.Add(10*time.Second), domain.ErrConnection); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := s.ClaimDue(ctx, now.Add(5*time.Second), time.Minute, "w2"); ok {
		t.Fatal("claimed before its next attempt")
	}
	// The worker dies holding its lease; after the lease another claims it.
	got, ok, _ = s.ClaimDue(ctx, now.Add(11*time.Second), time.Second, "w2")
	if !ok || got.Attempts != 1 || got.LastError != domain.ErrConnection {
		t.Fatalf("reclaim = %+v %v", got, ok)
	}
	again, ok, _ := s.ClaimDue(ctx, now.Add(13*time.Second), time.Minute, "w3")
	if !ok {
		t.Fatal("an expired lease was not claimable")
	}
	if err := s.MarkSent(ctx, got, now); err != nil { // w2 lost its lease: no effect
		t.Fatal(err)
	}
	if cur, _ := s.Delivery(ctx, "h1", d.Recipient); cur.Status != domain.Sending {
		t.Fatalf("a worker that lost its lease finished the delivery: %+v", cur)
	}
	if err := s.MarkSent(ctx, again, now); err != nil {
		t.Fatal(err)
	}
	cur, err := s.Delivery(ctx, "h1", d.Recipient)
	if err != nil || cur.Status != domain.Sent || cur.Address != "" || cur.Params != nil || cur.SentAt.IsZero() || cur.Attempts != 2 {
		t.Fatalf("sent delivery = %+v %v", cur, err)
	}
	list, _, err := s.ListDeliveries(ctx, domain.DeliveryFilter{Status: domain.Sent}, mongox.PageRequest{})
	if err != nil || len(list) != 1 {
		t.Fatalf("list = %+v %v", list, err)
	}
	if list, _, _ := s.ListDeliveries(ctx, domain.DeliveryFilter{OrgID: "other"}, mongox.PageRequest{}); len(list) != 0 {
		t.Fatalf("another org's list = %+v", list)
	}
}

func TestFailedDeliveryIsErased(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	now := time.Now()
	d := domain.Delivery{SourceID: "h2", Recipient: "user:u1", UserID: "u1", OrgID: "o1", Channel: domain.ChannelEmail, Kind: domain.KindPasswordReset,
		Address: "b@x.org", Params: map[string]string{"link": "https://x/reset"}, NextAttemptAt: now, CreatedAt: now}
	if err := s.InsertDelivery(ctx, d); err != nil {
		t.Fatal(err)
	}
	got, _, _ := s.ClaimDue(ctx, now, time.Minute, "w1")
	if err := s.MarkFailed(ctx, got, domain.ErrRejected); err != nil {
		t.Fatal(err)
	}
	list, _, _ := s.ListDeliveries(ctx, domain.DeliveryFilter{OrgID: "o1", Status: domain.Failed}, mongox.PageRequest{})
	if len(list) != 1 || list[0].Address != "" || list[0].Params != nil || list[0].LastError != domain.ErrRejected || list[0].UserID != "u1" {
		t.Fatalf("failed = %+v", list)
	}
}

func TestSettingsRoundTrip(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	if got, err := s.UserSettings(ctx, "u1"); err != nil || len(got.Kinds) != 0 || got.DigestHour != nil {
		t.Fatalf("unset = %+v %v", got, err)
	}
	h := 6
	want := domain.Settings{Kinds: map[string]domain.Frequency{domain.KindNewMatches: domain.Immediately}, DigestHour: &h, TimeZone: "Europe/Oslo"}
	if err := s.PutUserSettings(ctx, "u1", want); err != nil {
		t.Fatal(err)
	}
	if err := s.SetDigestDay(ctx, "u1", "2026-03-02"); err != nil {
		t.Fatal(err)
	}
	got, _ := s.UserSettings(ctx, "u1")
	if got.Kinds[domain.KindNewMatches] != domain.Immediately || got.DigestHour == nil || *got.DigestHour != 6 || got.TimeZone != "Europe/Oslo" {
		t.Fatalf("user settings = %+v", got)
	}
	if day, _ := s.DigestDay(ctx, "u1"); day != "2026-03-02" {
		t.Fatalf("digest day = %q", day)
	}
	if err := s.PutOrgSettings(ctx, "o1", domain.Settings{Kinds: map[string]domain.Frequency{domain.KindIntroductions: domain.Daily}}); err != nil {
		t.Fatal(err)
	}
	if org, _ := s.OrgSettings(ctx, "o1"); org.Kinds[domain.KindIntroductions] != domain.Daily || org.DigestHour != nil {
		t.Fatalf("org settings = %+v", org)
	}
}

func TestDigestItems(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	for i, u := range []string{"u1", "u1", "u2"} {
		_ = s.InsertItem(ctx, domain.InboxItem{UserID: u, SourceID: fmt.Sprint(i), DigestPending: true, CreatedAt: time.Now()})
	}
	_ = s.InsertItem(ctx, domain.InboxItem{UserID: "u3", SourceID: "x", CreatedAt: time.Now()})
	users, err := s.DigestUsers(ctx)
	if err != nil || len(users) != 2 {
		t.Fatalf("users = %v %v", users, err)
	}
	items, _ := s.DigestItems(ctx, "u1")
	if len(items) != 2 {
		t.Fatalf("items = %+v", items)
	}
	if err := s.ClearDigest(ctx, []string{items[0].ID, items[1].ID}); err != nil {
		t.Fatal(err)
	}
	if items, _ := s.DigestItems(ctx, "u1"); len(items) != 0 {
		t.Fatalf("after clear = %+v", items)
	}
}
