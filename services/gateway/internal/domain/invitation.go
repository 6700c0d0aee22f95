package domain

import "time"

// InvitationTTL is how long an invitation link stays valid.
const InvitationTTL = 7 * 24 * time.Hour

// Invitation lets one person join an organisation with a role. Only a hash
// of its one-time token is stored.
type Invitation struct {
	TokenHash  string
	OrgID      string
	Email      string
	Role       Role
	InvitedBy  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt *time.Time
}

// Usable reports whether the invitation can still be accepted at now.
func (i Invitation) Usable(now time.Time) bool {
	return i.AcceptedAt == nil && now.Before(i.ExpiresAt)
}
