package domain

import "time"

// PasswordResetTTL is how long a password-reset link works.
const PasswordResetTTL = 30 * time.Minute

// PasswordReset is a one-time permission to choose a new password for an
// account. Only the SHA-256 of its token is stored; the token itself
// travels once, in the e-mail to the account's owner.
type PasswordReset struct {
	ID        string
	TokenHash string
	UserID    string
	CreatedAt time.Time
	ExpiresAt time.Time
	UsedAt    *time.Time
}

// Usable reports whether the reset may still be confirmed at now.
func (r PasswordReset) Usable(now time.Time) bool {
	return r.UsedAt == nil && now.Before(r.ExpiresAt)
}
