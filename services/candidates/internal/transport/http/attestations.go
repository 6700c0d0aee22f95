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
}

func toAttestationResponse(a domain.Attestation) attestationResponse {
	return attestationResponse{
		ID: a.ID, CandidateID: a.CandidateID, Skill: a.Skill, Level: a.Level, Hours: a.Hours, Programme: a.ProgrammeID,
		Date: a.Date, Evidence: a.Evidence, AttestedBy: a.AttestedBy, AttestedAt: a.AttestedAt, KeyID: a.KeyID,
		Signature: base64.RawURLEncoding.EncodeToString(a.Signature),
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
}

func toVerificationResponse(v service.Verification) verificationResponse {
	a := v.Attestation
	out := verificationResponse{ID: a.ID, Intact: v.Intact, Skill: a.Skill, Level: a.Level, Hours: a.Hours, Date: a.Date, KeyID: a.KeyID}
	if v.Full {
		out.CandidateID, out.Programme, out.AttestedBy = a.CandidateID, a.ProgrammeID, a.AttestedBy
	}
	return out
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
