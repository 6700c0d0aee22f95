// Package observer holds the pages of observer organisations: funders,
// cities and probation services that read the aggregate outcome reports
// programme organisations share with them, and never a candidate, a role,
// a shortlist or an introduction. It draws the observer's part of the
// home page: the link to the shared reports (the insights pages) and the
// organisation's own id, which a programme organisation's administrator
// types to share with it.
package observer

import (
	"embed"
	"html/template"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the observer pages' messages (the observer.* family), for
// the kit's bundle.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages are the observer organisations' pages.
type Pages struct {
	templates kit.Templates
}

// New builds the observer pages.
func New(k *kit.Kit) *Pages {
	return &Pages{templates: k.Templates(templateFiles)}
}

// HomePanel is an observer's part of the home page (a kit.Panel): it
// links to the reports programme organisations share with the observer's
// organisation, and shows the organisation's id to give them. It draws
// nothing for anyone else.
func (p *Pages) HomePanel(c *fiber.Ctx, v *kit.View) (template.HTML, error) {
	a := kit.ActorOf(c)
	if !a.IsObserver() {
		return "", nil
	}
	panel := *v
	panel.Data = homePanel{OrgID: a.OrgID}
	return p.templates.Fragment("home_panel", "observer-home", &panel)
}

// homePanel is what the observer's panel shows.
type homePanel struct {
	// OrgID is the observer's own organisation id.
	OrgID string
}
