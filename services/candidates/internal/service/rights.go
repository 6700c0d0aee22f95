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
// subject access request: the record in full, the programmes it names,
// the disclosure grants and the whole audit trail, the export itself
// included; and, from the placements service, the candidate's
// introductions, messages, placements and follow-ups.
type Export struct {
	Candidate   domain.Candidate
	Programmes  []domain.Programme
	Disclosures []domain.Disclosure
	Audit       []domain.AuditEntry
	// Placements is the placements service's record of the candidate, as
	// that service wrote it (JSON), or nil when it is not available:
	// PlacementsNote then says why.
	Placements     []byte
	PlacementsNote string
}

// PlacementsRecords reads what the placements service holds about a
// candidate.
type PlacementsRecords interface {
	// CandidateRecord returns the record as JSON; a candidate the service
	// knows nothing of has an empty record, not an error.
	CandidateRecord(ctx context.Context, candidateID string) ([]byte, error)
}

// Notes an export gives when it lacks the placements record.
const (
	PlacementsNotConfigured = "the placements record is not available: this installation does not reach the placements service"
	PlacementsUnavailable   = "the placements record is not available: the placements service did not answer; export again later"
)

// exportAuditLimit bounds the audit entries one export gathers.
const exportAuditLimit = 100_000

// Export gathers everything about the caller's organisation's candidate,
// for its staff or for the candidate themself.
func (s *Service) Export(ctx context.Context, p auth.Principal, id string) (Export, error) {
	c, err := s.ownCandidate(ctx, p, selfOrStaff, id)
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
	if out.Disclosures, err = s.Disclosures.CandidateDisclosures(ctx, c.ID); err != nil {
		return Export{}, fmt.Errorf("export disclosures: %w", err)
	}
	s.exportPlacements(ctx, &out)
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
// the organisation's administrator or the candidate themself (who read
// their record and when). Reading the trail is itself recorded.
func (s *Service) AuditTrail(ctx context.Context, p auth.Principal, id string, page mongox.PageRequest) ([]domain.AuditEntry, string, error) {
	c, err := s.ownCandidate(ctx, p, selfOrOrgAdmin, id)
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
	if _, err := staffFor(p, id); err != nil {
		return err
	}
	if _, err := orgAdminOrg(p); err != nil {
		return err
	}
	c, err := s.ownCandidate(ctx, p, staffOnly, id)
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

// exportPlacements adds the placements service's record to an export, or
// the reason it is missing.
func (s *Service) exportPlacements(ctx context.Context, out *Export) {
	if s.Placements == nil {
		out.PlacementsNote = PlacementsNotConfigured
		return
	}
	rec, err := s.Placements.CandidateRecord(ctx, out.Candidate.ID)
	if err != nil {
		s.Logger.Warn("export without the placements record", "candidate_id", out.Candidate.ID, "error", err)
		out.PlacementsNote = PlacementsUnavailable
		return
	}
	out.Placements = rec
}
