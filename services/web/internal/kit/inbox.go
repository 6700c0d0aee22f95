package kit

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
)

// badgeTimeout bounds the one call for the header's unread count: the
// page must not wait for a slow notifications service, and shows the
// inbox link without a count instead.
const badgeTimeout = 2 * time.Second

// inboxBadge is the header's link to the inbox: shown on every signed-in
// page, with the unread count when it could be read.
type inboxBadge struct {
	Known  bool
	Unread int
}

// SetUnread gives the page the unread count it has read already (the
// inbox reads it with the list), so drawing the header asks no more.
func (v *View) SetUnread(n int) { v.badge = &inboxBadge{Known: true, Unread: n} }

// Inbox is the header's inbox link: whether the count is known, and the
// count. Render fills it in for signed-in pages.
func (v *View) Inbox() inboxBadge {
	if v.badge == nil {
		return inboxBadge{}
	}
	return *v.badge
}

// fillBadge reads the unread count for a signed-in page, once, with a
// short deadline. Any failure (the notifications service is down or not
// deployed) leaves the count unknown: the link is shown without it and
// the page is drawn as usual. A page peeking at the session (no token)
// shows the link without asking.
func (k *Kit) fillBadge(c *fiber.Ctx, v *View) {
	if !v.SignedIn || v.badge != nil {
		return
	}
	v.badge = &inboxBadge{}
	if AccessToken(c) == "" {
		return
	}
	ctx, cancel := context.WithTimeout(Ctx(c), badgeTimeout)
	defer cancel()
	resp, err := k.API.CountUnreadNotificationsWithResponse(ctx)
	if err != nil {
		k.Logger.DebugContext(c.UserContext(), "unread count unavailable", "error", err.Error())
		return
	}
	v.badge = &inboxBadge{Known: true, Unread: resp.JSON200.Unread}
}

// languageTimeout bounds telling the gateway a signed-in user's new
// language: the switch itself never waits longer.
const languageTimeout = 3 * time.Second

// rememberLanguage tells the gateway the signed-in user's new language,
// so the e-mails they receive follow it. It is best effort: a browser
// without a live session, or a gateway that refuses, still switches.
func (k *Kit) rememberLanguage(c *fiber.Ctx, code string) {
	if c.Cookies(k.sessionCookieName(c)) == "" {
		return
	}
	if _, err := k.sessionActor(c); err != nil {
		return
	}
	ctx, cancel := context.WithTimeout(Ctx(c), languageTimeout)
	defer cancel()
	if _, err := k.API.UpdateMeWithResponse(ctx, api.UpdateMeRequest{Language: api.UserLanguage(code)}); err != nil {
		k.LogFailure(c, "remember the language", err)
	}
}
