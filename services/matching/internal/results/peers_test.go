package results_test

import (
	"context"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestPeersSeeOtherInstances checks that an instance alone is told so, that
// it sees another as soon as that one beats, and once more after the other
// stopped, and then is alone again.
func TestPeersSeeOtherInstances(t *testing.T) {
	t.Parallel()
	rdb := testkit.Redis(t)
	key := testkit.UniqueName(t, "instances")
	every := 200 * time.Millisecond
	a := results.Peers{Redis: rdb, Key: key, Self: "a", Every: every}
	b := results.Peers{Redis: rdb, Key: key, Self: "b", Every: every}
	ctx := context.Background()
	beat := func(p results.Peers, want bool, when string) {
		t.Helper()
		others, err := p.Beat(ctx)
		if err != nil || others != want {
			t.Fatalf("%s: %s sees others = %t, %v; want %t", when, p.Self, others, err, want)
		}
	}
	beat(a, false, "alone")
	beat(a, false, "still alone")
	beat(b, true, "b starts")
	beat(a, true, "after b's first beat")
	time.Sleep(every) // b stopped after one beat
	beat(a, true, "one interval after b's last beat")
	time.Sleep(2 * every)
	beat(a, false, "two intervals later")
}
