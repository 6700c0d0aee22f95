package domain

import "time"

// Default session lifetimes; the gateway's settings SESSION_IDLE_TIMEOUT
// and SESSION_MAX_LIFETIME override them.
const (
	// DefaultSessionIdle is how long one refresh token stays valid if it
	// is not used: a session left alone this long ends.
	DefaultSessionIdle = 12 * time.Hour
	// DefaultSessionMax is how long a session lasts in all, however often
	// it is refreshed; then its owner signs in again.
	DefaultSessionMax = 30 * 24 * time.Hour
)

// RefreshToken is one link in a rotation family. The client holds an opaque
// random token; we store only its SHA-256 hash. Each use rotates it: the
// token is marked used and a new one in the same family is issued. Seeing a
// used token again means it was stolen, and the whole family is revoked.
//
// A family is one session (one sign-in): its id is the sid claim of every
// access token issued in it, and SessionStartedAt, the sign-in, bounds its
// total lifetime.
type RefreshToken struct {
	Hash             string
	FamilyID         string
	UserID           string
	CreatedAt        time.Time
	ExpiresAt        time.Time
	SessionStartedAt time.Time
	UsedAt           *time.Time
	RevokedAt        *time.Time
}
