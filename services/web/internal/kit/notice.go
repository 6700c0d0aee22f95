package kit

import (
	"encoding/base64"
	"encoding/json"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// A notice is good news carried across the redirect after a form ("Skill
// attested and signed"), shown once on whichever page comes next: Render
// takes it. The cookie holds a message id and, at most, a candidate's
// alias: never a name or what anyone typed. Only ids with "Notice" in
// them are shown, so a planted cookie cannot put an arbitrary message on a
// page. It is HttpOnly and lives two minutes.
const (
	noticeCookie = "onward_notice"
	noticeTTL    = 2 * time.Minute
)

// noticeTaken marks, in a request's locals, that its notice was taken: the
// cookie stays in the request after it is cleared for the browser.
type noticeTaken struct{}

type notice struct {
	ID    string `json:"i"`
	Alias string `json:"a,omitempty"`
}

// SetNotice leaves the message id, with alias as its "Name", for the next
// page. id must contain "Notice".
func SetNotice(c *fiber.Ctx, id, alias string) {
	buf, _ := json.Marshal(notice{ID: id, Alias: alias})
	c.Cookie(&fiber.Cookie{
		Name: noticeCookie, Value: base64.RawURLEncoding.EncodeToString(buf), Path: "/",
		HTTPOnly: true, Secure: SecureCookies(c), SameSite: fiber.CookieSameSiteStrictMode,
		MaxAge: int(noticeTTL.Seconds()), Expires: time.Now().Add(noticeTTL),
	})
}

// TakeNotice returns the pending notice in v's language, or "", and
// deletes it: for a page that shows it beside what it is about rather than
// above the page, where Render would put it.
func (k *Kit) TakeNotice(c *fiber.Ctx, v *View) string { return k.takeNotice(c, v.Localizer) }

// takeNotice returns the pending notice in l's language, or "", and
// deletes it.
func (k *Kit) takeNotice(c *fiber.Ctx, l Localizer) string {
	raw := c.Cookies(noticeCookie)
	if raw == "" || c.Locals(noticeTaken{}) != nil {
		return ""
	}
	c.Locals(noticeTaken{}, true)
	c.Cookie(&fiber.Cookie{
		Name: noticeCookie, Path: "/", HTTPOnly: true, Secure: SecureCookies(c),
		SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Unix(0, 0),
	})
	buf, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return ""
	}
	var n notice
	if json.Unmarshal(buf, &n) != nil || !strings.Contains(n.ID, "Notice") || len(n.Alias) > 80 {
		return ""
	}
	if msg := l.T(n.ID, "Name", n.Alias); msg != n.ID {
		return msg
	}
	return ""
}
