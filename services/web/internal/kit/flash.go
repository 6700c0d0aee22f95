package kit

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"
)

// A flash carries the result of a home-page form across the redirect that
// follows the POST, and is shown once. An invitation link is shown only
// this way: the gateway stores just its hash, so it can never be shown
// again. The cookie is HttpOnly, limited to /home and lives two minutes.
const (
	flashCookie = "onward_flash"
	flashPath   = "/home"
	flashTTL    = 2 * time.Minute
)

// Kinds of flash.
const (
	FlashOrganisation = "organisation"
	FlashInvitation   = "invitation"
	// FlashRoleStatus, FlashRoleConflict and FlashRoleSaved report a role's
	// quick action, a refused one, and a saved role form.
	FlashRoleStatus   = "role_status"
	FlashRoleConflict = "role_conflict"
	FlashRoleSaved    = "role_saved"
	FlashProfileSaved = "profile_saved"
)

// Flash is the result of the last form on the home page.
type Flash struct {
	Kind    string `json:"k"`
	OrgID   string `json:"oi,omitempty"`
	OrgName string `json:"on,omitempty"`
	OrgKind string `json:"ok,omitempty"`
	Email   string `json:"e,omitempty"`
	Role    string `json:"r,omitempty"`
	Link    string `json:"l,omitempty"`
	// RoleTitle, Status and Allowed describe a role's status change.
	RoleTitle string   `json:"rt,omitempty"`
	Status    string   `json:"st,omitempty"`
	Allowed   []string `json:"al,omitempty"`
	// Notes counts the wording check's notes on a saved role.
	Notes int `json:"n,omitempty"`
}

// SetFlash leaves f for the home page, which shows it once.
func SetFlash(c *fiber.Ctx, f *Flash) {
	buf, _ := json.Marshal(f)
	c.Cookie(&fiber.Cookie{
		Name: flashCookie, Value: base64.RawURLEncoding.EncodeToString(buf), Path: flashPath,
		HTTPOnly: true, Secure: SecureCookies(c), SameSite: fiber.CookieSameSiteStrictMode,
		MaxAge: int(flashTTL.Seconds()), Expires: time.Now().Add(flashTTL),
	})
}

// TakeFlash returns the pending flash, if any, and deletes it.
func TakeFlash(c *fiber.Ctx) *Flash {
	raw := c.Cookies(flashCookie)
	if raw == "" {
		return nil
	}
	c.Cookie(&fiber.Cookie{
		Name: flashCookie, Path: flashPath, HTTPOnly: true, Secure: SecureCookies(c),
		SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Unix(0, 0),
	})
	buf, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil
	}
	var f Flash
	if json.Unmarshal(buf, &f) != nil {
		return nil
	}
	return &f
}
