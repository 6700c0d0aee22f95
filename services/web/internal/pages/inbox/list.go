package inbox

import (
	"errors"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// pageSize is how many notifications one page of the inbox shows.
const pageSize = 20

// inboxData is one page of the inbox.
type inboxData struct {
	Items  []itemRow
	Unread int
	// Next is the address of the following (older) page, if any;
	// First the address of the newest page, when this is not it.
	Next, First string
}

// itemRow is one notification: its message, already in the reader's
// language, and where it leads (through Open, which marks it read).
type itemRow struct {
	Message, Open, When, WhenISO string
	Unread                       bool
}

// Inbox is GET /inbox: the signed-in user's notifications, newest first,
// a page at a time (?cursor= is the API's next_cursor).
func (p *Pages) Inbox(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/inbox")
	params := &api.ListNotificationsParams{Limit: kit.Ptr(pageSize), Lang: kit.Ptr(api.ListNotificationsParamsLang(v.Lang))}
	cursor := c.Query("cursor")
	if cursor != "" {
		params.Cursor = &cursor
	}
	resp, err := p.k.API.ListNotificationsWithResponse(kit.Ctx(c), params)
	if err != nil {
		return p.failed(c, err)
	}
	page := resp.JSON200
	d := &inboxData{Unread: page.Unread}
	for _, n := range page.Items {
		d.Items = append(d.Items, itemRowOf(v, n))
	}
	if next := kit.Deref(page.NextCursor); next != "" {
		d.Next = "/inbox?cursor=" + url.QueryEscape(next)
	}
	if cursor != "" {
		d.First = "/inbox"
	}
	v.SetUnread(page.Unread)
	v.Data = d
	return p.templates.Render(c, fiber.StatusOK, "inbox", v)
}

// itemRowOf converts a notification for the page. Its link must be a
// path of this site; anything else leads back to the inbox.
func itemRowOf(v *kit.View, n api.Notification) itemRow {
	return itemRow{
		Message: n.Message, Unread: n.ReadAt == nil,
		Open: "/inbox/" + url.PathEscape(n.ID) + "?next=" + url.QueryEscape(kit.LocalPath(n.Link)),
		When: v.DateTime(n.CreatedAt), WhenISO: n.CreatedAt.UTC().Format(time.RFC3339),
	}
}

// Open is GET /inbox/:id?next=: it marks the notification read and goes
// on to what it is about (a path of this site only). Marking read is
// idempotent and touches only the user's own item, so it needs no form:
// the item is an ordinary link that works without JavaScript and opens
// in a new tab. Another user's id is the service's 404; should the
// service be unreachable the user still gets where they were going.
func (p *Pages) Open(c *fiber.Ctx) error {
	id, next := strings.Clone(c.Params("id")), "/inbox"
	if c.Query("next") != "" {
		next = kit.LocalPath(c.Query("next"))
	}
	_, err := p.k.API.ReadNotificationWithResponse(kit.Ctx(c), id)
	switch {
	case errors.Is(err, errs.NotFound), errors.Is(err, errs.Unauthenticated):
		return p.failed(c, err)
	case err != nil:
		p.k.LogFailure(c, "mark a notification read", err)
	}
	return c.Redirect(next, fiber.StatusSeeOther)
}

// ReadAll is POST /inbox/read-all: every notification is marked read and
// the inbox shows again with a notice.
func (p *Pages) ReadAll(c *fiber.Ctx) error {
	if _, err := p.k.API.ReadAllNotificationsWithResponse(kit.Ctx(c)); err != nil {
		return p.failed(c, err)
	}
	kit.SetNotice(c, "InboxNoticeAllRead", "")
	return c.Redirect("/inbox", fiber.StatusSeeOther)
}
