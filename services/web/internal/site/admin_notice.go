package site

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"
)

// An admin notice carries the result of an action on the organisation
// page across the redirect that follows it, and is shown once. It names
// the invitation or person by id, never by name or address, which the
// page reads again. A re-issued invitation's link travels only this way:
// the gateway keeps just its hash, so it can never be shown again. The
// cookie is HttpOnly, limited to the organisation page's own address and
// lives two minutes.
const (
	adminNoticeCookie = "onward_admin_notice"
	adminNoticeTTL    = 2 * time.Minute
)

// Kinds of admin notice.
const (
	adminInvited     = "invited"
	adminReissued    = "reissued"
	adminRevoked     = "revoked"
	adminDeactivated = "deactivated"
	adminReactivated = "reactivated"
)

type adminNotice struct {
	Kind    string `json:"k"`
	Subject string `json:"s"`
	Link    string `json:"l,omitempty"`
}

func setAdminNotice(c *fiber.Ctx, path string, n adminNotice) {
	buf, _ := json.Marshal(n)
	c.Cookie(&fiber.Cookie{
		Name: adminNoticeCookie, Value: base64.RawURLEncoding.EncodeToString(buf), Path: path,
		HTTPOnly: true, Secure: c.Protocol() == "https", SameSite: fiber.CookieSameSiteStrictMode,
		MaxAge: int(adminNoticeTTL.Seconds()), Expires: time.Now().Add(adminNoticeTTL),
	})
}

// takeAdminNotice returns the pending notice for the page at path, if
// any, and deletes it.
func takeAdminNotice(c *fiber.Ctx, path string) *adminNotice {
	raw := c.Cookies(adminNoticeCookie)
	if raw == "" {
		return nil
	}
	c.Cookie(&fiber.Cookie{
		Name: adminNoticeCookie, Path: path, HTTPOnly: true, Secure: c.Protocol() == "https",
		SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Unix(0, 0),
	})
	buf, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil
	}
	var n adminNotice
	if json.Unmarshal(buf, &n) != nil {
		return nil
	}
	return &n
}
