package http

import (
	"encoding/base64"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// attestBody asks for an attestation; date defaults to today.
type attestBody struct {
	Skill     string `json:"skill"`
	Level     int    `json:"level"`
	Hours     int    `json:"hours"`
	Programme string `json:"programme"`
	Evidence  string `json:"evidence"`
	Date      string `json:"date"`
}

func (b attestBody) toDomain() domain.Attestation {
	return domain.Attestation{
		Skill: b.Skill, Level: b.Level, Hours: b.Hours, ProgrammeID: b.Programme, Evidence: b.Evidence, Date: b.Date,
	}
}

// attestationResponse is a signed attestation. The signature is base64url
// without padding, over the canonical encoding domain.Attestation defines.
type attestationResponse struct {
	ID          string    `json:"id"`
	CandidateID string    `json:"candidate_id"`
	Skill       string    `json:"skill"`
	Level       int       `json:"level"`
	Hours       int       `json:"hours"`
	Programme   string    `json:"programme"`
	Date        string    `json:"date"`
	Evidence    string    `json:"evidence"`
	AttestedBy  string    `json:"attested_by"`
	AttestedAt  time.Time `json:"attested_at"`
	KeyID       string    `json:"key_id"`
	Signature   string    `json:"signature"`
	// Revoked and Revocation say whether and how it was withdrawn; a
	// revoked attestation is history, not a skill.
	Revoked    bool                `json:"revoked"`
	Revocation *revocationResponse `json:"revocation,omitempty"`
}

func toAttestationResponse(a domain.Attestation) attestationResponse {
	return attestationResponse{
		ID: a.ID, CandidateID: a.CandidateID, Skill: a.Skill, Level: a.Level, Hours: a.Hours, Programme: a.ProgrammeID,
		Date: a.Date, Evidence: a.Evidence, AttestedBy: a.AttestedBy, AttestedAt: a.AttestedAt, KeyID: a.KeyID,
		Signature: base64.RawURLEncoding.EncodeToString(a.Signature),
		Revoked:   a.Revoked(), Revocation: toRevocationResponse(a.Revocation),
	}
}

// revocationResponse is a signed revocation. The signature is base64url
// without padding, over the canonical encoding domain.Attestation's
// RevocationCanonical defines.
type revocationResponse struct {
	Reason    string    `json:"reason"`
	Note      string    `json:"note,omitempty"`
	RevokedBy string    `json:"revoked_by"`
	RevokedAt time.Time `json:"revoked_at"`
	KeyID     string    `json:"key_id"`
	Signature string    `json:"signature"`
}

func toRevocationResponse(r *domain.Revocation) *revocationResponse {
	if r == nil {
		return nil
	}
	return &revocationResponse{
		Reason: string(r.Reason), Note: r.Note, RevokedBy: r.RevokedBy, RevokedAt: r.RevokedAt, KeyID: r.KeyID,
		Signature: base64.RawURLEncoding.EncodeToString(r.Signature),
	}
}

// verificationResponse says whether an attestation is intact. Whom it is
// about, from which programme and by whom are only filled for staff of the
// attesting organisation.
type verificationResponse struct {
	ID          string `json:"id"`
	Intact      bool   `json:"intact"`
	Skill       string `json:"skill"`
	Level       int    `json:"level"`
	Hours       int    `json:"hours"`
	Date        string `json:"date"`
	KeyID       string `json:"key_id"`
	CandidateID string `json:"candidate_id,omitempty"`
	Programme   string `json:"programme,omitempty"`
	AttestedBy  string `json:"attested_by,omitempty"`
	// Revoked is true once the organisation withdrew the attestation; an
	// intact but revoked attestation no longer vouches for the skill.
	Revoked    bool                    `json:"revoked"`
	Revocation *revocationVerification `json:"revocation,omitempty"`
}

// revocationVerification is what anyone verifying learns of a revocation:
// when, why (the closed reason) and whether its signature holds. The note
// and who revoked are only for the attesting organisation's staff.
type revocationVerification struct {
	RevokedAt time.Time `json:"revoked_at"`
	Reason    string    `json:"reason"`
	Intact    bool      `json:"intact"`
	KeyID     string    `json:"key_id"`
	Note      string    `json:"note,omitempty"`
	RevokedBy string    `json:"revoked_by,omitempty"`
}

func toVerificationResponse(v service.Verification) verificationResponse {
	a := v.Attestation
	out := verificationResponse{ID: a.ID, Intact: v.Intact, Skill: a.Skill, Level: a.Level, Hours: a.Hours, Date: a.Date, KeyID: a.KeyID}
	if v.Full {
		out.CandidateID, out.Programme, out.AttestedBy = a.CandidateID, a.ProgrammeID, a.AttestedBy
	}
	if r := a.Revocation; r != nil {
		out.Revoked = true
		out.Revocation = &revocationVerification{RevokedAt: r.RevokedAt, Reason: string(r.Reason), Intact: v.RevocationIntact, KeyID: r.KeyID}
		if v.Full {
			out.Revocation.Note, out.Revocation.RevokedBy = r.Note, r.RevokedBy
		}
	}
	return out
}

// revokeBody asks to revoke an attestation. Version is the version of the
// candidate holding it, as last read; note is optional except for the
// reason "other", and must not say anything about the person.
type revokeBody struct {
	Version int64  `json:"version"`
	Reason  string `json:"reason"`
	Note    string `json:"note"`
}

// revokedResponse is the attestation as revoked, with the candidate's new
// version.
type revokedResponse struct {
	attestationResponse
	CandidateVersion int64 `json:"candidate_version"`
}

func (h *handlers) revokeAttestation(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b revokeBody
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	a, v, err := h.svc.RevokeAttestation(c.UserContext(), p, c.Params("id"), b.Version, domain.RevocationReason(b.Reason), b.Note)
	if err != nil {
		return err
	}
	c.Location("/api/v1/attestations/" + a.ID + "/verify")
	return c.Status(fiber.StatusCreated).JSON(revokedResponse{attestationResponse: toAttestationResponse(a), CandidateVersion: v})
}

func (h *handlers) attest(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body attestBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	a, err := h.svc.Attest(c.UserContext(), p, c.Params("id"), body.toDomain())
	if err != nil {
		return err
	}
	c.Location("/api/v1/attestations/" + a.ID + "/verify")
	return c.Status(fiber.StatusCreated).JSON(toAttestationResponse(a))
}

func (h *handlers) verifyAttestation(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	v, err := h.svc.VerifyAttestation(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toVerificationResponse(v))
}
