package auth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/redis/go-redis/v9"
)

// Defaults for RevocationListConfig.
const (
	// DefaultRevocationPrefix starts every revocation key. The gateway and
	// every service must use the same one (REVOCATION_KEY_PREFIX).
	DefaultRevocationPrefix = "onward:revoked:"
	// DefaultRevocationCache is how long a verifier trusts its last answer
	// for one session and user: the longest a revocation takes to reach a
	// service that has just seen the token.
	DefaultRevocationCache = 2 * time.Second
	// maxRevocationCacheEntries bounds the cache's memory; when it is
	// full it starts afresh, which costs one Redis read per token.
	maxRevocationCacheEntries = 10000
)

// RevocationChecker tells a Verifier whether the session (the sid claim)
// or the user (the sub claim) of a token has been revoked since the token
// was issued.
type RevocationChecker interface {
	Revoked(ctx context.Context, sessionID, userID string) (bool, error)
}

// RevocationListConfig configures a RevocationList.
type RevocationListConfig struct {
	// Redis is shared by the gateway, which writes, and every service,
	// which reads.
	Redis redis.UniversalClient
	// Prefix starts every key. Default: DefaultRevocationPrefix.
	Prefix string
	// Lifetime is how long an entry is kept: the access-token lifetime,
	// after which every token issued before the revocation has expired.
	// The verifier's leeway is added to it.
	Lifetime time.Duration
	// CacheFor is how long a verifier reuses an answer. Default:
	// DefaultRevocationCache; at most a few seconds.
	CacheFor time.Duration
	// Store, when set, records every revocation before it is written to
	// Redis, so that RestoreIfLost can write it back after Redis loses it.
	// The gateway, the only writer, sets it; services, which only read,
	// leave it nil.
	Store RevocationStore
}

// RevocationList is the platform's list of revoked sessions and users, in
// Redis so that one write by the gateway reaches every service. A revoked
// session is the key <prefix>sid:<session id>, a revoked user the key
// <prefix>user:<user id>; both expire once every access token they could
// name has expired. Keys hold identifiers only, never personal data. It is
// safe for concurrent use.
//
// Redis may restart empty, so the list is trusted only while the marker
// key <prefix>restored exists: the gateway sets it once it has written
// back every revocation from its Store (RestoreIfLost), and until then
// Revoked answers ErrRevocationsNotRestored rather than "not revoked".
type RevocationList struct {
	rdb      redis.UniversalClient
	prefix   string
	keep     time.Duration
	cacheFor time.Duration
	store    RevocationStore

	mu    sync.Mutex
	cache map[[2]string]cachedRevocation
}

type cachedRevocation struct {
	revoked bool
	until   time.Time
}

// NewRevocationList returns the list described by cfg.
func NewRevocationList(cfg RevocationListConfig) (*RevocationList, error) {
	if cfg.Redis == nil {
		return nil, errors.New("auth: revocation list needs a Redis client")
	}
	if cfg.Lifetime <= 0 {
		return nil, errors.New("auth: revocation list needs the access-token lifetime")
	}
	if cfg.Prefix == "" {
		cfg.Prefix = DefaultRevocationPrefix
	}
	if cfg.CacheFor <= 0 {
		cfg.CacheFor = DefaultRevocationCache
	}
	return &RevocationList{
		rdb: cfg.Redis, prefix: cfg.Prefix, keep: cfg.Lifetime + DefaultLeeway, cacheFor: cfg.CacheFor, store: cfg.Store,
		cache: make(map[[2]string]cachedRevocation),
	}, nil
}

// RevokeSessions refuses, from now on, every access token naming one of
// sessionIDs in its sid claim. With a Store, the revocations are recorded
// there first, so that an acknowledged revocation survives Redis.
func (l *RevocationList) RevokeSessions(ctx context.Context, sessionIDs ...string) error {
	if len(sessionIDs) == 0 {
		return nil
	}
	if err := l.record(ctx, SessionRevocation, sessionIDs...); err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	_, err := l.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for _, id := range sessionIDs {
			p.Set(ctx, l.key(SessionRevocation, id), 1, l.keep)
		}
		return nil
	})
	if err != nil {
		return fmt.Errorf("revoke sessions: %w", err)
	}
	l.forget()
	return nil
}

// RevokeUser refuses every access token of userID until RestoreUser, or
// until every token issued so far has expired.
func (l *RevocationList) RevokeUser(ctx context.Context, userID string) error {
	if err := l.record(ctx, UserRevocation, userID); err != nil {
		return fmt.Errorf("revoke user: %w", err)
	}
	if err := l.rdb.Set(ctx, l.key(UserRevocation, userID), 1, l.keep).Err(); err != nil {
		return fmt.Errorf("revoke user: %w", err)
	}
	l.forget()
	return nil
}

// RestoreUser lets new tokens of userID through again, after a
// reactivation. Tokens of sessions revoked meanwhile stay refused.
func (l *RevocationList) RestoreUser(ctx context.Context, userID string) error {
	if l.store != nil {
		if err := l.store.DeleteRevocation(ctx, UserRevocation, userID); err != nil {
			return fmt.Errorf("restore user: %w", err)
		}
	}
	if err := l.rdb.Del(ctx, l.key(UserRevocation, userID)).Err(); err != nil {
		return fmt.Errorf("restore user: %w", err)
	}
	l.forget()
	return nil
}

// record saves revocations of kind in the Store, if there is one, expiring
// when their Redis keys will.
func (l *RevocationList) record(ctx context.Context, kind RevocationKind, ids ...string) error {
	if l.store == nil {
		return nil
	}
	expires := time.Now().Add(l.keep)
	entries := make([]Revocation, len(ids))
	for i, id := range ids {
		entries[i] = Revocation{Kind: kind, ID: id, ExpiresAt: expires}
	}
	return l.store.SaveRevocations(ctx, entries)
}

// key is the Redis key of one revocation.
func (l *RevocationList) key(kind RevocationKind, id string) string {
	return l.prefix + string(kind) + ":" + id
}

// forget empties the cache after a write, so that the writer (the
// gateway, which verifies tokens too) sees its own revocation at once.
func (l *RevocationList) forget() {
	l.mu.Lock()
	clear(l.cache)
	l.mu.Unlock()
}

// Revoked reports whether sessionID or userID is revoked, answering from a
// cache of at most CacheFor. An empty sessionID checks the user only. It
// reads the marker in the same round trip and answers
// ErrRevocationsNotRestored, never cached, while the marker is missing.
func (l *RevocationList) Revoked(ctx context.Context, sessionID, userID string) (bool, error) {
	key, now := [2]string{sessionID, userID}, time.Now()
	l.mu.Lock()
	c, ok := l.cache[key]
	l.mu.Unlock()
	if ok && now.Before(c.until) {
		return c.revoked, nil
	}
	keys := []string{l.key(UserRevocation, userID)}
	if sessionID != "" {
		keys = append(keys, l.key(SessionRevocation, sessionID))
	}
	// One EXISTS per key: in a Redis Cluster the keys live in different
	// slots, and a multi-key EXISTS across slots is refused (CROSSSLOT).
	found := make([]*redis.IntCmd, len(keys))
	var marked *redis.IntCmd
	_, err := l.rdb.Pipelined(ctx, func(p redis.Pipeliner) error {
		for i, k := range keys {
			found[i] = p.Exists(ctx, k)
		}
		marked = p.Exists(ctx, markerKey(l.prefix))
		return nil
	})
	if err != nil {
		return false, fmt.Errorf("read revocations: %w", err)
	}
	if marked.Val() == 0 {
		return false, ErrRevocationsNotRestored
	}
	revoked := false
	for _, f := range found {
		revoked = revoked || f.Val() > 0
	}
	l.mu.Lock()
	if len(l.cache) >= maxRevocationCacheEntries {
		clear(l.cache)
	}
	l.cache[key] = cachedRevocation{revoked: revoked, until: now.Add(l.cacheFor)}
	l.mu.Unlock()
	return revoked, nil
}
