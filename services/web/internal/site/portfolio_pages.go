package site

import (
	"errors"
	"net/url"
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// portfolioPages are the staff pages that change a candidate's portfolio
// and rights: attest a skill, record consent, export, erase, and read the
// audit trail. Every call carries the signed-in user's token, so the
// candidates service decides what they may do; these pages only explain
// its answers.
type portfolioPages struct {
	*site
	api *portfolioClient
}

// mountPortfolioPages adds the portfolio routes behind the staff pages'
// guards: programme staff for all, the organisation's administrator for
// erasure and the audit trail.
func (s *site) mountPortfolioPages(app *fiber.App) {
	p := &portfolioPages{site: s, api: newPortfolioClient(s.candidates)}
	staff := []fiber.Handler{s.csrf, s.requireSession, s.programmeStaffOnly}
	admin := portfolioChain(staff, s.programmeAdminOnly)
	app.Get("/candidates/:id/attest", portfolioChain(staff, p.attestForm)...)
	app.Post("/candidates/:id/attest", portfolioChain(staff, p.postAttest)...)
	app.Get("/candidates/:id/consent", portfolioChain(staff, p.consentForm)...)
	app.Post("/candidates/:id/consent", portfolioChain(staff, p.postConsent)...)
	app.Get("/candidates/:id/export", portfolioChain(staff, p.exportForm)...)
	app.Post("/candidates/:id/export", portfolioChain(staff, p.postExport)...)
	app.Get("/candidates/:id/erase", portfolioChain(admin, p.eraseForm)...)
	app.Post("/candidates/:id/erase", portfolioChain(admin, p.postErase)...)
	app.Get("/candidates/:id/audit", portfolioChain(admin, p.auditTrail)...)
}

// portfolioChain is chain followed by h, leaving chain as it was.
func portfolioChain(chain []fiber.Handler, h fiber.Handler) []fiber.Handler {
	return append(slices.Clone(chain), h)
}

// portfolioCandidateID is the route's candidate id, copied out of Fiber's buffer.
func portfolioCandidateID(c *fiber.Ctx) string { return strings.Clone(c.Params("id")) }

// portfolioCandidateURL is the address of the candidate's own page.
func portfolioCandidateURL(id string) string { return "/candidates/" + url.PathEscape(id) }

// portfolioPath is the address of one of a candidate's portfolio pages.
func portfolioPath(id, page string) string { return portfolioCandidateURL(id) + "/" + page }

// loadCandidate reads the candidate a page is about, for its name, alias
// and consent, naming why.
func (p *portfolioPages) loadCandidate(c *fiber.Ctx, id, purpose string) (portfolioCandidate, error) {
	cand, err := p.api.candidate(c.UserContext(), accessToken(c), id, purpose)
	if cand.ID == "" {
		cand.ID = id
	}
	return cand, err
}

// failed answers an error no form can explain, logging a failed call.
func (p *portfolioPages) failed(c *fiber.Ctx, err error) error {
	if !portfolioClientError(err) {
		p.logServiceFailure(c, "candidates", err)
	}
	return p.errorPage(c, err)
}

// portfolioClientError reports errors that are the user's lot, not an outage.
func portfolioClientError(err error) bool {
	return errors.Is(err, errs.NotFound) || errors.Is(err, errs.Forbidden)
}
