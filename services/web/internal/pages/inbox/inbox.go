// Package inbox holds the pages every signed-in person has for their
// notifications: the inbox (what happened, newest first, each item
// leading to what it is about and marked read on the way) and the
// preferences (per kind of notification: an e-mail at once, a daily
// digest or the inbox only, the digest's hour and time zone, and, for an
// organisation's administrator, the organisation's defaults). The
// notifications service renders the messages and rules on every change;
// these pages only draw and forward.
package inbox

import (
	"embed"
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the inbox pages' messages (the inbox.* family), for the
// kit's bundle.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages are the inbox pages.
type Pages struct {
	k         *kit.Kit
	templates kit.Templates
}

// New builds the inbox pages.
func New(k *kit.Kit) *Pages {
	return &Pages{k: k, templates: k.Templates(templateFiles)}
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
