package service

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// isEmployer reports a member of an employer organisation.
func isEmployer(p auth.Principal) bool {
	return !p.IsService() && p.OrgID != "" && p.OrgKind == auth.OrgKindEmployer
}

// isStaff reports programme staff.
func isStaff(p auth.Principal) bool {
	return !p.IsService() && p.OrgID != "" && p.OrgKind == auth.OrgKindProgramme
}

// scopeOf is whose objects a person may list: an employer its own, staff
// their organisation's candidates', platform admins everyone's.
func scopeOf(p auth.Principal) (domain.Scope, error) {
	switch {
	case p.IsAdmin():
		return domain.Scope{}, nil
	case isEmployer(p):
		return domain.Scope{EmployerOrgID: p.OrgID}, nil
	case isStaff(p):
		return domain.Scope{CandidateOrgID: p.OrgID}, nil
	}
	return domain.Scope{}, fmt.Errorf("introductions and placements are for employers, programme staff and administrators: %w", errs.Forbidden)
}

// sideOf returns which side of an object p speaks for, or "" for none.
func sideOf(p auth.Principal, employerOrg, candidateOrg string) string {
	switch {
	case isEmployer(p) && p.OrgID == employerOrg:
		return domain.SideEmployer
	case isStaff(p) && p.OrgID == candidateOrg:
		return domain.SideProgramme
	}
	return ""
}

// canSee reports whether p may read an object of these organisations.
func canSee(p auth.Principal, employerOrg, candidateOrg string) bool {
	return p.IsAdmin() || sideOf(p, employerOrg, candidateOrg) != ""
}

// requirePerson refuses service tokens on the public API.
func requirePerson(p auth.Principal) error {
	if p.IsService() || p.Subject == "" {
		return fmt.Errorf("the public API is for people: %w", errs.Forbidden)
	}
	return nil
}

// requireService admits service tokens only.
func requireService(p auth.Principal) error {
	if !p.IsService() {
		return fmt.Errorf("internal operations are for services: %w", errs.Forbidden)
	}
	return nil
}

// notFound hides an object from someone not allowed to know it exists.
func notFound(what, id string) error { return fmt.Errorf("%s %s: %w", what, id, errs.NotFound) }

// RefNotFound is the answer to a candidate reference not on the role's
// current shortlist: a 404 that names the field.
type RefNotFound struct{}

// Error names the field.
func (RefNotFound) Error() string {
	return "candidate_ref: the candidate is not on this role's current shortlist"
}

// Is makes it a NotFound.
func (RefNotFound) Is(target error) bool { return target == errs.NotFound }
