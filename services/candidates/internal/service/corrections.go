package service

import (
	"context"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// Versioned is what an addition to or a correction of a candidate's
// portfolio answers: the item, and the candidate's new version for the
// client's next change.
type Versioned[T any] struct {
	Item             T
	CandidateVersion int64
}

// requireVersion refuses a correction that does not say which version of
// the candidate it was made against.
func requireVersion(version int64) error {
	if version < 1 {
		return errs.Invalid("version", "is required: the candidate's version you last read")
	}
	return nil
}

// UpdateProgrammeRecord replaces the programme, dates and hours of one of
// the candidate's programme records, if the candidate is still at version.
// Who recorded it first stays; the audit trail says who corrected it.
func (s *Service) UpdateProgrammeRecord(ctx context.Context, p auth.Principal, candidateID, recordID string, version int64, r domain.ProgrammeRecord) (Versioned[domain.ProgrammeRecord], error) {
	org, err := staffFor(p, candidateID)
	if err != nil {
		return Versioned[domain.ProgrammeRecord]{}, err
	}
	if err := requireVersion(version); err != nil {
		return Versioned[domain.ProgrammeRecord]{}, err
	}
	if err := r.Validate(s.today()); err != nil {
		return Versioned[domain.ProgrammeRecord]{}, err
	}
	if _, err := s.ownProgramme(ctx, org, r.ProgrammeID, "programme"); err != nil {
		return Versioned[domain.ProgrammeRecord]{}, err
	}
	var out domain.ProgrammeRecord
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, version, func(c *domain.Candidate) (Change, error) {
		i, err := c.ProgrammeRecordIndex(recordID)
		if err != nil {
			return Change{}, err
		}
		old := c.ProgrammeRecords[i]
		r.ID, r.RecordedBy, r.RecordedAt = old.ID, old.RecordedBy, old.RecordedAt
		out = r
		if old.SameContent(r) {
			return Change{}, errUnchanged
		}
		c.ProgrammeRecords[i] = r
		return s.change(p, *c, EventCandidateChanged, domain.ActionUpdate, domain.PurposeCaseWork, r.ID, domain.ChangeProgrammeRecord)
	})
	return Versioned[domain.ProgrammeRecord]{Item: out, CandidateVersion: c.Version}, err
}

// RemoveProgrammeRecord removes one of the candidate's programme records,
// if the candidate is still at version, and returns the new version.
func (s *Service) RemoveProgrammeRecord(ctx context.Context, p auth.Principal, candidateID, recordID string, version int64) (int64, error) {
	if _, err := staffFor(p, candidateID); err != nil {
		return 0, err
	}
	if err := requireVersion(version); err != nil {
		return 0, err
	}
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, version, func(c *domain.Candidate) (Change, error) {
		i, err := c.ProgrammeRecordIndex(recordID)
		if err != nil {
			return Change{}, err
		}
		c.ProgrammeRecords = append(c.ProgrammeRecords[:i:i], c.ProgrammeRecords[i+1:]...)
		return s.change(p, *c, EventCandidateChanged, domain.ActionRemove, domain.PurposeCaseWork, recordID, domain.ChangeProgrammeRecord)
	})
	return c.Version, err
}

// UpdateCertificate replaces the name, issuer and date of one of the
// candidate's certificates, if the candidate is still at version.
func (s *Service) UpdateCertificate(ctx context.Context, p auth.Principal, candidateID, certID string, version int64, ct domain.Certificate) (Versioned[domain.Certificate], error) {
	if _, err := staffFor(p, candidateID); err != nil {
		return Versioned[domain.Certificate]{}, err
	}
	if err := requireVersion(version); err != nil {
		return Versioned[domain.Certificate]{}, err
	}
	if err := ct.Validate(s.today()); err != nil {
		return Versioned[domain.Certificate]{}, err
	}
	var out domain.Certificate
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, version, func(c *domain.Candidate) (Change, error) {
		i, err := c.CertificateIndex(certID)
		if err != nil {
			return Change{}, err
		}
		old := c.Certificates[i]
		ct.ID, ct.RecordedBy, ct.RecordedAt = old.ID, old.RecordedBy, old.RecordedAt
		out = ct
		if old.SameContent(ct) {
			return Change{}, errUnchanged
		}
		c.Certificates[i] = ct
		return s.change(p, *c, EventCandidateChanged, domain.ActionUpdate, domain.PurposeCaseWork, ct.ID, domain.ChangeCertificate)
	})
	return Versioned[domain.Certificate]{Item: out, CandidateVersion: c.Version}, err
}

// RemoveCertificate removes one of the candidate's certificates, if the
// candidate is still at version, and returns the new version.
func (s *Service) RemoveCertificate(ctx context.Context, p auth.Principal, candidateID, certID string, version int64) (int64, error) {
	if _, err := staffFor(p, candidateID); err != nil {
		return 0, err
	}
	if err := requireVersion(version); err != nil {
		return 0, err
	}
	c, err := s.changeCandidate(ctx, p, staffOnly, candidateID, version, func(c *domain.Candidate) (Change, error) {
		i, err := c.CertificateIndex(certID)
		if err != nil {
			return Change{}, err
		}
		c.Certificates = append(c.Certificates[:i:i], c.Certificates[i+1:]...)
		return s.change(p, *c, EventCandidateChanged, domain.ActionRemove, domain.PurposeCaseWork, certID, domain.ChangeCertificate)
	})
	return c.Version, err
}
