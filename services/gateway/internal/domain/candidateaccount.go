package domain

import (
	"regexp"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// RoleCandidate is the role of a candidate's own account: it acts as one
// candidate record and belongs to no organisation.
const RoleCandidate Role = "candidate"

// CandidateAccount is a candidate's own account, bound to exactly one
// candidate record. A candidate inside often has no e-mail address, so it
// signs in with a user name it chose. Username is personal data: it never
// goes into logs, events or tokens.
type CandidateAccount struct {
	ID          string
	Username    string
	CandidateID string
	// OrgID is the programme organisation that held the candidate when the
	// account was made; its staff manage the account.
	OrgID        string
	PasswordHash string
	Language     Language
	CreatedAt    time.Time
}

// CandidateInvitation lets one candidate make their own account, or set a
// new password on it. Only a hash of its one-time token is stored.
type CandidateInvitation struct {
	ID          string
	TokenHash   string
	CandidateID string
	OrgID       string
	InvitedBy   string
	CreatedAt   time.Time
	ExpiresAt   time.Time
	UsedAt      *time.Time
	// RevokedAt is set when a newer invitation replaced this one, or the
	// account was closed.
	RevokedAt *time.Time
}

// Open reports whether the invitation is neither used nor revoked.
func (i CandidateInvitation) Open() bool { return i.UsedAt == nil && i.RevokedAt == nil }

// Usable reports whether the invitation can still be accepted at now.
func (i CandidateInvitation) Usable(now time.Time) bool { return i.Open() && now.Before(i.ExpiresAt) }

// usernamePattern is a user name after lower-casing: 3 to 30 letters,
// digits, dots, dashes and underscores, starting with a letter or digit.
var usernamePattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]{2,29}$`)

// NormaliseUsername trims and lower-cases a user name and checks its form,
// so "Sam.K " and "sam.k" are one account.
func NormaliseUsername(field, username string) (string, error) {
	username = strings.ToLower(strings.TrimSpace(username))
	if !usernamePattern.MatchString(username) {
		return "", errs.Invalid(field, "must be 3 to 30 letters, digits, dots, dashes or underscores, starting with a letter or digit")
	}
	return username, nil
}
