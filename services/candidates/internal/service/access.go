package service

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// staffOrg returns the caller's organisation if the caller is staff of a
// programme organisation. Employers, platform administrators, services
// and candidates may not use the operations that need it: employers see
// pseudonymous cards through matching, administrators have no case work,
// services use the internal API, and a candidate acts only on their own
// record (selfOrStaff).
func staffOrg(p auth.Principal) (string, error) {
	if p.IsService() || p.OrgID == "" || p.OrgKind != auth.OrgKindProgramme ||
		(p.Role != auth.RoleMember && p.Role != auth.RoleOrgAdmin) {
		return "", fmt.Errorf("only a programme organisation's staff may do this: %w", errs.Forbidden)
	}
	return p.OrgID, nil
}

// orgAdminOrg is staffOrg for what only an organisation's administrator may
// do: erase a candidate and read the audit log.
func orgAdminOrg(p auth.Principal) (string, error) {
	org, err := staffOrg(p)
	if err != nil {
		return "", err
	}
	if p.Role != auth.RoleOrgAdmin {
		return "", fmt.Errorf("only the organisation's administrator may do this: %w", errs.Forbidden)
	}
	return org, nil
}

// access says who may do an operation on one candidate record.
type access int

const (
	// staffOnly is programme staff of the candidate's organisation.
	staffOnly access = iota
	// selfOrStaff is those staff or the candidate themself.
	selfOrStaff
	// selfOrOrgAdmin is the organisation's administrator or the candidate
	// themself (the audit trail).
	selfOrOrgAdmin
)

// Acting says who acts on a candidate record: programme staff of Org, or
// the candidate themself (Self, with no organisation).
type Acting struct {
	Org  string
	Self bool
}

// actingOn decides whether p may do an operation open to who on candidate
// candidateID, and as whom. A candidate naming any record but their own
// hears errs.NotFound, whatever the operation, so a token never tells that
// another record exists; on their own record, an operation for staff only
// is errs.Forbidden. Staff still have to own the record: the caller checks
// Org against it once loaded (ownCandidate).
func actingOn(p auth.Principal, who access, candidateID string) (Acting, error) {
	if p.IsCandidate() {
		if !p.IsCandidateSelf(candidateID) {
			return Acting{}, fmt.Errorf("candidate %s: %w", candidateID, errs.NotFound)
		}
		if who == staffOnly {
			return Acting{}, fmt.Errorf("a candidate may not do this on their own record; their programme staff do it: %w", errs.Forbidden)
		}
		return Acting{Self: true}, nil
	}
	var org string
	var err error
	if who == selfOrOrgAdmin {
		org, err = orgAdminOrg(p)
	} else {
		org, err = staffOrg(p)
	}
	return Acting{Org: org}, err
}

// staffFor is actingOn for an operation only staff may do on candidate
// candidateID; it returns their organisation.
func staffFor(p auth.Principal, candidateID string) (string, error) {
	a, err := actingOn(p, staffOnly, candidateID)
	return a.Org, err
}

// owns reports whether the actor may act on c once loaded: the candidate
// themself (actingOn checked the id), or staff of c's organisation.
func (a Acting) owns(c domain.Candidate) bool { return a.Self || c.OrgID == a.Org }

// refuseEarly refuses, before anything is looked up, a caller who may do
// an operation open to who on no record at all. A candidate is judged by
// actingOn once the record an attestation or grant belongs to is known,
// so that another's answers errs.NotFound, not errs.Forbidden.
func refuseEarly(p auth.Principal, who access) error {
	if p.IsCandidate() {
		return nil
	}
	_, err := actingOn(p, who, "")
	return err
}

// requireService admits other Onward services, for the internal API.
func requireService(p auth.Principal) error {
	if !p.IsService() {
		return fmt.Errorf("the internal API is for Onward services: %w", errs.Forbidden)
	}
	return nil
}
