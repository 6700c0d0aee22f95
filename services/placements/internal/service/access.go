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
// their organisation's candidates', a candidate their own, platform
// admins everyone's.
func scopeOf(p auth.Principal) (domain.Scope, error) {
	switch {
	case p.IsAdmin():
		return domain.Scope{}, nil
	case p.IsCandidate():
		return domain.Scope{CandidateID: p.CandidateID}, nil
	case isEmployer(p):
		return domain.Scope{EmployerOrgID: p.OrgID}, nil
	case isStaff(p):
		return domain.Scope{CandidateOrgID: p.OrgID}, nil
	}
	return domain.Scope{}, fmt.Errorf("introductions and placements are for employers, programme staff and administrators: %w", errs.Forbidden)
}

// sideOf returns which side of an object p speaks for, or "" for none. A
// candidate speaks for no side: partyOf tells them apart.
func sideOf(p auth.Principal, employerOrg, candidateOrg string) string {
	switch {
	case isEmployer(p) && p.OrgID == employerOrg:
		return domain.SideEmployer
	case isStaff(p) && p.OrgID == candidateOrg:
		return domain.SideProgramme
	}
	return ""
}

// partyOf returns who p is on an introduction: one of its two sides, the
// candidate themself (domain.SideCandidate), or "" for nobody.
func partyOf(p auth.Principal, in domain.Introduction) string {
	if p.IsCandidateSelf(in.CandidateID) {
		return domain.SideCandidate
	}
	return sideOf(p, in.EmployerOrgID, in.CandidateOrgID)
}

// canSee reports whether p may read an object of these organisations.
// Candidates read only their introductions (partyOf), nothing else.
func canSee(p auth.Principal, employerOrg, candidateOrg string) bool {
	return p.IsAdmin() || sideOf(p, employerOrg, candidateOrg) != ""
}

// refuseCandidate keeps candidates out of what is staff's and employers'
// work (placements and their follow-ups): a candidate hears errs.Forbidden
// about their own object and errs.NotFound about anyone else's, so their
// token never tells that another's exists. Everyone else passes.
func refuseCandidate(p auth.Principal, what, id, candidateID string) error {
	switch {
	case !p.IsCandidate():
		return nil
	case p.IsCandidateSelf(candidateID):
		return fmt.Errorf("%s are your staff's and the employer's to record: %w", what, errs.Forbidden)
	}
	return notFound(what, id)
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
