package service

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// RevokeAttestation withdraws an attestation, signed with the
// organisation's key, if its candidate is still at version. Only the
// supervisor who signed it or the organisation's administrator may revoke:
// the attestation is the supervisor's word, and the administrator answers
// for the organisation's key. Another organisation's attestation is
// errs.NotFound; one already revoked is errs.Conflict. The revoked
// attestation stays in the portfolio, no longer counted as a skill, and
// candidate.changed tells matching to recompute.
func (s *Service) RevokeAttestation(ctx context.Context, p auth.Principal, attestationID string, version int64, reason domain.RevocationReason, note string) (domain.Attestation, int64, error) {
	if err := refuseEarly(p, staffOnly); err != nil {
		return domain.Attestation{}, 0, err
	}
	if err := requireVersion(version); err != nil {
		return domain.Attestation{}, 0, err
	}
	if err := domain.ValidateRevocation(reason, note); err != nil {
		return domain.Attestation{}, 0, err
	}
	holder, err := s.Candidates.CandidateByAttestation(ctx, attestationID)
	if err != nil {
		return domain.Attestation{}, 0, err
	}
	org, err := staffFor(p, holder.ID)
	if err != nil {
		return domain.Attestation{}, 0, fmt.Errorf("attestation %s: %w", attestationID, err)
	}
	if holder.OrgID != org {
		return domain.Attestation{}, 0, fmt.Errorf("attestation %s: %w", attestationID, errs.NotFound)
	}
	key, err := s.signingKey(ctx, org)
	if err != nil {
		return domain.Attestation{}, 0, err
	}
	var out domain.Attestation
	c, err := s.changeCandidate(ctx, p, staffOnly, holder.ID, version, func(c *domain.Candidate) (Change, error) {
		i, err := c.AttestationIndex(attestationID)
		if err != nil {
			return Change{}, err
		}
		a := &c.Attestations[i]
		if a.AttestedBy != p.Subject && p.Role != auth.RoleOrgAdmin {
			return Change{}, fmt.Errorf("only the supervisor who signed an attestation or the organisation's administrator may revoke it: %w", errs.Forbidden)
		}
		if a.Revoked() {
			return Change{}, fmt.Errorf("attestation %s was revoked already: %w", attestationID, errs.Conflict)
		}
		a.Revoke(domain.Revocation{Reason: reason, Note: note, RevokedBy: p.Subject, RevokedAt: s.now()}, key.ID, key.Private)
		out = *a
		return s.change(p, *c, EventCandidateChanged, domain.ActionRevoke, domain.PurposeAttestation, attestationID, domain.ChangeAttestationRevoked)
	})
	if err != nil {
		return domain.Attestation{}, 0, err
	}
	return out, c.Version, nil
}
