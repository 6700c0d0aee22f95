// Package redis holds the gateway's Redis adapters: the sign-in, sign-up
// and invitation throttles, whose counters live in Redis so that limits
// hold across replicas.
package redis

import (
	"context"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// Throttle keeps fixed-window counters and back-off gates per key. Every
// decision is one Lua script, so it is atomic across concurrent requests
// and replicas: a count is taken before the work it guards, never after.
type Throttle struct {
	rdb    redis.UniversalClient
	prefix string
}

// NewThrottle returns a throttle whose keys start with prefix.
func NewThrottle(rdb redis.UniversalClient, prefix string) *Throttle {
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

// refundScript takes back one hit of a live counter. A counter whose
// window ended meanwhile is left alone, so no counter is ever created
// without an expiry or driven below zero.
var refundScript = redis.NewScript(`
local n = tonumber(redis.call('GET', KEYS[1]) or '0')
if n > 0 then redis.call('DECR', KEYS[1]) end
return 0
`)

// Refund takes back one hit, for an event that should not have counted
// (a successful sign-in against the per-address limit).
func (t *Throttle) Refund(ctx context.Context, key string) error {
	if err := refundScript.Run(ctx, t.rdb, []string{t.prefix + key}).Err(); err != nil {
		return fmt.Errorf("throttle refund: %w", err)
	}
	return nil
}

// backoffScript admits an attempt unless the key's next allowed time is
// still ahead of now (the caller's clock, in milliseconds). An admitted
// attempt is counted at once; from the free-th on, each pushes the next
// allowed time out by base·2^(n−free), capped. Refused attempts change
// nothing, so hammering a key does not lengthen its wait. The key is
// forgotten idle after its wait ends.
var backoffScript = redis.NewScript(`
local now = tonumber(ARGV[5])
local n = tonumber(redis.call('HGET', KEYS[1], 'n') or '0')
local nxt = tonumber(redis.call('HGET', KEYS[1], 'next') or '0')
if now < nxt then return {0, nxt - now} end
local free, base, cap, idle = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
n = n + 1
local wait = 0
if n >= free then
  wait = cap
  if n - free < 40 then wait = math.min(cap, base * 2 ^ (n - free)) end
end
redis.call('HSET', KEYS[1], 'n', n, 'next', string.format('%d', now + wait))
redis.call('PEXPIRE', KEYS[1], string.format('%d', wait + idle))
return {1, 0}
`)

// Backoff admits one attempt under key at now by policy, or says how long
// to wait. Replicas' clocks are assumed to agree to well under p.Base.
func (t *Throttle) Backoff(ctx context.Context, key string, now time.Time, p service.BackoffPolicy) (bool, time.Duration, error) {
	res, err := backoffScript.Run(ctx, t.rdb, []string{t.prefix + key},
		p.Free, p.Base.Milliseconds(), p.Max.Milliseconds(), p.Idle.Milliseconds(), now.UnixMilli()).Int64Slice()
	if err != nil {
		return false, 0, fmt.Errorf("throttle backoff: %w", err)
	}
	return res[0] == 1, time.Duration(res[1]) * time.Millisecond, nil
}

// Reset forgets a key, after a successful sign-in.
func (t *Throttle) Reset(ctx context.Context, key string) error {
	if err := t.rdb.Del(ctx, t.prefix+key).Err(); err != nil {
		return fmt.Errorf("throttle reset: %w", err)
	}
	return nil
}
