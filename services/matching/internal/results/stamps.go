package results

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"

	"github.com/redis/go-redis/v9"
)

// Stamps holds, per role, the stamp of the newest write of its stored
// shortlist. A writer records a fresh stamp before it writes the list, so
// from the moment a list can be read from the store, every instance that
// asks is told a stamp no older list carries: a reader's cache holding an
// older list misses and reads the store (ShortlistReader).
type Stamps interface {
	// SetStamp records stamp as the role's newest write.
	SetStamp(ctx context.Context, roleID, stamp string) error
	// Stamp returns the role's newest stamp, "" when none is recorded.
	Stamp(ctx context.Context, roleID string) (string, error)
	// ForgetStamp drops the role's stamp once its list is deleted, so a
	// closed role leaves no key behind.
	ForgetStamp(ctx context.Context, roleID string) error
}

// RedisStamps keeps the stamps in Redis, one string key per role. A key
// lost with Redis only makes readers read the store until the next write.
type RedisStamps struct {
	Redis redis.UniversalClient
	// Prefix starts every key; the role id follows.
	Prefix string
}

// SetStamp implements Stamps.
func (s RedisStamps) SetStamp(ctx context.Context, roleID, stamp string) error {
	if err := s.Redis.Set(ctx, s.Prefix+roleID, stamp, 0).Err(); err != nil {
		return fmt.Errorf("record the shortlist stamp of role %s: %w", roleID, err)
	}
	return nil
}

// Stamp implements Stamps.
func (s RedisStamps) Stamp(ctx context.Context, roleID string) (string, error) {
	v, err := s.Redis.Get(ctx, s.Prefix+roleID).Result()
	switch {
	case errors.Is(err, redis.Nil):
		return "", nil
	case err != nil:
		return "", fmt.Errorf("read the shortlist stamp of role %s: %w", roleID, err)
	}
	return v, nil
}

// ForgetStamp implements Stamps.
func (s RedisStamps) ForgetStamp(ctx context.Context, roleID string) error {
	if err := s.Redis.Del(ctx, s.Prefix+roleID).Err(); err != nil {
		return fmt.Errorf("forget the shortlist stamp of role %s: %w", roleID, err)
	}
	return nil
}

// newStamp returns 128 random bits in hex: stamps are compared for
// equality only, so they need never be ordered and never repeat.
func newStamp() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// beginShortlistWrite records a fresh stamp for the role's next write and
// returns it, "" when Results keeps no stamps. A stamp that cannot be
// recorded fails the write: written unannounced, a list could hide behind
// an older one in other instances' caches.
func (r *Results) beginShortlistWrite(ctx context.Context, roleID string) (string, error) {
	if r.stamps == nil {
		return "", nil
	}
	stamp := newStamp()
	if err := r.stamps.SetStamp(ctx, roleID, stamp); err != nil {
		return "", err
	}
	return stamp, nil
}

// endShortlist drops the stamp of a role whose list was deleted. A stamp
// left behind (Redis failing now) only costs its key: no list carries it.
func (r *Results) endShortlist(ctx context.Context, roleID string) {
	if r.stamps == nil {
		return
	}
	if err := r.stamps.ForgetStamp(ctx, roleID); err != nil {
		r.log.WarnContext(ctx, "matching could not forget a shortlist stamp", "role_id", roleID, "error", err.Error())
	}
}
