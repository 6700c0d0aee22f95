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
)

func audienceOf(p auth.Principal) audience {
	switch {
	case p.IsService():
		return nobody
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

func requireSomeone(p auth.Principal) (audience, error) {
	a := audienceOf(p)
	if a == nobody {
		return a, fmt.Errorf("only employers, programme staff and administrators may see employers and roles: %w", errs.Forbidden)
	}
	return a, nil
}
