package site

import (
	"encoding/base64"
	"encoding/json"
	"time"

	"github.com/gofiber/fiber/v2"
)

// A notice is good news carried across the redirect after a candidate
// form ("Skill attested and signed"), shown once on whichever candidate
// page comes next: render takes it. The cookie holds a message id from
// a closed list and, at most, a candidate's alias: never a name or what
// anyone typed. It is HttpOnly, limited to /candidates and lives two
// minutes.
const (
	portfolioNoticeCookie = "onward_notice"
	portfolioNoticePath   = "/candidates"
	portfolioNoticeTTL    = 2 * time.Minute
)

// portfolioNoticeMessages are the notices a candidate page may show.
var portfolioNoticeMessages = map[string]bool{
	"PortfolioNoticeAttested":         true,
	"PortfolioNoticeConsentGiven":     true,
	"PortfolioNoticeConsentWithdrawn": true,
	"PortfolioNoticeErased":           true,
}

type portfolioNotice struct {
	ID    string `json:"i"`
	Alias string `json:"a,omitempty"`
}

// setPortfolioNotice leaves a notice for the next candidate page.
func setPortfolioNotice(c *fiber.Ctx, id, alias string) {
	buf, _ := json.Marshal(portfolioNotice{ID: id, Alias: alias})
	c.Cookie(&fiber.Cookie{
		Name: portfolioNoticeCookie, Value: base64.RawURLEncoding.EncodeToString(buf), Path: portfolioNoticePath,
		HTTPOnly: true, Secure: c.Protocol() == "https", SameSite: fiber.CookieSameSiteStrictMode,
		MaxAge: int(portfolioNoticeTTL.Seconds()), Expires: time.Now().Add(portfolioNoticeTTL),
	})
}

// takePortfolioNotice returns the pending notice in l's language, or "", and
// deletes it.
func takePortfolioNotice(c *fiber.Ctx, l localizer) string {
	raw := c.Cookies(portfolioNoticeCookie)
	if raw == "" {
		return ""
	}
	c.Cookie(&fiber.Cookie{
		Name: portfolioNoticeCookie, Path: portfolioNoticePath, HTTPOnly: true, Secure: c.Protocol() == "https",
		SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Unix(0, 0),
	})
	buf, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return ""
	}
	var n portfolioNotice
	if json.Unmarshal(buf, &n) != nil || !portfolioNoticeMessages[n.ID] {
		return ""
	}
	return l.T(n.ID, "Name", n.Alias)
}
