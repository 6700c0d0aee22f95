// Package redislock holds short-lived per-document write locks in Redis.
//
// FerretDB v1 applies an update by reading the document, changing it and
// writing it back whole, so two concurrent UpdateOne calls with the same
// {_id, version} filter can both match, and an update racing a $pull can
// undo it. MongoDB does not need the lock; FerretDB does, and the service
// must run on both, so every write to an existing role or profile holds it.
package redislock

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Locks hands out locks. TTL bounds how long a crashed holder blocks a
// document; Wait is how long Lock waits for a busy document before giving
// up with errs.Conflict.
type Locks struct {
	Redis  redis.UniversalClient
	Prefix string
	TTL    time.Duration
	Wait   time.Duration
}

// unlock deletes the key only if it still holds our token, so a holder whose
// lock expired never frees someone else's.
var unlock = redis.NewScript(`if redis.call("GET", KEYS[1]) == ARGV[1] then return redis.call("DEL", KEYS[1]) end return 0`)

// Key returns the Redis key of the lock named key: Prefix, then the name
// as a Redis Cluster hash tag ("onward:employers:lock:{role-cap/e1}"), so
// the lock hashes by the thing it guards, and a companion key a caller
// builds on the same tag lands on the same node for a script or MULTI.
func (l Locks) Key(key string) string { return l.Prefix + "{" + key + "}" }

// Lock takes the lock named key and returns the function that releases it.
func (l Locks) Lock(ctx context.Context, key string) (func(), error) {
	k, token := l.Key(key), uuid.NewString()
	deadline := time.Now().Add(l.Wait)
	for {
		ok, err := l.Redis.SetNX(ctx, k, token, l.TTL).Result()
		if err != nil {
			return nil, fmt.Errorf("lock %s: %v: %w", key, err, errs.Unavailable)
		}
		if ok {
			return func() { unlock.Run(context.WithoutCancel(ctx), l.Redis, []string{k}, token) }, nil
		}
		if time.Now().After(deadline) {
			return nil, fmt.Errorf("%s is being changed by another request; try again: %w", key, errs.Conflict)
		}
		select {
		case <-ctx.Done():
			return nil, ctx.Err()
		case <-time.After(5 * time.Millisecond):
		}
	}
}
