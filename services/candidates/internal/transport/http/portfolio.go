package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// programmeRecordBody records time in a programme; to is left out while
// the candidate is still in it.
type programmeRecordBody struct {
	Programme string `json:"programme"`
	From      string `json:"from"`
	To        string `json:"to"`
	Hours     int    `json:"hours"`
}

type certificateBody struct {
	Name   string `json:"name"`
	Issuer string `json:"issuer"`
	Date   string `json:"date"`
}

// consentBody records consent to matching; matching must be said out
// loud, so a missing one is a 400 rather than a silent withdrawal.
type consentBody struct {
	Matching    *bool  `json:"matching" validate:"required"`
	TextVersion string `json:"text_version"`
}

func (h *handlers) addProgrammeRecord(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b programmeRecordBody
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	r := domain.ProgrammeRecord{ProgrammeID: b.Programme, From: b.From, To: b.To, Hours: b.Hours}
	added, err := h.svc.AddProgrammeRecord(c.UserContext(), p, c.Params("id"), r)
	if err != nil {
		return err
	}
	resp := toProgrammeRecordResponse(added.Item)
	resp.CandidateVersion = added.CandidateVersion
	return c.Status(fiber.StatusCreated).JSON(resp)
}

func (h *handlers) addCertificate(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b certificateBody
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	added, err := h.svc.AddCertificate(c.UserContext(), p, c.Params("id"), domain.Certificate{Name: b.Name, Issuer: b.Issuer, Date: b.Date})
	if err != nil {
		return err
	}
	resp := toCertificateResponse(added.Item)
	resp.CandidateVersion = added.CandidateVersion
	return c.Status(fiber.StatusCreated).JSON(resp)
}

func (h *handlers) setConsent(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var b consentBody
	if err := httpx.DecodeJSON(c, &b); err != nil {
		return err
	}
	consent, err := h.svc.SetConsent(c.UserContext(), p, c.Params("id"), *b.Matching, b.TextVersion)
	if err != nil {
		return err
	}
	return c.JSON(toConsentResponse(consent))
}
