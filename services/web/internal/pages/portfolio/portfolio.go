// Package portfolio holds programme staff's pages about one candidate's
// portfolio and rights: attesting a skill, recording consent to matching
// with the consent text the candidate heard, exporting everything held
// about the candidate, erasing them, and reading the audit trail of their
// record.
//
// Every call carries the signed-in user's token, so the candidates service
// decides what they may do; these pages only explain its answers. The
// candidate's own page belongs to another package: these pages link to it
// by its address.
package portfolio

import (
	"embed"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the portfolio pages' messages (the portfolio.* family), for
// the kit's bundle.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages draws the portfolio pages. Build it with New.
type Pages struct {
	k    *kit.Kit
	tmpl kit.Templates
}

// New builds the portfolio pages on the kit.
func New(k *kit.Kit) *Pages {
	return &Pages{k: k, tmpl: k.Templates(templateFiles)}
}

// candidateID is the route's candidate id, copied out of Fiber's buffer.
func candidateID(c *fiber.Ctx) string { return strings.Clone(c.Params("id")) }

// candidateURL is the address of the candidate's own page.
func candidateURL(id string) string { return "/candidates/" + url.PathEscape(id) }

// pagePath is the address of one of a candidate's portfolio pages.
func pagePath(id, page string) string { return candidateURL(id) + "/" + page }

// render answers with one of the package's pages.
func (p *Pages) render(c *fiber.Ctx, status int, page string, v *kit.View) error {
	return p.tmpl.Render(c, status, page, v)
}

// failed answers an error no form can explain; the kit logs outages.
func (p *Pages) failed(c *fiber.Ctx, err error) error { return p.k.ErrorPage(c, err) }
