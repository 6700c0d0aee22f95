package domain

import (
	"net/mail"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Role is what a user may do.
type Role string

// Roles.
const (
	// RoleAdmin administers the platform and belongs to no organisation.
	RoleAdmin Role = "admin"
	// RoleOrgAdmin manages one organisation and invites its members.
	RoleOrgAdmin Role = "org_admin"
	// RoleMember works within one organisation.
	RoleMember Role = "member"
)

// User is an account that signs in. Email and Name are personal data: they
// never go into logs, events or tokens.
type User struct {
	ID           string
	Email        string
	Name         string
	PasswordHash string
	OrgID        string
	Role         Role
	// Language is what the user reads Onward and its e-mails in.
	Language  Language
	CreatedAt time.Time
	// DeactivatedAt is set while an administrator has switched the account
	// off: it cannot sign in and its sessions cannot be refreshed.
	DeactivatedAt *time.Time
}

// Active reports whether the account may sign in.
func (u User) Active() bool { return u.DeactivatedAt == nil }

// NormaliseEmail trims and lower-cases an address and checks its form, so
// "Ana@Cafe.be " and "ana@cafe.be" are one account.
func NormaliseEmail(field, email string) (string, error) {
	email = strings.ToLower(strings.TrimSpace(email))
	addr, err := mail.ParseAddress(email)
	if err != nil || addr.Address != email || len(email) > 254 {
		return "", errs.Invalid(field, "must be an e-mail address")
	}
	return email, nil
}

// CheckName accepts a display name of 1 to 100 characters.
func CheckName(field, name string) (string, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 100 {
		return "", errs.Invalid(field, "must be between 1 and 100 characters")
	}
	return name, nil
}

// InvitableRole reports whether an invitation may grant role r.
func InvitableRole(r Role) bool { return r == RoleOrgAdmin || r == RoleMember }
