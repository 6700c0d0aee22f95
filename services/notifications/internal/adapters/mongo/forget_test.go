package mongo

import (
	"context"
	"strings"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/mongox"

	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// TestForgetSubjectLeavesNoTraceOfIt: after a candidate's erasure every
// inbox item about the candidate, and every delivery made for those items,
// is gone, those about the candidate's introductions included; items
// about others stay.
func TestForgetSubjectLeavesNoTraceOfIt(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	s := newStore(t)
	now := time.Now()
	for i, subject := range []string{"cand-erased", "cand-erased", "cand-kept"} {
		source := "event-" + string(rune('a'+i))
		it := domain.InboxItem{UserID: "staff-1", SourceID: source, Kind: domain.KindNewMatches, MessageKey: "candidate_full_added",
			SubjectType: domain.SubjectCandidate, SubjectID: subject, Link: "/candidates/" + subject, CreatedAt: now}
		if err := s.InsertItem(ctx, it); err != nil {
			t.Fatal(err)
		}
		d := domain.Delivery{SourceID: source, Recipient: domain.RecipientKey("staff-1", ""), Channel: domain.ChannelEmail,
			Kind: domain.KindNewMatches, UserID: "staff-1", Language: "en", Address: "staff@x.org",
			Params: map[string]string{"link": "https://x/candidates/" + subject}, NextAttemptAt: now, CreatedAt: now}
		if err := s.InsertDelivery(ctx, d); err != nil {
			t.Fatal(err)
		}
	}
	intro := domain.InboxItem{UserID: "emp-1", SourceID: "event-intro", Kind: domain.KindIntroductions, MessageKey: "introduction_answered",
		SubjectType: domain.SubjectIntroduction, SubjectID: "intro-1", CandidateID: "cand-erased", Link: "/introductions/intro-1", CreatedAt: now}
	if err := s.InsertItem(ctx, intro); err != nil {
		t.Fatal(err)
	}
	if err := s.InsertDelivery(ctx, domain.Delivery{SourceID: "event-intro", Recipient: domain.RecipientKey("emp-1", ""), Channel: domain.ChannelEmail,
		Kind: domain.KindIntroductions, UserID: "emp-1", Language: "en", Address: "emp@x.org",
		Params: map[string]string{"link": "https://x/introductions/intro-1"}, NextAttemptAt: now, CreatedAt: now}); err != nil {
		t.Fatal(err)
	}
	// The candidate's own invitation to their account, e-mailed to them,
	// names the candidate on the delivery only; another's stays.
	for _, cand := range []string{"cand-erased", "cand-kept"} {
		if err := s.InsertDelivery(ctx, domain.Delivery{SourceID: "handoff:candidate_invitation:" + cand, Recipient: domain.RecipientKey("", cand+"@mail.test"),
			Channel: domain.ChannelEmail, Kind: domain.KindCandidateInvitation, CandidateID: cand, Language: "nl", Address: cand + "@mail.test",
			Params: map[string]string{"link": "https://x/join/tok"}, NextAttemptAt: now, CreatedAt: now}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.ForgetSubject(ctx, domain.SubjectCandidate, "cand-erased"); err != nil {
		t.Fatal(err)
	}
	for user, want := range map[string]int{"staff-1": 1, "emp-1": 0} {
		items, _, err := s.ListItems(ctx, user, false, mongox.PageRequest{})
		n, _ := s.CountUnread(ctx, user)
		if err != nil || len(items) != want || n != want {
			t.Errorf("%s's inbox lists %d items, %d unread (%v), want %d", user, len(items), n, err, want)
		}
	}
	for _, coll := range []string{"inbox", "deliveries"} {
		cur, err := map[string]*mongo.Collection{"inbox": s.inbox, "deliveries": s.deliveries}[coll].Find(ctx, bson.D{})
		if err != nil {
			t.Fatal(err)
		}
		var docs []bson.Raw
		if err := cur.All(ctx, &docs); err != nil {
			t.Fatal(err)
		}
		kept := 0
		for _, d := range docs {
			if strings.Contains(d.String(), "cand-erased") || strings.Contains(d.String(), "intro-1") {
				t.Errorf("%s still holds the erased candidate: %s", coll, d)
			}
			if strings.Contains(d.String(), "cand-kept") {
				kept++
			}
		}
		want := map[string]int{"inbox": 1, "deliveries": 2}[coll]
		if kept != want {
			t.Errorf("%s holds %d documents about the other candidate, want %d", coll, kept, want)
		}
	}
}
