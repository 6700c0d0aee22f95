package domain

import "time"

// RefreshTTL is how long one refresh token stays valid if it is not used.
const RefreshTTL = 14 * 24 * time.Hour

// RefreshToken is one link in a rotation family. The client holds an opaque
// random token; we store only its SHA-256 hash. Each use rotates it: the
// token is marked used and a new one in the same family is issued. Seeing a
// used token again means it was stolen, and the whole family is revoked.
type RefreshToken struct {
	Hash      string
	FamilyID  string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
	RevokedAt *time.Time
}
