package domain

import "time"

// InvitationTTL is how long an invitation link stays valid.
const InvitationTTL = 7 * 24 * time.Hour

// Invitation lets one person join an organisation with a role. Only a hash
// of its one-time token is stored.
type Invitation struct {
	// ID names the invitation to the people who manage it; it stays the
	// same when the invitation is re-issued with a new token.
	ID         string
	TokenHash  string
	OrgID      string
	Email      string
	Role       Role
	InvitedBy  string
	CreatedAt  time.Time
	ExpiresAt  time.Time
	AcceptedAt *time.Time
	// RevokedAt is set when an administrator withdrew the invitation, or
	// re-issued it under a new token.
	RevokedAt *time.Time
	// Issue counts the tokens the invitation has had: 1 when created, one
	// more at each re-issue. Invitations stored before it was kept read 0
	// and are taken as their first issue.
	Issue int
}

// IssueNumber is Issue, counting a stored 0 as the first issue.
func (i Invitation) IssueNumber() int { return max(i.Issue, 1) }

// Open reports whether the invitation is neither accepted nor revoked: it
// is listed to its organisation's administrators, who may re-issue or
// revoke it, even once it has expired.
func (i Invitation) Open() bool { return i.AcceptedAt == nil && i.RevokedAt == nil }

// Usable reports whether the invitation can still be accepted at now.
func (i Invitation) Usable(now time.Time) bool {
	return i.Open() && now.Before(i.ExpiresAt)
}
