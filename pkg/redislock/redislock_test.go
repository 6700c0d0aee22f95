package redislock_test

import (
	"context"
	"errors"
	"os"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/redislock"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestMain starts a three-master Redis Cluster, so each test runs on one
// node and on a cluster.
func TestMain(m *testing.M) { os.Exit(testkit.RunWithRedisCluster(m)) }

func newLocks(t *testing.T, rdb redis.UniversalClient, ttl, wait time.Duration) redislock.Locks {
	return redislock.Locks{Redis: rdb, Prefix: testkit.UniqueName(t, "lock") + ":", TTL: ttl, Wait: wait}
}

func TestBusyLockIsRefusedWithConflictUntilReleased(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		locks := newLocks(t, rdb, 10*time.Second, 50*time.Millisecond)
		ctx := context.Background()
		unlock, err := locks.Lock(ctx, "role/r1")
		if err != nil {
			t.Fatalf("first Lock: %v", err)
		}
		if _, err := locks.Lock(ctx, "role/r1"); !errors.Is(err, errs.Conflict) {
			t.Fatalf("second Lock while held = %v, want errs.Conflict", err)
		}
		other, err := locks.Lock(ctx, "role/r2")
		if err != nil {
			t.Fatalf("Lock of another document while r1 is held: %v", err)
		}
		other()
		unlock()
		again, err := locks.Lock(ctx, "role/r1")
		if err != nil {
			t.Fatalf("Lock after release: %v", err)
		}
		again()
	})
}

// TestContendedLockAdmitsOneHolderAtATime has many writers take one lock
// repeatedly and counts how many hold it at once, which must never exceed
// one.
func TestContendedLockAdmitsOneHolderAtATime(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		locks := newLocks(t, rdb, 10*time.Second, 10*time.Second)
		const writers, rounds = 8, 10
		var holders, most, taken atomic.Int32
		var wg sync.WaitGroup
		errc := make(chan error, writers*rounds)
		for range writers {
			wg.Go(func() {
				for range rounds {
					unlock, err := locks.Lock(context.Background(), "candidate/c1")
					if err != nil {
						errc <- err
						return
					}
					n := holders.Add(1)
					for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
					}
					time.Sleep(200 * time.Microsecond)
					holders.Add(-1)
					taken.Add(1)
					unlock()
				}
			})
		}
		wg.Wait()
		close(errc)
		for err := range errc {
			t.Fatalf("Lock: %v", err)
		}
		if taken.Load() != writers*rounds || most.Load() != 1 {
			t.Fatalf("lock taken %d times, at most %d holders at once; want %d and 1",
				taken.Load(), most.Load(), writers*rounds)
		}
	})
}

// TestExpiredHolderDoesNotReleaseTheNextOne lets a lock expire, gives it to
// a second holder, and checks that the first holder's late release leaves
// the second holder's lock in place.
func TestExpiredHolderDoesNotReleaseTheNextOne(t *testing.T) {
	t.Parallel()
	testkit.ForEachRedis(t, func(t *testing.T, rdb redis.UniversalClient) {
		locks := newLocks(t, rdb, 100*time.Millisecond, 2*time.Second)
		ctx := context.Background()
		lateUnlock, err := locks.Lock(ctx, "placement/p1")
		if err != nil {
			t.Fatalf("first Lock: %v", err)
		}
		unlock, err := locks.Lock(ctx, "placement/p1") // Waits for the expiry.
		if err != nil {
			t.Fatalf("Lock after expiry: %v", err)
		}
		defer unlock()
		lateUnlock()
		if n, err := rdb.Exists(ctx, locks.Key("placement/p1")).Result(); err != nil || n != 1 {
			t.Fatalf("second holder's lock exists = %d (%v) after the first holder's late release", n, err)
		}
	})
}

// TestLockKeyHashesByTheLockedName checks on the cluster that the lock key's
// slot is chosen by the locked name alone, whatever the prefix.
func TestLockKeyHashesByTheLockedName(t *testing.T) {
	t.Parallel()
	rdb := testkit.SharedRedisCluster(t).Client(t)
	ctx := context.Background()
	for _, prefix := range []string{"onward:employers:lock:", "gateway:lock:"} {
		locks := redislock.Locks{Prefix: prefix}
		got, err := rdb.ClusterKeySlot(ctx, locks.Key("role/r1")).Result()
		if err != nil {
			t.Fatalf("CLUSTER KEYSLOT: %v", err)
		}
		if want, _ := rdb.ClusterKeySlot(ctx, "role/r1").Result(); got != want {
			t.Errorf("%s hashes to slot %d, the locked name to %d", locks.Key("role/r1"), got, want)
		}
	}
}
