package site

import (
	"strings"

	"github.com/gofiber/fiber/v2"
)

// A candidate's data rights: an export of everything held about them, and
// erasure. Both start from a confirmation page and go ahead only on a
// POST with the form's CSRF token, so no link or prefetch can trigger
// them.

// portfolioExportFilename is used when the service names no file.
const portfolioExportFilename = `attachment; filename="onward-candidate.json"`

// portfolioRightsPage is what the export and erase templates show.
type portfolioRightsPage struct {
	Candidate portfolioCandidate
	Action    string
}

// exportForm is GET /candidates/:id/export: what the file holds, and the
// button that downloads it.
func (p *portfolioPages) exportForm(c *fiber.Ctx) error {
	return p.rightsForm(c, "export", portfolioPurposeDataRequest)
}

// postExport is POST /candidates/:id/export: the service's JSON, passed
// through as a download under the service's file name.
func (p *portfolioPages) postExport(c *fiber.Ctx) error {
	id := portfolioCandidateID(c)
	resp, err := p.api.openExport(c.UserContext(), accessToken(c), id)
	if err != nil {
		return p.failed(c, err)
	}
	disposition := resp.Header.Get(fiber.HeaderContentDisposition)
	if !strings.HasPrefix(disposition, "attachment") {
		disposition = portfolioExportFilename
	}
	c.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSONCharsetUTF8)
	c.Set(fiber.HeaderContentDisposition, disposition)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderXContentTypeOptions, "nosniff")
	// Fiber reads the body after the handler returns and closes it.
	return c.SendStream(resp.Body, int(resp.ContentLength))
}

// eraseForm is GET /candidates/:id/erase: what erasure does, and the
// alias to type to confirm it.
func (p *portfolioPages) eraseForm(c *fiber.Ctx) error {
	return p.rightsForm(c, "erase", portfolioPurposeDataRequest)
}

// postErase is POST /candidates/:id/erase. The typed alias must be the
// candidate's; otherwise nothing is deleted and the form says why.
func (p *portfolioPages) postErase(c *fiber.Ctx) error {
	id := portfolioCandidateID(c)
	v := p.newView(c, portfolioPath(id, "erase"))
	formValues(c, v, "alias")
	cand, err := p.loadCandidate(c, id, portfolioPurposeDataRequest)
	if err != nil {
		return p.failed(c, err)
	}
	if !strings.EqualFold(v.Val("alias"), cand.Alias) || cand.Alias == "" {
		v.Data = &portfolioRightsPage{Candidate: cand, Action: portfolioPath(id, "erase")}
		v.addError("alias", v.T("PortfolioErrAlias"))
		v.Alert = v.T("PortfolioEraseNothingDeleted")
		return p.render(c, fiber.StatusUnprocessableEntity, "portfolio_erase", v)
	}
	if err := p.api.erase(c.UserContext(), accessToken(c), id); err != nil {
		return p.failed(c, err)
	}
	setPortfolioNotice(c, "PortfolioNoticeErased", cand.Alias)
	return c.Redirect("/candidates", fiber.StatusSeeOther)
}

// rightsForm shows the export or erase confirmation page.
func (p *portfolioPages) rightsForm(c *fiber.Ctx, page, purpose string) error {
	id := portfolioCandidateID(c)
	v := p.newView(c, portfolioPath(id, page))
	cand, err := p.loadCandidate(c, id, purpose)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = &portfolioRightsPage{Candidate: cand, Action: portfolioPath(id, page)}
	return p.render(c, fiber.StatusOK, "portfolio_"+page, v)
}
