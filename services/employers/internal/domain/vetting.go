package domain

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
)

// OrgStatus is an employer organisation's vetting status, which the
// gateway owns: a new employer is pending until a platform administrator
// verifies it, and may be suspended later.
type OrgStatus string

// Vetting statuses.
const (
	OrgPending   OrgStatus = "pending"
	OrgVerified  OrgStatus = "verified"
	OrgSuspended OrgStatus = "suspended"
)

// OrgStanding is an organisation's vetting status at a version of it:
// the version counts the status changes, so of two readings the higher
// version is the newer.
type OrgStanding struct {
	Status  OrgStatus
	Version int64
}

// OrgNotVerifiedError refuses to open a role of an employer that is not
// verified: pending (not yet checked) or suspended. It is a Forbidden.
type OrgNotVerifiedError struct {
	Status OrgStatus
}

// Error says why.
func (e *OrgNotVerifiedError) Error() string {
	if e.Status == OrgSuspended {
		return "your organisation is suspended: its roles cannot be opened"
	}
	return "your organisation is waiting for verification by a platform administrator: its roles can be drafted, not opened"
}

// Is makes the error a Forbidden for the error handler.
func (e *OrgNotVerifiedError) Is(target error) bool { return target == errs.Forbidden }

// CheckMayOpenRoles refuses every status but verified. An empty status
// (unknown to the gateway, as an organisation removed since) is refused
// as pending.
func CheckMayOpenRoles(s OrgStatus) error {
	switch s {
	case OrgVerified:
		return nil
	case OrgSuspended:
		return &OrgNotVerifiedError{Status: OrgSuspended}
	case OrgPending, "":
		return &OrgNotVerifiedError{Status: OrgPending}
	}
	return fmt.Errorf("unknown organisation status %q: %w", s, &OrgNotVerifiedError{Status: OrgPending})
}
