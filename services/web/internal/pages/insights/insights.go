// Package insights holds the outcome and fairness report pages: the
// report (/insights) for a programme organisation's administrators (their
// organisation), platform administrators (the platform, or any
// organisation) and observers (the organisations that share with them),
// with its charts drawn on the server as SVG, the tables behind them, the
// medians, the fairness comparison and a CSV download passed through from
// the API; and the sharing page (/insights/sharing), where a programme
// organisation's administrators share the reports with observers and stop
// sharing.
//
// The insights service counts, suppresses small numbers and compares
// groups; these pages only name the groups, draw and forward. Nothing on
// them is worked out from a hidden count.
package insights

import (
	"embed"
	"errors"
	"html/template"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the report pages' messages (the insights.* family), for
// the kit's bundle.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages are the report pages.
type Pages struct {
	k         *kit.Kit
	templates kit.Templates
}

// New builds the report pages.
func New(k *kit.Kit) *Pages {
	return &Pages{k: k, templates: k.Templates(templateFiles)}
}

// Readers lets through those who read outcome reports: a programme
// organisation's administrators, platform administrators and observers.
// Employers and a programme's other staff get the forbidden page, as the
// insights service would answer them.
func Readers(a kit.Actor) bool {
	return a.IsAdmin() || programmeAdmin(a) || a.IsObserver()
}

// Sharers lets through a programme organisation's administrators, who
// alone share its reports with observers.
func Sharers(a kit.Actor) bool { return programmeAdmin(a) }

func programmeAdmin(a kit.Actor) bool { return a.IsProgrammeStaff() && a.IsOrgAdmin() }

// HomePanel is the reports' part of the home page (a kit.Panel) for a
// programme organisation's administrators and platform administrators: a
// link to the report and, for a programme organisation, to its sharing.
// Observers find the link on their own panel; nobody else gets one.
func (p *Pages) HomePanel(c *fiber.Ctx, v *kit.View) (template.HTML, error) {
	a := kit.ActorOf(c)
	if !a.IsAdmin() && !programmeAdmin(a) {
		return "", nil
	}
	panel := *v
	panel.Data = homePanel{Sharing: programmeAdmin(a)}
	return p.templates.Fragment("home_panel", "insights-home", &panel)
}

// homePanel is what the home panel shows.
type homePanel struct {
	// Sharing links to the sharing page.
	Sharing bool
}

// failed answers an error no form can explain: a session the gateway no
// longer accepts goes to the sign-in page, anything else to the error
// page, which logs outages.
func (p *Pages) failed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.Unauthenticated) {
		p.k.ClearSessionCookie(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	return p.k.ErrorPage(c, err)
}
