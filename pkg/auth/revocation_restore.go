package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/redis/go-redis/v9"
)

// ErrRevocationsNotRestored is Revoked's answer while Redis lacks the
// marker that says the gateway has written every durable revocation back:
// Redis has just started empty, and a revoked token must not pass for a
// valid one meanwhile. A verifier refuses the token as errs.Unavailable.
var ErrRevocationsNotRestored = errors.New("auth: revocation list not restored in Redis yet")

// RevocationKind says what a revocation names; it is also the segment of
// the Redis key after the prefix.
type RevocationKind string

// The two kinds of revocation.
const (
	// SessionRevocation names a session (the sid claim).
	SessionRevocation RevocationKind = "sid"
	// UserRevocation names a user (the sub claim).
	UserRevocation RevocationKind = "user"
)

// Revocation is one revoked session or user, as a RevocationStore keeps
// it: identifiers and an expiry, nothing personal.
type Revocation struct {
	Kind      RevocationKind
	ID        string
	ExpiresAt time.Time
}

// RevocationStore keeps revocations where a Redis restart cannot lose
// them: the gateway's own database, the platform's source of truth.
type RevocationStore interface {
	// SaveRevocations records revocations, replacing any earlier one of
	// the same kind and id.
	SaveRevocations(ctx context.Context, revocations []Revocation) error
	// DeleteRevocation forgets one revocation; forgetting an absent one
	// is no error.
	DeleteRevocation(ctx context.Context, kind RevocationKind, id string) error
	// ActiveRevocations returns every revocation expiring after now.
	ActiveRevocations(ctx context.Context, now time.Time) ([]Revocation, error)
}

// markerKey is the key whose presence says the list in Redis is whole.
func markerKey(prefix string) string { return prefix + "restored" }

// MarkRevocationsRestored sets the marker that lets lists with prefix
// (DefaultRevocationPrefix when empty) answer Revoked. The gateway sets it
// through RestoreIfLost; tests and tools that run a verifier without a
// gateway call this instead.
func MarkRevocationsRestored(ctx context.Context, rdb redis.UniversalClient, prefix string) error {
	if prefix == "" {
		prefix = DefaultRevocationPrefix
	}
	if err := rdb.Set(ctx, markerKey(prefix), 1, 0).Err(); err != nil {
		return fmt.Errorf("mark revocations restored: %w", err)
	}
	return nil
}

// RestoreIfLost checks the marker and, when it is missing (the first start,
// or Redis came back empty), writes every unexpired revocation from the
// Store back into Redis with the time it has left, then sets the marker.
// It reports how many it wrote and whether the marker was missing.
//
// The marker is written only after every key was, in the next round trip
// (one MULTI/EXEC cannot hold them: in a Redis Cluster they live in
// different slots), so a failure midway leaves the marker missing and the
// next call restores again; only a Redis that restarts empty within that
// one round trip could hold the marker without the keys. Keys are
// set only if absent: one present was written since Redis came back, by a
// writer (with a full lifetime) or another replica restoring the same
// list, so several gateways may restore at once.
func (l *RevocationList) RestoreIfLost(ctx context.Context) (restored int, lost bool, err error) {
	if l.store == nil {
		return 0, false, errors.New("auth: restoring revocations needs a store")
	}
	marked, err := l.rdb.Exists(ctx, markerKey(l.prefix)).Result()
	if err != nil {
		return 0, false, fmt.Errorf("read revocation marker: %w", err)
	}
	if marked > 0 {
		return 0, false, nil
	}
	entries, err := l.store.ActiveRevocations(ctx, time.Now())
	if err != nil {
		return 0, true, fmt.Errorf("read durable revocations: %w", err)
	}
	_, err = l.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, e := range entries {
			if left := time.Until(e.ExpiresAt); left >= time.Millisecond {
				p.SetNX(ctx, l.key(e.Kind, e.ID), 1, left)
				restored++
			}
		}
		return nil
	})
	if err == nil {
		err = l.rdb.Set(ctx, markerKey(l.prefix), 1, 0).Err()
	}
	if err != nil {
		return 0, true, fmt.Errorf("restore revocations: %w", err)
	}
	l.forget()
	return restored, true, nil
}
