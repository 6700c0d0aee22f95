package service

import (
	"context"
	"fmt"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// Export is everything the service holds about one candidate, for a data
// subject access request: the record in full, the programmes it names and
// the whole audit trail, the export itself included.
type Export struct {
	Candidate  domain.Candidate
	Programmes []domain.Programme
	Audit      []domain.AuditEntry
}

// exportAuditLimit bounds the audit entries one export gathers.
const exportAuditLimit = 100_000

// Export gathers everything about the caller's organisation's candidate.
func (s *Service) Export(ctx context.Context, p auth.Principal, id string) (Export, error) {
	c, err := s.ownCandidate(ctx, p, id)
	if err != nil {
		return Export{}, err
	}
	if err := s.audit(ctx, p, c, domain.ActionExport, domain.PurposeDataSubjectRequest, ""); err != nil {
		return Export{}, err
	}
	out := Export{Candidate: c}
	for _, pid := range c.ProgrammeIDs() {
		prog, err := s.Programmes.Programme(ctx, pid)
		if err != nil {
			return Export{}, fmt.Errorf("export programme %s: %w", pid, err)
		}
		out.Programmes = append(out.Programmes, prog)
	}
	page := mongox.PageRequest{Limit: mongox.MaxPageSize}
	for len(out.Audit) < exportAuditLimit {
		entries, next, err := s.Audit.CandidateAudit(ctx, c.ID, page)
		if err != nil {
			return Export{}, fmt.Errorf("export audit: %w", err)
		}
		out.Audit = append(out.Audit, entries...)
		if next == "" {
			break
		}
		page.Cursor = next
	}
	return out, nil
}

// AuditTrail returns a page of the audit entries about the candidate, for
// the organisation's administrator. Reading the trail is itself recorded.
func (s *Service) AuditTrail(ctx context.Context, p auth.Principal, id string, page mongox.PageRequest) ([]domain.AuditEntry, string, error) {
	if _, err := orgAdminOrg(p); err != nil {
		return nil, "", err
	}
	c, err := s.ownCandidate(ctx, p, id)
	if err != nil {
		return nil, "", err
	}
	if page.Cursor == "" {
		if err := s.audit(ctx, p, c, domain.ActionReadAudit, domain.PurposeSupervision, ""); err != nil {
			return nil, "", err
		}
	}
	return s.Audit.CandidateAudit(ctx, c.ID, page)
}

// Erase deletes the candidate and everything about it here, leaves a
// tombstone that identifies no one, and announces candidate.erased so
// every other service deletes what it derived. Only the organisation's
// administrator may erase.
func (s *Service) Erase(ctx context.Context, p auth.Principal, id string) error {
	if _, err := orgAdminOrg(p); err != nil {
		return err
	}
	c, err := s.ownCandidate(ctx, p, id)
	if err != nil {
		return err
	}
	e, err := s.envelope(EventCandidateErased, c.ID, c.Version+1)
	if err != nil {
		return err
	}
	t := domain.Tombstone{ID: uuid.NewString(), OrgID: c.OrgID, IDDigest: s.Digest(c.ID), ErasedAt: s.now(), ErasedBy: p.Subject}
	if err := s.Candidates.EraseCandidate(ctx, c.ID, t, e); err != nil {
		// The tombstone may be written and the rest not: the relay
		// finishes it.
		s.relay.MarkDirty()
		return fmt.Errorf("erase candidate: %w", err)
	}
	s.deliver(ctx, Change{Event: e})
	return nil
}
