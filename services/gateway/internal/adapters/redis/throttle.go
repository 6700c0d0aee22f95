// Package redis holds the gateway's Redis adapters: the sign-in throttle,
// whose counters live in Redis so that limits hold across replicas.
package redis

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// Throttle is a fixed-window counter per key.
type Throttle struct {
	rdb    *redis.Client
	prefix string
}

// NewThrottle returns a throttle whose keys start with prefix.
func NewThrottle(rdb *redis.Client, prefix string) *Throttle {
	return &Throttle{rdb: rdb, prefix: prefix}
}

// hitScript increments a counter and starts its window on the first hit,
// in one round trip and atomically, so concurrent replicas never leave a
// counter without an expiry.
var hitScript = redis.NewScript(`
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}
`)

// Hit counts one event and reports whether the count is within limit.
func (t *Throttle) Hit(ctx context.Context, key string, limit int, window time.Duration) (bool, time.Duration, error) {
	res, err := hitScript.Run(ctx, t.rdb, []string{t.prefix + key}, window.Milliseconds()).Int64Slice()
	if err != nil {
		return false, 0, fmt.Errorf("throttle hit: %w", err)
	}
	return res[0] <= int64(limit), time.Duration(res[1]) * time.Millisecond, nil
}

// Peek reports whether key is still under limit without counting.
func (t *Throttle) Peek(ctx context.Context, key string, limit int) (bool, time.Duration, error) {
	n, err := t.rdb.Get(ctx, t.prefix+key).Int64()
	if errors.Is(err, redis.Nil) {
		return true, 0, nil
	}
	if err != nil {
		return false, 0, fmt.Errorf("throttle peek: %w", err)
	}
	if n < int64(limit) {
		return true, 0, nil
	}
	ttl, err := t.rdb.PTTL(ctx, t.prefix+key).Result()
	if err != nil {
		return false, 0, fmt.Errorf("throttle ttl: %w", err)
	}
	return false, ttl, nil
}

// Reset forgets a key, after a successful sign-in.
func (t *Throttle) Reset(ctx context.Context, key string) error {
	if err := t.rdb.Del(ctx, t.prefix+key).Err(); err != nil {
		return fmt.Errorf("throttle reset: %w", err)
	}
	return nil
}
