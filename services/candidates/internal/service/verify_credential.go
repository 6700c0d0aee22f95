package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/credentials"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// CredentialStatus is a verdict on a credential.
type CredentialStatus string

// The verdicts.
const (
	CredentialValid         CredentialStatus = "valid"
	CredentialRevoked       CredentialStatus = "revoked"
	CredentialTampered      CredentialStatus = "tampered"
	CredentialUnknownIssuer CredentialStatus = "unknown_issuer"
	CredentialMalformed     CredentialStatus = "malformed"
)

// CredentialVerdict is the answer to "does this credential hold?": the
// status, the reason in a sentence and, unless the credential is malformed
// or from an unknown issuer, what it vouches for.
type CredentialVerdict struct {
	Status  CredentialStatus
	Reason  string
	Vouches *Vouched
}

// Vouched is what a credential vouches for. Issuer is set only when the
// credential itself was presented (it names its issuer); RevokedAt only
// when it was revoked.
type Vouched struct {
	ID        string
	Stated    credentials.Stated
	Issuer    string
	RevokedAt time.Time
}

func verdict(st CredentialStatus, format string, args ...any) CredentialVerdict {
	return CredentialVerdict{Status: st, Reason: fmt.Sprintf(format, args...)}
}

// VerifyCredential checks a VC-JWT as anyone holding it may: it decodes,
// names an issuer on this platform, is signed with that issuer's key (EdDSA
// only), says in its claims what its credential says, and its attestation
// is not revoked. Every credential that arrives gets a verdict; only a
// failing store is an error.
func (s *Service) VerifyCredential(ctx context.Context, token string) (CredentialVerdict, error) {
	pr, err := credentials.Inspect(token)
	if err != nil {
		return verdict(CredentialMalformed, "The credential does not decode: %v.", err), nil
	}
	addr := s.addresses()
	org, ok := addr.OrgOf(pr.Issuer)
	if !ok {
		return verdict(CredentialUnknownIssuer, "The issuer %q is not an organisation of this platform.", pr.Issuer), nil
	}
	key, err := s.Keys.OrgKey(ctx, org)
	if errors.Is(err, errs.NotFound) {
		return verdict(CredentialUnknownIssuer, "No organisation of this platform issues as %q.", pr.Issuer), nil
	}
	if err != nil {
		return CredentialVerdict{}, err
	}
	if pr.KeyID != key.ID {
		return verdict(CredentialTampered, "The key the credential names is not its issuer's."), nil
	}
	if err := credentials.Verify(token, key.Public); err != nil {
		return verdict(CredentialTampered, "The signature does not hold: %v.", err), nil
	}
	attestationID, idOK := addr.AttestationOf(pr.Credential.ID)
	stated, statedOK := pr.Credential.Stated()
	if !idOK || !statedOK {
		return verdict(CredentialTampered, "The credential is signed but is not one this platform issues."), nil
	}
	v := verdict(CredentialValid, "The signature holds and the issuer has not revoked it.")
	v.Vouches = &Vouched{ID: pr.Credential.ID, Stated: stated, Issuer: pr.Issuer}
	c, err := s.Candidates.CandidateByAttestation(ctx, attestationID)
	switch {
	case errors.Is(err, errs.NotFound):
		// The record was erased: the credential, which the person keeps,
		// still holds; nothing is left that could revoke it.
		return v, nil
	case err != nil:
		return CredentialVerdict{}, err
	}
	if a, ok := c.Attestation(attestationID); ok && a.OrgID == org && a.Revoked() {
		v.Status, v.Reason, v.Vouches.RevokedAt = CredentialRevoked, "The issuer revoked the attestation behind it.", a.Revocation.RevokedAt
	}
	return v, nil
}

// CredentialByID is what a credential's QR code opens: the verdict on the
// attestation behind it as stored, with nothing about the candidate,
// programme or organisation. An id that names no attestation is
// errs.NotFound.
func (s *Service) CredentialByID(ctx context.Context, attestationID string) (CredentialVerdict, error) {
	c, a, err := s.storedAttestation(ctx, attestationID)
	if err != nil {
		return CredentialVerdict{}, err
	}
	intact, _, err := s.attestationIntact(ctx, c, a)
	if err != nil {
		return CredentialVerdict{}, err
	}
	_, esco, _ := s.Vocabulary.SkillConcept(a.Skill)
	stated := credentials.Stated{Skill: a.Skill, Level: a.Level, Hours: a.Hours, Date: a.Date, ESCOURI: esco}
	v := verdict(CredentialValid, "The attestation's signature holds and the issuer has not revoked it.")
	switch {
	case !intact:
		v = verdict(CredentialTampered, "The attestation's signature does not hold.")
	case a.Revoked():
		v = verdict(CredentialRevoked, "The issuer revoked the attestation.")
	}
	v.Vouches = &Vouched{ID: s.addresses().Credential(a.ID), Stated: stated}
	if a.Revoked() {
		v.Vouches.RevokedAt = a.Revocation.RevokedAt
	}
	return v, nil
}

// RevocationList returns the credential's revocation list: empty while its
// attestation stands, holding the credential once it is revoked.
func (s *Service) RevocationList(ctx context.Context, attestationID string) (credentials.RevocationList, error) {
	_, a, err := s.storedAttestation(ctx, attestationID)
	if err != nil {
		return credentials.RevocationList{}, err
	}
	addr := s.addresses()
	l := credentials.RevocationList{ID: addr.Status(a.ID), RevokedCredentials: []credentials.Revoked{}}
	if a.Revoked() {
		l.RevokedCredentials = append(l.RevokedCredentials, credentials.Revoked{ID: addr.Credential(a.ID), RevocationReason: string(a.Revocation.Reason)})
	}
	return l, nil
}

// IssuerProfile returns an organisation's issuer profile; an organisation
// that has signed nothing is errs.NotFound.
func (s *Service) IssuerProfile(ctx context.Context, orgID string) (credentials.Profile, error) {
	if _, err := s.Keys.OrgKey(ctx, orgID); err != nil {
		return credentials.Profile{}, err
	}
	return credentials.Profile{Context: []string{credentials.ContextOB}, ID: s.addresses().Issuer(orgID), Type: []string{"Profile"}}, nil
}

// IssuerKeys returns an organisation's public signing keys; an organisation
// that has signed nothing is errs.NotFound.
func (s *Service) IssuerKeys(ctx context.Context, orgID string) ([]domain.OrgKey, error) {
	k, err := s.Keys.OrgKey(ctx, orgID)
	if err != nil {
		return nil, err
	}
	return []domain.OrgKey{{ID: k.ID, OrgID: k.OrgID, Public: k.Public, CreatedAt: k.CreatedAt}}, nil
}

// storedAttestation finds an attestation and the candidate holding it.
func (s *Service) storedAttestation(ctx context.Context, id string) (domain.Candidate, domain.Attestation, error) {
	c, err := s.Candidates.CandidateByAttestation(ctx, id)
	if err != nil {
		return domain.Candidate{}, domain.Attestation{}, err
	}
	a, ok := c.Attestation(id)
	if !ok {
		return domain.Candidate{}, domain.Attestation{}, fmt.Errorf("attestation %s: %w", id, errs.NotFound)
	}
	return c, a, nil
}
