package feed_test

import (
	"context"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners/ownerstest"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

// TestRedisLossStartsAReconciliation: when Redis comes back empty, the
// events it held before are gone, so the feed compares the index with the
// owners at once instead of at its next scheduled reconciliation (an hour
// away here): a consent withdrawn while its event was lost leaves the
// index within seconds.
func TestRedisLossStartsAReconciliation(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(6, 2)
	in := h.start(t, "a", time.Hour)
	in.waitReady(t)
	withdrawn := ownerstest.NewCandidate(cid(3), 3)
	withdrawn.Version, withdrawn.Consent.Matching = 2, false
	h.fake.PutCandidate(withdrawn) // no event: it was lost with Redis
	if _, ok := in.index.Candidate(cid(3)); !ok {
		t.Fatal("the candidate is not in the index before the loss")
	}

	// Redis is lost once every consumer has read from its group (an event
	// on each stream, handled by every group): a group no consumer has read
	// from yet is created, not created again.
	h.publish(t, h.candidates, feed.EventCandidateChanged, cid(0), 1)
	h.publish(t, h.roles, feed.EventRoleChanged, rid(0), 1)
	eventually(t, "every group has read both events", func() bool { return h.caughtUp(t) })
	h.rdb.Del(context.Background(), h.candidates, h.roles)
	eventually(t, "the withdrawn candidate leaves the index", func() bool {
		_, ok := in.index.Candidate(cid(3))
		return !ok
	})
	eventually(t, "the reconciliation is reported", func() bool {
		_, ok := in.feed.LastReconciliation()
		return ok
	})
}
