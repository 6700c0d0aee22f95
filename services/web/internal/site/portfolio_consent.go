package site

import (
	"errors"

	"github.com/gofiber/fiber/v2"
)

// The consent page shows whether the candidate lets matching use their
// profile, explains in plain words what that shares, and records a new
// decision with the version of the explanation shown. Withdrawing takes
// one tap and takes effect at once; giving consent asks the staff member
// to confirm the candidate heard the explanation.

// portfolioConsentPage is what the consent template shows.
type portfolioConsentPage struct {
	Candidate portfolioCandidate
	Action    string
	// RecordedBy and RecordedAt describe the current decision, if any.
	RecordedBy string
	RecordedAt string
	// Text is the current consent text (portfolio_consent_text.go).
	Text consentTextView
	// OlderText says the current consent was given under an earlier
	// text, which Given shows when it is still published.
	OlderText bool
	Given     *consentTextView
}

// consentForm is GET /candidates/:id/consent.
func (p *portfolioPages) consentForm(c *fiber.Ctx) error {
	id := portfolioCandidateID(c)
	v := p.newView(c, portfolioPath(id, "consent"))
	d, err := p.consentPage(c, v, id)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = d
	return p.render(c, fiber.StatusOK, "portfolio_consent", v)
}

// postConsent is POST /candidates/:id/consent: "give" (with the
// confirmation ticked) or "withdraw".
func (p *portfolioPages) postConsent(c *fiber.Ctx) error {
	id := portfolioCandidateID(c)
	v := p.newView(c, portfolioPath(id, "consent"))
	decision := formText(c, "decision")
	if decision != "give" && decision != "withdraw" {
		return c.Redirect(portfolioPath(id, "consent"), fiber.StatusSeeOther)
	}
	if decision == "give" && formText(c, "confirm") == "" {
		d, err := p.consentPage(c, v, id)
		if err != nil {
			return p.failed(c, err)
		}
		v.Data = d
		v.addError("confirm", v.T("PortfolioErrConsentConfirm"))
		v.Alert = v.T("ErrCheckFields")
		return p.render(c, fiber.StatusUnprocessableEntity, "portfolio_consent", v)
	}
	err := p.api.setConsent(c.UserContext(), accessToken(c), id, decision == "give", formText(c, "text_version"))
	var problem *apiProblem
	switch {
	case errors.As(err, &problem):
		// Only a changed consent text can be refused; say so above the form.
		d, lerr := p.consentPage(c, v, id)
		if lerr != nil {
			return p.failed(c, lerr)
		}
		v.Data = d
		v.Alert = v.T("PortfolioConsentRefused")
		return p.render(c, fiber.StatusUnprocessableEntity, "portfolio_consent", v)
	case err != nil:
		return p.failed(c, err)
	}
	msg := "PortfolioNoticeConsentWithdrawn"
	if decision == "give" {
		msg = "PortfolioNoticeConsentGiven"
	}
	setPortfolioNotice(c, msg, "")
	return c.Redirect(portfolioPath(id, "consent"), fiber.StatusSeeOther)
}

func (p *portfolioPages) consentPage(c *fiber.Ctx, v *view, id string) (*portfolioConsentPage, error) {
	cand, err := p.loadCandidate(c, id, portfolioPurposeCaseWork)
	if err != nil {
		return nil, err
	}
	text, texts, err := p.currentConsentText(c, v, cand.Alias)
	if err != nil {
		return nil, err
	}
	d := &portfolioConsentPage{Candidate: cand, Action: portfolioPath(id, "consent"), Text: text}
	if at := cand.Consent.RecordedAt; at != nil && !at.IsZero() {
		d.RecordedAt = v.DateTime(*at)
		d.RecordedBy = p.userNames(c, []string{cand.Consent.RecordedBy})[cand.Consent.RecordedBy]
	}
	given := cand.Consent.TextVersion
	switch {
	case !cand.Consent.Matching || given == "":
	case cand.Consent.TextCurrent != nil:
		d.OlderText = !*cand.Consent.TextCurrent
	default:
		d.OlderText = given != texts.Current
	}
	if old, ok := texts.byVersion(given); d.OlderText && ok {
		t := consentTextIn(old, v.Lang, cand.Alias)
		d.Given = &t
	}
	return d, nil
}

// userNames names the given user ids: the people of the signed-in
// user's organisation by name, anyone else (or an account that no longer
// exists) by id.
func (p *portfolioPages) userNames(c *fiber.Ctx, ids []string) map[string]string {
	names := make(map[string]string, len(ids))
	cache := map[string]string{}
	for _, id := range ids {
		if _, done := names[id]; done || id == "" {
			continue
		}
		names[id] = id
		if name := p.colleagueName(c, cache, id); name != "" {
			names[id] = name
		}
	}
	return names
}
