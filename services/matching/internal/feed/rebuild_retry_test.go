package feed_test

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"
)

// busyLists fails its first rebuilds, as a rebuild does while a killed
// instance's locks on some lists have not expired yet.
type busyLists struct {
	failures int32
	calls    atomic.Int32
}

func (l *busyLists) Rebuild(context.Context) error {
	if l.calls.Add(1) <= l.failures {
		return errors.New("lock shortlist: role-1 is being changed by another request; try again")
	}
	return nil
}

func (l *busyLists) Align(context.Context) (int, error) { return 0, nil }

// TestRebuildAfterLoadRetriesUntilItSucceeds: a rebuild of the stored
// lists that fails (a list locked by an instance that was killed) is tried
// again until it succeeds, rather than leaving those lists as they were
// until their next change.
func TestRebuildAfterLoadRetriesUntilItSucceeds(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	h.seed(3, 1)
	lists := &busyLists{failures: 2}
	h.lists = lists
	in := h.start(t, "a", time.Hour)
	in.waitReady(t)
	eventually(t, "the rebuild is tried until it succeeds", func() bool { return lists.calls.Load() == 3 })
	time.Sleep(time.Second)
	if n := lists.calls.Load(); n != 3 {
		t.Errorf("the rebuild ran %d times; want 3 (two failures, then one success)", n)
	}
}
