package feed_test

import (
	"testing"

	"github.com/onward-jobs/onward/services/matching/internal/adapters/owners/ownerstest"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

// TestStatementsFollowTheIndex: the feed keeps an approved statement
// beside the index while the index holds the candidate, from the initial
// load and from events, and forgets it when the statement is withdrawn,
// consent is withdrawn or the candidate is erased.
func TestStatementsFollowTheIndex(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(8, 2)
	said := map[string]string{cid(1): "I roast coffee.", cid(2): "I bake bread.", cid(3): "I fix bikes."}
	for id, text := range said {
		c := ownerstest.NewCandidate(id, 1)
		c.Statement = &text
		h.fake.PutCandidate(c)
	}
	in := h.start(t, "a", -1)
	in.waitReady(t)
	for id, text := range said {
		if got := in.statements.Statement(id); got != text {
			t.Errorf("after the load %s has %q, want %q", id, got, text)
		}
	}
	if got := in.statements.Statement(cid(4)); got != "" {
		t.Errorf("a candidate without a statement has %q", got)
	}

	// Withdrawn (or sent back to review): the view comes without one.
	c1 := ownerstest.NewCandidate(cid(1), 1)
	c1.Version = 2
	h.fake.PutCandidate(c1)
	h.publish(t, h.candidates, feed.EventCandidateChanged, c1.ID, 2)
	// Consent withdrawn: the candidate leaves the index and the statement
	// with it.
	c2 := ownerstest.NewCandidate(cid(2), 1)
	text2 := said[cid(2)]
	c2.Version, c2.Statement, c2.Consent.Matching = 2, &text2, false
	h.fake.PutCandidate(c2)
	h.publish(t, h.candidates, feed.EventConsentChanged, c2.ID, 2)
	h.fake.Erase(cid(3))
	h.publish(t, h.candidates, feed.EventCandidateErased, cid(3), 2)
	// A new approved statement arrives with its event.
	c4 := ownerstest.NewCandidate(cid(4), 1)
	text4 := "I cook for forty."
	c4.Version, c4.Statement = 2, &text4
	h.fake.PutCandidate(c4)
	h.publish(t, h.candidates, feed.EventCandidateChanged, c4.ID, 2)
	eventually(t, "every event is handled", func() bool { return h.caughtUp(t) })
	for id, want := range map[string]string{cid(1): "", cid(2): "", cid(3): "", cid(4): text4} {
		if got := in.statements.Statement(id); got != want {
			t.Errorf("%s has %q, want %q", id, got, want)
		}
	}
	if got, ok := in.index.Candidate(cid(4)); !ok || got.Statement != "" {
		t.Errorf("the index holds candidate %s with statement %q; it must keep none", cid(4), got.Statement)
	}
}
