package mongo

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// BenchmarkCreateIntroduction measures storing one request to meet: the
// role's lock, the open slot, the count and the insert with its event.
func BenchmarkCreateIntroduction(b *testing.B) {
	ctx := context.Background()
	locks := redislock.Locks{Redis: testkit.Redis(b), Prefix: testkit.UniqueName(b, "lock") + ":", TTL: 10 * time.Second, Wait: 5 * time.Second}
	s, err := NewStore(ctx, testkit.MongoDB(b), locks)
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for i := range b.N {
		in := intro(fmt.Sprint("role-", i%50), fmt.Sprint("cand-", i))
		e := event(b, "introduction.requested", in.ID, 1)
		if err := s.CreateIntroduction(ctx, in, b.N, e); err != nil {
			b.Fatal(err)
		}
	}
}
