package me

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// consentPage is /me/consent: whether the candidate lets Onward show
// their skills to employers (without their name), the text they agree
// to with its version, and one button to give or to withdraw it.
type consentPage struct {
	Given      bool
	RecordedAt string
	Text       kit.ConsentText
	// GivenVersion is the version of the text the consent was given on;
	// Older says it is not the text published now, so the page asks them
	// to read the new one and say yes again.
	GivenVersion string
	Older        bool
}

// Consent is GET /me/consent.
func (p *Pages) Consent(c *fiber.Ctx) error {
	return p.consentPage(c, fiber.StatusOK, "")
}

// consentPage draws the consent page, with alert when something went
// wrong.
func (p *Pages) consentPage(c *fiber.Ctx, status int, alert string) error {
	v := p.k.NewView(c, "/me/consent")
	k, text, err := p.recordAndText(c, v)
	if err != nil {
		return p.k.ErrorPage(c, err)
	}
	if alert != "" {
		v.Alert = v.T(alert)
	}
	d := &consentPage{Given: k.Consent.Matching, Text: text, GivenVersion: k.Consent.TextVersion}
	d.Older = d.Given && d.GivenVersion != "" && d.GivenVersion != d.Text.Version
	if at := k.Consent.RecordedAt; at != nil && !at.IsZero() {
		d.RecordedAt = v.DateTime(*at)
	}
	v.Data = d
	return p.tmpl.Render(c, status, "me_consent", v)
}

// PostConsent is POST /me/consent: "give", with the text's version the
// page showed and the box ticked that says they read it, or "withdraw",
// which needs nothing more and works at once.
func (p *Pages) PostConsent(c *fiber.Ctx) error {
	decision := kit.FormText(c, "decision")
	if decision != "give" && decision != "withdraw" {
		return c.Redirect("/me/consent", fiber.StatusSeeOther)
	}
	if decision == "give" && kit.FormText(c, "confirm") == "" {
		return p.consentPage(c, fiber.StatusUnprocessableEntity, "MeConsentErrConfirm")
	}
	in := api.SetConsentJSONRequestBody{Matching: decision == "give", TextVersion: kit.FormText(c, "text_version")}
	_, err := p.k.API.SetConsentWithResponse(kit.Ctx(c), self(c), in)
	var problem *kit.Problem
	switch {
	case errors.As(err, &problem):
		return p.consentPage(c, fiber.StatusUnprocessableEntity, "MeConsentErrChanged")
	case err != nil:
		return p.k.ErrorPage(c, err)
	}
	kit.SetNotice(c, "MeNoticeConsent_"+decision, "")
	return c.Redirect("/me/consent", fiber.StatusSeeOther)
}
