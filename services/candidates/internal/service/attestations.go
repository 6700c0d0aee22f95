package service

import (
	"context"
	"crypto/ed25519"
	"crypto/rand"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// Verification is the answer to "is this attestation intact?". Full is
// true when the caller is staff of the attesting organisation and may see
// which candidate, programme and supervisor it names.
type Verification struct {
	Attestation domain.Attestation
	Intact      bool
	Full        bool
	// RevocationIntact says whether a revoked attestation's revocation
	// carries a good signature of the attesting organisation.
	RevocationIntact bool
}

// VerifyAttestation checks an attestation's signature against the key that
// made it. Anyone signed in on the hiring path may verify (that is what
// signing is for): an employer, programme staff, a platform administrator
// or a person without an organisation. Only the attesting organisation's
// staff, and the candidate themself, learn whom it is about; a candidate
// verifies only their own attestations, another's being errs.NotFound. An
// observer is refused before any lookup:
// an attestation is about a candidate, and observers read aggregates only.
func (s *Service) VerifyAttestation(ctx context.Context, p auth.Principal, id string) (Verification, error) {
	if p.Subject == "" || p.IsService() {
		return Verification{}, fmt.Errorf("verification is for signed-in people: %w", errs.Forbidden)
	}
	if !mayVerifyAttestations(p) {
		return Verification{}, fmt.Errorf("verification is for the hiring path, not for %q organisations: %w", p.OrgKind, errs.Forbidden)
	}
	c, err := s.Candidates.CandidateByAttestation(ctx, id)
	if err != nil {
		return Verification{}, err
	}
	a, ok := c.Attestation(id)
	if !ok || (p.IsCandidate() && !p.IsCandidateSelf(c.ID)) {
		return Verification{}, fmt.Errorf("attestation %s: %w", id, errs.NotFound)
	}
	v := Verification{Attestation: a, Full: p.IsCandidateSelf(c.ID) || (p.OrgID == c.OrgID && p.OrgKind == auth.OrgKindProgramme)}
	if v.Intact, _, err = s.attestationIntact(ctx, c, a); err != nil {
		return Verification{}, err
	}
	if a.Revoked() {
		if v.RevocationIntact, err = s.revocationIntact(ctx, a); err != nil {
			return Verification{}, err
		}
	}
	return v, nil
}

// attestationIntact checks a's signature against the key that made it,
// which must be the attesting organisation's, and that c, the candidate
// holding it, is the one it names and of that organisation. It returns the
// key when it found one. A key id that names no key is itself a sign of
// tampering: not intact, no error.
func (s *Service) attestationIntact(ctx context.Context, c domain.Candidate, a domain.Attestation) (bool, domain.OrgKey, error) {
	key, err := s.Keys.KeyByID(ctx, a.KeyID)
	switch {
	case errors.Is(err, errs.NotFound):
		return false, domain.OrgKey{}, nil
	case err != nil:
		return false, domain.OrgKey{}, err
	}
	return key.OrgID == a.OrgID && key.OrgID == c.OrgID && a.CandidateID == c.ID && a.Intact(key.Public), key, nil
}

// revocationIntact checks a revocation's signature against the key that
// made it, which must be the attesting organisation's (it may be a newer
// key than the attestation's).
func (s *Service) revocationIntact(ctx context.Context, a domain.Attestation) (bool, error) {
	key, err := s.Keys.KeyByID(ctx, a.Revocation.KeyID)
	switch {
	case errors.Is(err, errs.NotFound):
		return false, nil
	case err != nil:
		return false, err
	}
	return key.OrgID == a.OrgID && a.RevocationIntact(key.Public), nil
}

// signingKey returns the organisation's signing key, making one on first
// use. Two first uses at once both try to store theirs; the loser reads the
// winner's.
func (s *Service) signingKey(ctx context.Context, org string) (domain.OrgKey, error) {
	k, err := s.Keys.OrgKey(ctx, org)
	if err == nil || !errors.Is(err, errs.NotFound) {
		return k, err
	}
	pub, priv, err := ed25519.GenerateKey(rand.Reader)
	if err != nil {
		return domain.OrgKey{}, fmt.Errorf("signing key: %w", err)
	}
	k = domain.OrgKey{ID: uuid.NewString(), OrgID: org, Public: pub, Private: priv, CreatedAt: s.now()}
	err = s.Keys.InsertOrgKey(ctx, k)
	if errors.Is(err, errs.Conflict) {
		return s.Keys.OrgKey(ctx, org)
	}
	return k, err
}

// mayVerifyAttestations admits the organisation kinds that take part in
// hiring, and callers without an organisation. It lists who may rather than
// who may not, so that a kind added later is refused until someone decides.
func mayVerifyAttestations(p auth.Principal) bool {
	switch p.OrgKind {
	case "", auth.OrgKindEmployer, auth.OrgKindProgramme:
		return true
	}
	return false
}
