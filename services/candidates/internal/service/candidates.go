package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// aliasDraws is how often registration draws a new alias when the last
// one was taken, before giving up.
const aliasDraws = 8

// RegisterCandidate registers a new candidate for the caller's organisation.
// Consent to matching starts withheld: staff record it with the candidate,
// with the version of the text shown.
func (s *Service) RegisterCandidate(ctx context.Context, p auth.Principal, spec domain.Spec) (domain.Candidate, error) {
	org, err := staffOrg(p)
	if err != nil {
		return domain.Candidate{}, err
	}
	if err := spec.Validate(s.Vocabulary, s.today()); err != nil {
		return domain.Candidate{}, err
	}
	now := s.now()
	c := domain.Candidate{
		ID: uuid.NewString(), OrgID: org, Version: 1, CreatedAt: now, UpdatedAt: now, CreatedBy: p.Subject,
		Identity: spec.Identity, Profile: spec.Profile,
	}
	for range aliasDraws {
		c.Alias = domain.NewAlias()
		ch, err := s.change(p, c, EventCandidateChanged, domain.ActionCreate, domain.PurposeCaseWork, "")
		if err != nil {
			return domain.Candidate{}, err
		}
		err = s.Candidates.InsertCandidate(ctx, c, ch)
		if errors.Is(err, ErrAliasTaken) {
			continue
		}
		if err != nil {
			return domain.Candidate{}, fmt.Errorf("register candidate: %w", err)
		}
		s.deliver(ctx, ch)
		return c, nil
	}
	return domain.Candidate{}, fmt.Errorf("register candidate: no free alias after %d draws", aliasDraws)
}

// Candidate returns the caller's organisation's candidate, or the
// candidate themself, in full and
// records the read, with its purpose, in the audit log first: a read that
// cannot be audited does not happen.
func (s *Service) Candidate(ctx context.Context, p auth.Principal, id string, why domain.Purpose) (domain.Candidate, error) {
	c, err := s.ownCandidate(ctx, p, selfOrStaff, id)
	if err != nil {
		return domain.Candidate{}, err
	}
	if err := s.audit(ctx, p, c, domain.ActionRead, why, ""); err != nil {
		return domain.Candidate{}, err
	}
	return c, nil
}

// ListCandidates returns a page of the caller's organisation's candidates.
// A listing shows names and aliases, not full records, so it is not
// audited as a read.
func (s *Service) ListCandidates(ctx context.Context, p auth.Principal, f domain.Filter, page mongox.PageRequest) ([]domain.Candidate, string, error) {
	org, err := staffOrg(p)
	if err != nil {
		return nil, "", err
	}
	if f.Setting != "" && !f.Setting.Valid() {
		return nil, "", errs.Invalid("setting", "must be one of detention_house, transition_house, released, probation")
	}
	f.OrgID = org
	return s.Candidates.ListCandidates(ctx, f, page)
}

// UpdateCandidate applies change to the candidate at version, validates the
// result and stores it if nobody changed the candidate meanwhile.
func (s *Service) UpdateCandidate(ctx context.Context, p auth.Principal, id string, version int64, change func(*domain.Spec) []string) (domain.Candidate, error) {
	if _, err := staffFor(p, id); err != nil {
		return domain.Candidate{}, err
	}
	if version < 1 {
		return domain.Candidate{}, errs.Invalid("version", "is required: the version you last read")
	}
	var fields []string
	c, err := s.changeCandidate(ctx, p, staffOnly, id, version, func(c *domain.Candidate) (Change, error) {
		spec := domain.Spec{Identity: c.Identity, Profile: c.Profile}
		fields = change(&spec)
		if len(fields) == 0 {
			return Change{}, errs.Invalid("body", "names no field to change; send at least one field besides version")
		}
		if err := spec.Validate(s.Vocabulary, s.today()); err != nil {
			return Change{}, err
		}
		c.Identity, c.Profile = spec.Identity, spec.Profile
		return s.change(p, *c, EventCandidateChanged, domain.ActionUpdate, domain.PurposeCaseWork, "", domain.ChangesOf(fields)...)
	})
	return c, err
}

// SetConsent records whether the candidate consents to matching, with the
// version of the consent text. Withdrawal is announced at once, so the
// matching service drops the candidate within seconds. Staff record it
// with the candidate, or the candidate gives or withdraws it themself; the
// record says which.
func (s *Service) SetConsent(ctx context.Context, p auth.Principal, id string, matching bool, textVersion string) (domain.Consent, error) {
	if _, err := actingOn(p, selfOrStaff, id); err != nil {
		return domain.Consent{}, err
	}
	if err := domain.ValidateConsentText(textVersion); err != nil {
		return domain.Consent{}, err
	}
	if _, ok := domain.ConsentTextByVersion(textVersion); !ok {
		return domain.Consent{}, errs.Invalid("text_version", "names no published consent text; the current one is %s", domain.CurrentConsentText)
	}
	c, err := s.changeCandidate(ctx, p, selfOrStaff, id, 0, func(c *domain.Candidate) (Change, error) {
		c.Consent = c.Consent.Record(matching, textVersion, p.Subject, p.IsCandidate(), s.now())
		return s.change(p, *c, EventConsentChanged, domain.ActionConsent, domain.PurposeCaseWork, "", domain.ChangeConsent)
	})
	return c.Consent, err
}

// ownCandidate returns a candidate of the caller's organisation, or the
// caller's own record when who lets the candidate act themself (actingOn);
// another organisation's is errs.NotFound, so its existence stays hidden.
func (s *Service) ownCandidate(ctx context.Context, p auth.Principal, who access, id string) (domain.Candidate, error) {
	acting, err := actingOn(p, who, id)
	if err != nil {
		return domain.Candidate{}, err
	}
	c, err := s.Candidates.Candidate(ctx, id)
	if err != nil {
		return domain.Candidate{}, err
	}
	if !acting.owns(c) {
		return domain.Candidate{}, fmt.Errorf("candidate %s: %w", id, errs.NotFound)
	}
	return c, nil
}

// changeCandidate loads the candidate the caller may change as who allows
// (ownCandidate), checks its version (0 means "whatever it is now"), lets
// apply change it and say how, and stores it with the next version.
func (s *Service) changeCandidate(ctx context.Context, p auth.Principal, who access, id string, version int64, apply func(*domain.Candidate) (Change, error)) (domain.Candidate, error) {
	c, err := s.ownCandidate(ctx, p, who, id)
	if err != nil {
		return domain.Candidate{}, err
	}
	if version != 0 && version != c.Version {
		return domain.Candidate{}, fmt.Errorf("candidate %s is at version %d, not %d; reload it: %w", id, c.Version, version, errs.Conflict)
	}
	prev, before := c.Version, c
	c.Version++
	c.UpdatedAt = s.now()
	ch, err := apply(&c)
	if errors.Is(err, errUnchanged) {
		return before, nil
	}
	if err != nil {
		return domain.Candidate{}, err
	}
	if err := s.Candidates.UpdateCandidate(ctx, c, prev, ch); err != nil {
		return domain.Candidate{}, fmt.Errorf("update candidate: %w", err)
	}
	s.deliver(ctx, ch)
	return c, nil
}

// errUnchanged tells changeCandidate that the request changes nothing, so
// nothing is written, announced or audited and the caller gets the
// candidate as it is: a repeated PUT is harmless.
var errUnchanged = errors.New("nothing to change")

// change builds the event and audit entry of a write to c at its new
// version; changes are the change names (domain.ChangeNames) the entry
// records.
func (s *Service) change(p auth.Principal, c domain.Candidate, eventType string, action domain.AuditAction, why domain.Purpose, subject string, changes ...string) (Change, error) {
	e, err := s.envelope(eventType, c.ID, c.Version)
	if err != nil {
		return Change{}, err
	}
	a := s.entry(p, c, action, why, subject)
	a.Fields = changes
	return Change{Event: e, Audit: a}, nil
}

// audit records a read (or another action that changes nothing) of c. A
// candidate reads their own record by their right of access, whatever
// purpose a staff member's read would have.
func (s *Service) audit(ctx context.Context, p auth.Principal, c domain.Candidate, action domain.AuditAction, why domain.Purpose, subject string) error {
	if p.IsCandidate() {
		why = domain.PurposeDataSubjectRequest
	}
	if err := s.Audit.AppendAudit(ctx, s.entry(p, c, action, why, subject)); err != nil {
		return fmt.Errorf("record %s in the audit log: %w", action, err)
	}
	return nil
}

func (s *Service) entry(p auth.Principal, c domain.Candidate, action domain.AuditAction, why domain.Purpose, subject string) domain.AuditEntry {
	return domain.AuditEntry{
		ID: uuid.Must(uuid.NewV7()).String(), OrgID: c.OrgID, CandidateID: c.ID, Actor: p.Subject, ActorOrg: p.OrgID,
		ByCandidate: p.IsCandidate(), At: s.now(), Action: action, Purpose: why, Subject: subject,
	}
}
