package inbox_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserInboxAndPreferences walks the notification pages in a real
// browser. At a phone's size (390×844) an employer signs in and sees the
// unread count in the header, opens the inbox, marks everything read,
// opens the preferences and saves a change, and, as her organisation's
// administrator, reads its recent mail deliveries; at a desktop's size
// the same pages. Every step checks the address, the text and that a phone never
// scrolls sideways, and keeps a screenshot.
func TestBrowserInboxAndPreferences(t *testing.T) {
	n := fake.NewNotifications(t)
	s := webtest.Start(t, map[string]string{"NOTIFICATIONS_URL": n.URL})
	email := webtest.UniqueEmail(t)
	b := webtest.NewBrowser(t, s)
	b.SignUp("Café De Hoek", "Ana Peeters", email).MustBeAt(t, "/home", http.StatusOK)
	user := b.UserID()
	at := time.Now().UTC().Add(-time.Hour)
	read := at.Add(-20 * time.Hour)
	n.Set(func(f *fake.Notifications) {
		f.Items[user] = []fake.Item{
			{ID: "n3", Kind: "new_matches", Message: "Your role Barista has 2 new full matches. Sign in to see the shortlist.", Link: "/roles/r1", Created: at},
			{ID: "n2", Kind: "new_matches", Message: "Your role Kitchen assistant has 1 new full match.", Link: "/roles/r2", Created: at.Add(-3 * time.Hour)},
			{ID: "n1", Kind: "new_matches", Message: "Your role Barista has 1 new full match.", Link: "/roles/r1", Created: read, Read: &read},
		}
	})
	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")

	phone := chrome.NewTab(t, ctx, s.URL, dir).Phone()
	phone.SignIn(email, "inbox-01-phone-home")
	phone.Check("/home", "inbox-01-phone-home", "Inbox", "2")
	if label := chrome.Evaluate[string](phone, `document.querySelector("a.nav-inbox").getAttribute("aria-label")`); label != "Inbox, 2 unread" {
		t.Errorf("the inbox link is labelled %q", label)
	}
	phone.Submit(`a.nav-inbox`, "/inbox", "inbox-02-phone-inbox", "2 unread notifications.", "Your role Barista has 2 new full matches", "New", "Mark all as read")
	phone.Submit(`form[action="/inbox/read-all"] button`, "/inbox", "inbox-03-phone-all-read", "Everything is marked as read.", "You have read everything.")
	phone.Submit(`a[href="/inbox/preferences"]`, "/inbox/preferences", "inbox-04-phone-preferences",
		"E-mail preferences", "New strong matches", "Daily digest", "Your organisation's defaults")
	phone.Do(chromedp.Click(`input[name="kind_new_matches"][value="immediately"]`, chromedp.NodeVisible))
	phone.Submit(`form[action="/inbox/preferences"] button[type="submit"]`, "/inbox/preferences", "inbox-05-phone-preferences-saved",
		"Your e-mail preferences are saved.")
	phone.Open("/lang/nl?next=/inbox/preferences", "inbox-06-phone-preferences-nl", "E-mailvoorkeuren", "Dagelijks overzicht")
	phone.Open("/lang/en?next=/inbox", "inbox-07-phone-inbox-en", "Inbox")

	// Ana administers her organisation: its recent mail deliveries.
	n.Set(func(f *fake.Notifications) {
		f.Deliveries = []map[string]any{
			{"id": "d2", "kind": "password_reset", "user_id": user, "channel": "email", "status": "failed", "attempts": 6, "last_error": "connection", "created_at": at},
			{"id": "d1", "kind": "invitation", "channel": "email", "status": "sent", "attempts": 1, "created_at": read, "sent_at": read.Add(time.Minute)},
		}
	})
	phone.Open("/organisation", "inbox-08-phone-organisation", "Mail deliveries")
	phone.Submit(`a[href="/admin/deliveries"]`, "/admin/deliveries", "inbox-09-phone-deliveries",
		"Mail deliveries", "Password reset", "Ana Peeters", "Failed", "The mail server could not be reached.", "Someone without an account yet")

	n.Add(user, 1, 1)
	deskCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	desktop := chrome.NewTab(t, deskCtx, s.URL, dir).Desktop()
	desktop.SignIn(email, "inbox-10-desktop-home")
	desktop.Check("/home", "inbox-10-desktop-home", "Inbox", "1")
	desktop.Submit(`a.nav-inbox`, "/inbox", "inbox-11-desktop-inbox", "1 unread notification.", "Message 1")
	desktop.Open("/inbox/preferences", "inbox-12-desktop-preferences", "Your choices", "Time zone")
	desktop.Navigate("/admin/deliveries?status=failed")
	desktop.Check("/admin/deliveries", "inbox-13-desktop-deliveries", "Password reset", "Failed")
}
