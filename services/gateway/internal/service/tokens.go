package service

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"

	"github.com/google/uuid"
)

// newOpaqueToken returns 32 random bytes, base64url-encoded, for refresh
// tokens and invitation links.
func newOpaqueToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// hashToken is how opaque tokens are stored and looked up: a leaked
// database does not hand out usable tokens.
func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// newID returns a time-ordered UUIDv7, so ids sort by creation and keyset
// pagination by _id lists oldest first.
func newID() string { return uuid.Must(uuid.NewV7()).String() }
