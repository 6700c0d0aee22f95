package kit

import (
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// SwitchLanguage answers GET /lang/:code: it remembers the chosen language
// for a year and returns to the page the switcher was on. A signed-in
// user's account takes the language too (PATCH /api/v1/me), so their
// e-mails follow; that is best effort and never stops the switch.
func (k *Kit) SwitchLanguage(c *fiber.Ctx) error {
	code, ok := supported(c.Params("code"))
	if !ok {
		return c.Next()
	}
	k.rememberLanguage(c, code)
	k.SetCookie(c, langCookie, code, 365*24*time.Hour, fiber.CookieSameSiteLaxMode)
	return c.Redirect(LocalPath(c.Query("next")), fiber.StatusSeeOther)
}

// LocalPath returns next if it is a path on this site, else "/": a
// redirect to it must not become an open redirect to "//evil.example" or
// "/\evil.example".
func LocalPath(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.ContainsAny(next, "\\\r\n\t") {
		return "/"
	}
	u, err := url.Parse(next)
	if err != nil || u.Scheme != "" || u.Host != "" || u.User != nil {
		return "/"
	}
	return next
}

// Assets answers GET /assets/:name with an embedded asset, compressed as
// the browser accepts.
func (k *Kit) Assets(c *fiber.Ctx) error { return k.assets.serve(c) }
