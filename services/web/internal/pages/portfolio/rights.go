package portfolio

import (
	"context"
	"net/http"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// A candidate's data rights: an export of everything held about them, and
// erasure. Both start from a confirmation page and go ahead only on a
// POST with the form's CSRF token, so no link or prefetch can trigger
// them.

// exportFile is the file name when the service names none.
const exportFile = "onward-candidate.json"

// rightsPage is what the export and erase templates show.
type rightsPage struct {
	Candidate candidateView
	Action    string
}

// ExportForm is GET /candidates/:id/export: what the file holds, and the
// button that downloads it.
func (p *Pages) ExportForm(c *fiber.Ctx) error {
	return p.rightsForm(c, "export", purposeDataRequest)
}

// PostExport is POST /candidates/:id/export: the service's JSON, passed
// through as a download under the service's file name.
func (p *Pages) PostExport(c *fiber.Ctx) error {
	resp, err := p.k.RawAPI.ExportCandidate(kit.Ctx(c), candidateID(c), acceptJSON)
	if err != nil {
		return p.failed(c, err)
	}
	return kit.SendFile(c, resp, fiber.MIMEApplicationJSONCharsetUTF8, exportFile)
}

// acceptJSON asks for the export as JSON.
var acceptJSON api.RequestEditorFn = func(_ context.Context, req *http.Request) error {
	req.Header.Set(fiber.HeaderAccept, fiber.MIMEApplicationJSON)
	return nil
}

// EraseForm is GET /candidates/:id/erase: what erasure does, and the
// alias to type to confirm it.
func (p *Pages) EraseForm(c *fiber.Ctx) error {
	return p.rightsForm(c, "erase", purposeDataRequest)
}

// PostErase is POST /candidates/:id/erase. The typed alias must be the
// candidate's; otherwise nothing is deleted and the form says why.
func (p *Pages) PostErase(c *fiber.Ctx) error {
	id := candidateID(c)
	v := p.k.NewView(c, pagePath(id, "erase"))
	kit.FormValues(c, v, "alias")
	cand, err := p.loadCandidate(c, id, purposeDataRequest)
	if err != nil {
		return p.failed(c, err)
	}
	if !strings.EqualFold(v.Val("alias"), cand.Alias) || cand.Alias == "" {
		v.Data = &rightsPage{Candidate: cand, Action: pagePath(id, "erase")}
		v.AddError("alias", v.T("PortfolioErrAlias"))
		v.Alert = v.T("PortfolioEraseNothingDeleted")
		return p.render(c, fiber.StatusUnprocessableEntity, "portfolio_erase", v)
	}
	if _, err := p.k.API.EraseCandidateWithResponse(kit.Ctx(c), id); err != nil {
		return p.failed(c, err)
	}
	kit.SetNotice(c, "PortfolioNoticeErased", cand.Alias)
	return c.Redirect("/candidates", fiber.StatusSeeOther)
}

// rightsForm shows the export or erase confirmation page.
func (p *Pages) rightsForm(c *fiber.Ctx, page, purpose string) error {
	id := candidateID(c)
	v := p.k.NewView(c, pagePath(id, page))
	cand, err := p.loadCandidate(c, id, purpose)
	if err != nil {
		return p.failed(c, err)
	}
	v.Data = &rightsPage{Candidate: cand, Action: pagePath(id, page)}
	return p.render(c, fiber.StatusOK, "portfolio_"+page, v)
}
