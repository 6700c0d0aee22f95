// Package admin holds the administrators' pages. A platform administrator
// lists and searches the organisations, opens any of them, and adds new
// ones from the home page; an organisation's own administrator opens
// theirs at /organisation. Both see the same organisation page: its
// people, active and deactivated, and its open invitations, which they may
// re-issue or revoke, and people they may deactivate or reactivate, make
// an administrator or a team member, or remove. The gateway rules on
// every call; these pages only choose what to offer and explain its
// answers.
package admin

import (
	"embed"
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the administration pages' messages (the admin.* family),
// for the kit's bundle.
//
//go:embed locales/*.json
var Locales embed.FS

// HomeRenderer draws the home page, which another package owns, with v's
// form, field errors and alert, answering with status. The route table
// supplies it, so this package can show its home-page form again after a
// refusal without importing the package that draws the page.
type HomeRenderer func(c *fiber.Ctx, v *kit.View, status int) error

// Pages are the administration pages.
type Pages struct {
	k         *kit.Kit
	templates kit.Templates
	home      HomeRenderer
}

// New builds the administration pages; home draws the home page again when
// the form to add an organisation is refused.
func New(k *kit.Kit, home HomeRenderer) *Pages {
	return &Pages{k: k, templates: k.Templates(templateFiles), home: home}
}

// invitationDays is how long an invitation link works, as the gateway
// issues it; the pages tell the inviter.
const invitationDays = 7

// render answers with one of this package's pages.
func (p *Pages) render(c *fiber.Ctx, status int, page string, v *kit.View) error {
	return p.templates.Render(c, status, page, v)
}

// failed answers an error no form can explain: a session the gateway no
// longer accepts (the account was deactivated) goes to the sign-in page,
// anything else to the error page, which logs outages.
func (p *Pages) failed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.Unauthenticated) {
		p.k.ClearSessionCookie(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	return p.k.ErrorPage(c, err)
}

// calendarDate writes a moment as a calendar date (2026-12-06), which
// reads the same in every language and serves as its machine form too.
func calendarDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}

// optionalDate is calendarDate for a moment the API may leave out.
func optionalDate(t *time.Time) string {
	if t == nil {
		return ""
	}
	return calendarDate(*t)
}
