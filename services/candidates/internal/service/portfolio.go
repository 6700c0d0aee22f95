package service

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// Attest records a supervisor's attestation of a skill for the candidate,
// signed with the organisation's key. The caller must supervise the
// programme or administer the organisation. A later attestation of the same
// skill becomes the candidate's current level; earlier ones stay as
// history.
func (s *Service) Attest(ctx context.Context, p auth.Principal, candidateID string, a domain.Attestation) (domain.Attestation, error) {
	org, err := staffFor(p, candidateID)
	if err != nil {
		return domain.Attestation{}, err
	}
	if a.Date == "" {
		a.Date = s.today()
	}
	if err := a.Validate(s.Vocabulary, s.today()); err != nil {
		return domain.Attestation{}, err
	}
	prog, err := s.ownProgramme(ctx, org, a.ProgrammeID, "programme")
	if err != nil {
		return domain.Attestation{}, err
	}
	if !prog.Supervises(p.Subject) && p.Role != auth.RoleOrgAdmin {
		return domain.Attestation{}, fmt.Errorf("only a supervisor of %q or the organisation's administrator may attest its skills: %w", prog.Spec.Name, errs.Forbidden)
	}
	key, err := s.signingKey(ctx, org)
	if err != nil {
		return domain.Attestation{}, err
	}
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, 0, func(c *domain.Candidate) (Change, error) {
		if len(c.Attestations) >= domain.MaxPortfolioItems {
			return Change{}, errs.Invalid("skill", "the candidate has %d attestations, the most one record holds", domain.MaxPortfolioItems)
		}
		a.ID, a.CandidateID, a.OrgID = uuid.NewString(), c.ID, org
		a.AttestedBy, a.AttestedAt = p.Subject, s.now()
		a.Sign(key.ID, key.Private)
		c.Attestations = append(c.Attestations, a)
		return s.change(p, *c, EventCandidateChanged, domain.ActionAttest, domain.PurposeAttestation, a.ID, domain.ChangeAttestation)
	})
	if err != nil {
		return domain.Attestation{}, err
	}
	out, _ := c.Attestation(a.ID)
	return out, nil
}

// AddProgrammeRecord records the candidate's time in one of the
// organisation's programmes.
func (s *Service) AddProgrammeRecord(ctx context.Context, p auth.Principal, candidateID string, r domain.ProgrammeRecord) (Versioned[domain.ProgrammeRecord], error) {
	org, err := staffFor(p, candidateID)
	if err != nil {
		return Versioned[domain.ProgrammeRecord]{}, err
	}
	if err := r.Validate(s.today()); err != nil {
		return Versioned[domain.ProgrammeRecord]{}, err
	}
	if _, err := s.ownProgramme(ctx, org, r.ProgrammeID, "programme"); err != nil {
		return Versioned[domain.ProgrammeRecord]{}, err
	}
	r.ID, r.RecordedBy, r.RecordedAt = uuid.NewString(), p.Subject, s.now()
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, 0, func(c *domain.Candidate) (Change, error) {
		if len(c.ProgrammeRecords) >= domain.MaxPortfolioItems {
			return Change{}, errs.Invalid("programme", "the candidate has %d programme records, the most one record holds", domain.MaxPortfolioItems)
		}
		c.ProgrammeRecords = append(c.ProgrammeRecords, r)
		return s.change(p, *c, EventCandidateChanged, domain.ActionProgrammeRecord, domain.PurposeCaseWork, r.ID, domain.ChangeProgrammeRecord)
	})
	return Versioned[domain.ProgrammeRecord]{Item: r, CandidateVersion: c.Version}, err
}

// AddCertificate records a certificate the candidate holds.
func (s *Service) AddCertificate(ctx context.Context, p auth.Principal, candidateID string, ct domain.Certificate) (Versioned[domain.Certificate], error) {
	if _, err := staffFor(p, candidateID); err != nil {
		return Versioned[domain.Certificate]{}, err
	}
	if err := ct.Validate(s.today()); err != nil {
		return Versioned[domain.Certificate]{}, err
	}
	ct.ID, ct.RecordedBy, ct.RecordedAt = uuid.NewString(), p.Subject, s.now()
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, 0, func(c *domain.Candidate) (Change, error) {
		if len(c.Certificates) >= domain.MaxPortfolioItems {
			return Change{}, errs.Invalid("name", "the candidate has %d certificates, the most one record holds", domain.MaxPortfolioItems)
		}
		c.Certificates = append(c.Certificates, ct)
		return s.change(p, *c, EventCandidateChanged, domain.ActionCertificate, domain.PurposeCaseWork, ct.ID, domain.ChangeCertificate)
	})
	return Versioned[domain.Certificate]{Item: ct, CandidateVersion: c.Version}, err
}
