package service

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/candidates/internal/credentials"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// IssuedCredential is an attestation as an Open Badges 3.0 credential: its
// id, the signed VC-JWT and the credential the JWT holds.
type IssuedCredential struct {
	ID         string
	JWT        string
	Credential credentials.Credential
}

// IssueCredential returns the attestation as an OpenBadgeCredential signed
// with the attesting organisation's key, for its staff to hand to the
// candidate. Another organisation's attestation is errs.NotFound, a
// revoked one errs.Conflict, and so is one whose own signature no longer
// holds: the platform does not vouch again for a record it cannot trust.
// The candidate's name, read to hash it, makes this an audited read.
func (s *Service) IssueCredential(ctx context.Context, p auth.Principal, attestationID string) (IssuedCredential, error) {
	if err := refuseEarly(p, selfOrStaff); err != nil {
		return IssuedCredential{}, err
	}
	c, err := s.Candidates.CandidateByAttestation(ctx, attestationID)
	if err != nil {
		return IssuedCredential{}, err
	}
	acting, err := actingOn(p, selfOrStaff, c.ID)
	if err != nil {
		return IssuedCredential{}, fmt.Errorf("attestation %s: %w", attestationID, err)
	}
	a, ok := c.Attestation(attestationID)
	if !ok || !acting.owns(c) || (!acting.Self && a.OrgID != acting.Org) {
		return IssuedCredential{}, fmt.Errorf("attestation %s: %w", attestationID, errs.NotFound)
	}
	if a.Revoked() {
		return IssuedCredential{}, fmt.Errorf("attestation %s was revoked; a revoked attestation is not issued: %w", attestationID, errs.Conflict)
	}
	intact, key, err := s.attestationIntact(ctx, c, a)
	if err != nil {
		return IssuedCredential{}, err
	}
	if !intact || len(key.Private) == 0 {
		return IssuedCredential{}, fmt.Errorf("attestation %s: its signature does not hold, so it cannot be issued: %w", attestationID, errs.Conflict)
	}
	facts, err := s.credentialFacts(a)
	if err != nil {
		return IssuedCredential{}, err
	}
	facts.Recipient = c.Identity.GivenName + " " + c.Identity.FamilyName
	if facts.Salt, err = newSalt(); err != nil {
		return IssuedCredential{}, err
	}
	cred := credentials.Build(facts, s.addresses())
	token, err := credentials.Sign(cred, key.ID, key.Private)
	if err != nil {
		return IssuedCredential{}, fmt.Errorf("sign credential of attestation %s: %w", attestationID, err)
	}
	if err := s.audit(ctx, p, c, domain.ActionRead, domain.PurposeAttestation, attestationID); err != nil {
		return IssuedCredential{}, err
	}
	return IssuedCredential{ID: cred.ID, JWT: token, Credential: cred}, nil
}

// credentialFacts are what a credential of a states, but its recipient.
func (s *Service) credentialFacts(a domain.Attestation) (credentials.Facts, error) {
	label, esco, ok := s.Vocabulary.SkillConcept(a.Skill)
	if !ok {
		return credentials.Facts{}, fmt.Errorf("attestation %s names skill %q, which the taxonomy lacks", a.ID, a.Skill)
	}
	return credentials.Facts{
		AttestationID: a.ID, OrgID: a.OrgID, Skill: a.Skill, SkillLabel: label, ESCOURI: esco,
		Level: a.Level, LevelText: skills.Level(a.Level).Description(skills.EN), Hours: a.Hours,
		Date: a.Date, AttestedAt: a.AttestedAt,
	}, nil
}

// addresses are the public addresses credentials name.
func (s *Service) addresses() credentials.Addresses {
	return credentials.Addresses{Base: s.PublicURL}
}

// newSalt returns 16 random bytes in hex, a fresh salt for each credential.
func newSalt() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", fmt.Errorf("salt: %w", err)
	}
	return hex.EncodeToString(b), nil
}
