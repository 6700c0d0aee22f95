package admin

import (
	"encoding/base64"
	"encoding/json"
	"time"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// A notice carries the result of an action on the organisation page across
// the redirect that follows it, and is shown once. It names the invitation
// or person by id, which the page reads again, never by address. The one
// exception is the name of a person just removed: their account is gone,
// so the page can no longer read it, and the notice carries it, only as
// far as the administrator's own browser, which has just shown it. A new
// invitation's link travels only this way: the gateway keeps just its
// hash, so it can never be shown again. The cookie is HttpOnly, limited to
// the organisation page's own address and lives two minutes. (The kit's
// notice carries only a message id, not a link.)
const (
	noticeCookie = "onward_admin_notice"
	noticeTTL    = 2 * time.Minute
)

// Kinds of notice about invitations; a change to a person is named by its
// action (memberActions).
const (
	invited  = "invited"
	reissued = "reissued"
	revoked  = "revoked"
)

// maxNoticeName is the longest name a notice shows, as the gateway allows
// it: a longer one was not written by this package.
const maxNoticeName = 100

type notice struct {
	Kind    string `json:"k"`
	Subject string `json:"s"`
	Link    string `json:"l,omitempty"`
	// Name is a removed person's name (memberAction.leaves).
	Name string `json:"n,omitempty"`
}

// setNotice leaves n for the organisation page at path.
func setNotice(c *fiber.Ctx, path string, n notice) {
	buf, _ := json.Marshal(n)
	c.Cookie(&fiber.Cookie{
		Name: noticeCookie, Value: base64.RawURLEncoding.EncodeToString(buf), Path: path,
		HTTPOnly: true, Secure: kit.SecureCookies(c), SameSite: fiber.CookieSameSiteStrictMode,
		MaxAge: int(noticeTTL.Seconds()), Expires: time.Now().Add(noticeTTL),
	})
}

// takeNotice returns the pending notice for the page at path, if any, and
// deletes it.
func takeNotice(c *fiber.Ctx, path string) *notice {
	raw := c.Cookies(noticeCookie)
	if raw == "" {
		return nil
	}
	c.Cookie(&fiber.Cookie{
		Name: noticeCookie, Path: path, HTTPOnly: true, Secure: kit.SecureCookies(c),
		SameSite: fiber.CookieSameSiteStrictMode, Expires: time.Unix(0, 0),
	})
	buf, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil
	}
	var n notice
	if json.Unmarshal(buf, &n) != nil {
		return nil
	}
	return &n
}

// showNotice shows the last action's result, naming the invitation or
// person from the page just read.
func showNotice(v *kit.View, d *orgData, n *notice) {
	switch n.Kind {
	case reissued, invited:
		if inv, ok := d.invitation(n.Subject); ok && n.Link != "" {
			d.Reissued = &newLink{Email: inv.Email, Role: inv.Role, Link: n.Link}
			d.Fresh = n.Kind == invited
		}
	case revoked:
		v.Notice = v.T("AdminNoticeRevoked")
	case noticeVerified, noticeSuspended, noticeReinstated:
		v.Notice = v.T(vettingNotices[n.Kind], "Name", d.Name)
	default:
		showMemberNotice(v, d, n)
	}
}

// showMemberNotice shows the result of a change to a person, named from
// the page just read or, once removed, from the notice.
func showMemberNotice(v *kit.View, d *orgData, n *notice) {
	a, known := memberActions[n.Kind]
	if !known {
		return
	}
	switch m, ok := d.member(n.Subject); {
	case ok:
		v.Notice = v.T(a.notice, "Name", m.Name)
	case a.leaves && n.Name != "" && utf8.RuneCountInString(n.Name) <= maxNoticeName:
		v.Notice = v.T(a.notice, "Name", n.Name)
	}
}
