package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// GrantDisclosure records the disclosure grant of an accepted
// introduction, for the placements service. It is idempotent by
// introduction: asking again for the same grant answers the stored one
// with created false, so a retry after a failure in between never makes
// a second grant; asking for a different grant for the same introduction
// is an errs.Conflict. A request for a phone number or an e-mail address
// the candidate does not have is a 400 naming "disclose".
func (s *Service) GrantDisclosure(ctx context.Context, p auth.Principal, r domain.DisclosureRequest) (domain.Disclosure, bool, error) {
	if err := requireService(p); err != nil {
		return domain.Disclosure{}, false, err
	}
	if err := r.Validate(); err != nil {
		return domain.Disclosure{}, false, err
	}
	if d, err := s.Disclosures.DisclosureByIntroduction(ctx, r.IntroductionID); err == nil {
		return sameGrant(d, r)
	} else if !errors.Is(err, errs.NotFound) {
		return domain.Disclosure{}, false, err
	}
	c, err := s.Candidates.Candidate(ctx, r.CandidateID)
	if err != nil {
		return domain.Disclosure{}, false, err
	}
	if err := r.CheckAgainst(c.Identity); err != nil {
		return domain.Disclosure{}, false, err
	}
	d := domain.Disclosure{
		ID: uuid.NewString(), IntroductionID: r.IntroductionID, CandidateID: c.ID, CandidateOrgID: c.OrgID,
		EmployerOrgID: r.EmployerOrgID, RoleID: r.RoleID, Fields: r.Fields, Contact: r.Contact,
		ConsentTextVersion: r.ConsentTextVersion, RecordedBy: r.RecordedBy, GrantedAt: s.now(),
		Status: domain.DisclosureActive, Version: 1,
	}
	// The staff member who recorded the answer is the actor, on behalf of
	// the candidate's organisation; or the candidate themself, who answered
	// on their own account.
	recorder := auth.Principal{Subject: r.RecordedBy, OrgID: c.OrgID}
	if r.RecordedByCandidate {
		recorder = auth.Principal{Subject: r.RecordedBy, Role: auth.RoleCandidate, CandidateID: c.ID}
	}
	ch, err := s.disclosureChange(recorder, c, d, domain.ActionDisclose)
	if err != nil {
		return domain.Disclosure{}, false, err
	}
	err = s.Disclosures.InsertDisclosure(ctx, d, ch)
	if errors.Is(err, ErrDisclosureExists) {
		// Another request for the same introduction won the race.
		existing, ferr := s.Disclosures.DisclosureByIntroduction(ctx, r.IntroductionID)
		if ferr != nil {
			return domain.Disclosure{}, false, ferr
		}
		return sameGrant(existing, r)
	}
	if err != nil {
		return domain.Disclosure{}, false, fmt.Errorf("grant disclosure: %w", err)
	}
	s.deliver(ctx, ch)
	return d, true, nil
}

// sameGrant answers a repeated request with the stored grant, or refuses
// a different one for the same introduction.
func sameGrant(d domain.Disclosure, r domain.DisclosureRequest) (domain.Disclosure, bool, error) {
	if !d.Same(r) {
		return domain.Disclosure{}, false, fmt.Errorf("introduction %s has a different disclosure grant already: %w", r.IntroductionID, errs.Conflict)
	}
	return d, false, nil
}

// Disclosed is a grant with what it discloses, read from the candidate's
// record at the moment of the read.
type Disclosed struct {
	Disclosure domain.Disclosure
	Identity   domain.DisclosedIdentity
}

// ReadDisclosure returns what a grant discloses to a member of the
// grant's employer organisation, to the candidate's staff, or to the
// candidate themself. Anyone
// else, and everyone once the grant is withdrawn, gets errs.NotFound, so
// the grant's existence stays hidden. The read is recorded on the
// candidate's audit trail with the reader and the reader's organisation
// before anything is answered: a read that cannot be audited does not
// happen.
func (s *Service) ReadDisclosure(ctx context.Context, p auth.Principal, id string) (Disclosed, error) {
	d, err := s.Disclosures.Disclosure(ctx, id)
	if err != nil {
		return Disclosed{}, err
	}
	why, ok := disclosureReader(p, d)
	if !ok || d.Status != domain.DisclosureActive {
		return Disclosed{}, fmt.Errorf("disclosure %s: %w", id, errs.NotFound)
	}
	c, err := s.Candidates.Candidate(ctx, d.CandidateID)
	if err != nil {
		return Disclosed{}, err
	}
	e := s.entry(p, c, domain.ActionReadDisclosure, why, d.ID)
	e.Fields = d.FieldNames()
	if err := s.Audit.AppendAudit(ctx, e); err != nil {
		return Disclosed{}, fmt.Errorf("record the read of disclosure %s in the audit log: %w", d.ID, err)
	}
	return Disclosed{Disclosure: d, Identity: d.Reveal(c.Identity)}, nil
}

// disclosureReader says whether p may read grant d, and why they read
// it: a member of the employer organisation to contact the candidate, the
// candidate's staff for their case work, the candidate themself to see
// what they disclosed. Another candidate may not.
func disclosureReader(p auth.Principal, d domain.Disclosure) (domain.Purpose, bool) {
	if p.IsCandidate() {
		return domain.PurposeDataSubjectRequest, p.IsCandidateSelf(d.CandidateID)
	}
	if p.IsService() || p.OrgID == "" || !p.HasRole(auth.RoleMember, auth.RoleOrgAdmin) {
		return "", false
	}
	switch {
	case p.OrgKind == auth.OrgKindEmployer && p.OrgID == d.EmployerOrgID:
		return domain.PurposeIntroduction, true
	case p.OrgKind == auth.OrgKindProgramme && p.OrgID == d.CandidateOrgID:
		return domain.PurposeCaseWork, true
	}
	return "", false
}

// WithdrawDisclosure records that the candidate withdrew a grant; from
// then on it answers 404 to everyone. The candidate's staff may record it,
// or the candidate withdraws it themself; anyone else gets errs.NotFound.
// Withdrawing a withdrawn grant changes nothing and answers it as it is.
func (s *Service) WithdrawDisclosure(ctx context.Context, p auth.Principal, id string) (domain.Disclosure, error) {
	if err := refuseEarly(p, selfOrStaff); err != nil {
		return domain.Disclosure{}, err
	}
	d, err := s.Disclosures.Disclosure(ctx, id)
	if err != nil {
		return domain.Disclosure{}, err
	}
	acting, err := actingOn(p, selfOrStaff, d.CandidateID)
	if err != nil {
		return domain.Disclosure{}, fmt.Errorf("disclosure %s: %w", id, err)
	}
	if !acting.Self && d.CandidateOrgID != acting.Org {
		return domain.Disclosure{}, fmt.Errorf("disclosure %s: %w", id, errs.NotFound)
	}
	if d.Status == domain.DisclosureWithdrawn {
		return d, nil
	}
	c, err := s.Candidates.Candidate(ctx, d.CandidateID)
	if err != nil {
		return domain.Disclosure{}, err
	}
	prev := d.Version
	d.Version++
	d.Status, d.WithdrawnAt, d.WithdrawnBy = domain.DisclosureWithdrawn, s.now(), p.Subject
	ch, err := s.disclosureChange(p, c, d, domain.ActionWithdrawDisclosure)
	if err != nil {
		return domain.Disclosure{}, err
	}
	if err := s.Disclosures.UpdateDisclosure(ctx, d, prev, ch); err != nil {
		return domain.Disclosure{}, fmt.Errorf("withdraw disclosure: %w", err)
	}
	s.deliver(ctx, ch)
	return d, nil
}

// CandidateDisclosures lists the grants of the caller's organisation's
// candidate, for its staff or the candidate themself. A listing shows field names, never values, so
// it is not audited as a read.
func (s *Service) CandidateDisclosures(ctx context.Context, p auth.Principal, candidateID string) ([]domain.Disclosure, error) {
	c, err := s.ownCandidate(ctx, p, selfOrStaff, candidateID)
	if err != nil {
		return nil, err
	}
	return s.Disclosures.CandidateDisclosures(ctx, c.ID)
}

// disclosureChange is the event and the audit entry of a write of grant d
// about candidate c.
func (s *Service) disclosureChange(p auth.Principal, c domain.Candidate, d domain.Disclosure, action domain.AuditAction) (Change, error) {
	e, err := s.envelope(EventDisclosureChanged, d.ID, d.Version)
	if err != nil {
		return Change{}, err
	}
	a := s.entry(p, c, action, domain.PurposeCaseWork, d.ID)
	a.Fields = d.FieldNames()
	return Change{Event: e, Audit: a}, nil
}
