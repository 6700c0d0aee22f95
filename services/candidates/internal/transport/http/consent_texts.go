package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// consentTextResponse is one published consent text: its version id, the
// paragraphs in each language ("{alias}" stands for the candidate's
// alias) and a digest of the whole, which never changes for a version.
type consentTextResponse struct {
	Version     string              `json:"version"`
	Current     bool                `json:"current"`
	PublishedOn string              `json:"published_on"`
	Texts       map[string][]string `json:"texts"`
	Digest      string              `json:"digest"`
}

func toConsentTextResponse(t domain.ConsentText) consentTextResponse {
	return consentTextResponse{
		Version: t.Version, Current: t.Version == domain.CurrentConsentText, PublishedOn: t.PublishedOn,
		Texts: t.Texts, Digest: t.Digest,
	}
}

// consentTextsResponse lists every published text, oldest first, and
// names the current one.
type consentTextsResponse struct {
	Current string                `json:"current"`
	Items   []consentTextResponse `json:"items"`
}

func (h *handlers) listConsentTexts(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	texts, err := h.svc.ConsentTexts(p)
	if err != nil {
		return err
	}
	out := consentTextsResponse{Current: domain.CurrentConsentText, Items: make([]consentTextResponse, 0, len(texts))}
	for _, t := range texts {
		out.Items = append(out.Items, toConsentTextResponse(t))
	}
	return c.JSON(out)
}

func (h *handlers) getConsentText(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	t, err := h.svc.ConsentText(p, c.Params("version"))
	if err != nil {
		return err
	}
	return c.JSON(toConsentTextResponse(t))
}
