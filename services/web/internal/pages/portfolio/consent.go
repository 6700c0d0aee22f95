package portfolio

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The consent page shows whether the candidate lets matching use their
// profile, explains in plain words what that shares, and records a new
// decision with the version of the explanation shown. Withdrawing takes
// one tap and takes effect at once; giving consent asks the staff member
// to confirm the candidate heard the explanation.

// consentPage is what the consent template shows.
type consentPage struct {
	Candidate candidateView
	Action    string
	// RecordedBy and RecordedAt describe the current decision, if any.
	RecordedBy string
	RecordedAt string
	// Text is the current consent text (consent_text.go).
	Text kit.ConsentText
	// OlderText says the current consent was given under an earlier
	// text, which Given shows when it is still published.
	OlderText bool
	Given     *kit.ConsentText
}

// ConsentForm is GET /candidates/:id/consent.
func (p *Pages) ConsentForm(c *fiber.Ctx) error {
	id := candidateID(c)
	v := p.k.NewView(c, pagePath(id, "consent"))
	d, err := p.consentPage(c, v, id)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = d
	return p.render(c, fiber.StatusOK, "portfolio_consent", v)
}

// PostConsent is POST /candidates/:id/consent: "give" (with the
// confirmation ticked) or "withdraw".
func (p *Pages) PostConsent(c *fiber.Ctx) error {
	id := candidateID(c)
	v := p.k.NewView(c, pagePath(id, "consent"))
	decision := kit.FormText(c, "decision")
	if decision != "give" && decision != "withdraw" {
		return c.Redirect(pagePath(id, "consent"), fiber.StatusSeeOther)
	}
	if decision == "give" && kit.FormText(c, "confirm") == "" {
		v.AddError("confirm", v.T("PortfolioErrConsentConfirm"))
		v.Alert = v.T("ErrCheckFields")
		return p.consentAgain(c, v, id)
	}
	in := api.SetConsentJSONRequestBody{Matching: decision == "give", TextVersion: kit.FormText(c, "text_version")}
	_, err := p.k.API.SetConsentWithResponse(kit.Ctx(c), id, in)
	var problem *kit.Problem
	switch {
	case errors.As(err, &problem):
		// Only a changed consent text can be refused; say so above the form.
		v.Alert = v.T("PortfolioConsentRefused")
		return p.consentAgain(c, v, id)
	case err != nil:
		return p.failed(c, err)
	}
	notice := "PortfolioNoticeConsentWithdrawn"
	if decision == "give" {
		notice = "PortfolioNoticeConsentGiven"
	}
	kit.SetNotice(c, notice, "")
	return c.Redirect(pagePath(id, "consent"), fiber.StatusSeeOther)
}

// consentAgain shows the consent page again with what v says is wrong.
func (p *Pages) consentAgain(c *fiber.Ctx, v *kit.View, id string) error {
	d, err := p.consentPage(c, v, id)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = d
	return p.render(c, fiber.StatusUnprocessableEntity, "portfolio_consent", v)
}

// consentPage loads the candidate and the consent texts for the page.
func (p *Pages) consentPage(c *fiber.Ctx, v *kit.View, id string) (*consentPage, error) {
	cand, err := p.loadCandidate(c, id, purposeCaseWork)
	if err != nil {
		return nil, err
	}
	texts, err := p.k.ConsentTexts(c)
	if err != nil {
		return nil, err
	}
	d := &consentPage{Candidate: cand, Action: pagePath(id, "consent"), Text: texts.CurrentIn(v, cand.Alias)}
	consent := cand.Consent
	if at := consent.RecordedAt; at != nil && !at.IsZero() {
		d.RecordedAt = v.DateTime(*at)
		d.RecordedBy = p.userNames(c, []string{consent.RecordedBy})[consent.RecordedBy]
	}
	// The service says whether the text is current; a text it does not
	// call current is older only when it is not the one published now.
	d.OlderText = consent.Matching && consent.TextVersion != "" && !consent.TextCurrent && consent.TextVersion != texts.Current
	if old, ok := texts.ByVersion(consent.TextVersion); d.OlderText && ok {
		t := kit.ConsentTextIn(old, v, cand.Alias)
		d.Given = &t
	}
	return d, nil
}
