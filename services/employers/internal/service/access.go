package service

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Who a caller is to this service.
type audience int

const (
	nobody   audience = iota
	employer          // a member of an employer organisation: its own data only
	reader            // programme staff or an administrator: read open roles and all profiles
	// candidate is a candidate signed in to their own account: an open
	// role and an employer's public profile, each by its id, as the roles
	// their suggestions name lead them there; no listing, nothing else.
	candidate
)

func audienceOf(p auth.Principal) audience {
	switch {
	case p.IsService():
		return nobody
	case p.IsCandidate():
		return candidate
	case p.IsAdmin():
		return reader
	case p.OrgID != "" && p.OrgKind == auth.OrgKindEmployer:
		return employer
	case p.OrgID != "" && p.OrgKind == auth.OrgKindProgramme:
		return reader
	}
	return nobody
}

// requireEmployer returns the caller's organisation if it is an employer.
func requireEmployer(p auth.Principal) (string, error) {
	if audienceOf(p) != employer {
		return "", fmt.Errorf("only an employer's users may do this: %w", errs.Forbidden)
	}
	return p.OrgID, nil
}

// requireSomeone admits employers, programme staff and administrators.
func requireSomeone(p auth.Principal) (audience, error) {
	a := audienceOf(p)
	if a == nobody || a == candidate {
		return a, fmt.Errorf("only employers, programme staff and administrators may see employers and roles: %w", errs.Forbidden)
	}
	return a, nil
}

// requireViewer is requireSomeone for reading one role or one profile by
// its id, which a candidate may do too: an open role, as staff read it,
// and the employer's public profile.
func requireViewer(p auth.Principal) (audience, error) {
	if a := audienceOf(p); a == candidate {
		return a, nil
	}
	return requireSomeone(p)
}
