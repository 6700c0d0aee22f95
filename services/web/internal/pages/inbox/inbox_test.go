package inbox_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// employer starts a stack on a fake notifications service and signs an
// employer's administrator up; it returns their browser and the fake.
func employer(t *testing.T) (*webtest.Browser, *fake.Notifications) {
	t.Helper()
	n := fake.NewNotifications(t)
	s := webtest.Start(t, map[string]string{"NOTIFICATIONS_URL": n.URL})
	b := webtest.NewBrowser(t, s)
	b.SignUp("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	return b, n
}

func TestHeaderShowsTheUnreadCountWithOneCallPerPage(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	n.Add(b.UserID(), 3, 2)

	before := len(n.Requests("/api/v1/notifications/unread-count"))
	home := b.Get("/home")
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustMatch(t, `<a class="nav-link nav-inbox" href="/inbox" aria-label="Inbox, 2 unread">`, `<span class="badge badge-unread">2</span>`)
	if got := len(n.Requests("/api/v1/notifications/unread-count")) - before; got != 1 {
		t.Errorf("one page asked for the unread count %d times, want once", got)
	}

	// In Dutch, and at zero: the count is still said, not coloured.
	b.Lang = "nl"
	n.Set(func(f *fake.Notifications) { f.Items = map[string][]fake.Item{} })
	b.Get("/home").MustMatch(t, `aria-label="Inbox, 0 ongelezen"`, `<span class="badge">0</span>`)
}

func TestHeaderShowsTheInboxLinkWhenTheCountFails(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	n.Set(func(f *fake.Notifications) { f.CountDown = true })
	home := b.Get("/home")
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustContain(t, `href="/inbox"`, "Inbox")
	home.MustNotContain(t, `class="badge`, "aria-label=\"Inbox,")

	// No notifications service at all: the gateway answers 503.
	s := webtest.Start(t, nil)
	other := webtest.NewBrowser(t, s)
	other.SignUp("Bakkerij Noord", "Bo", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	other.Get("/home").MustContain(t, `href="/inbox"`)
	// Signed out, there is no inbox link.
	webtest.NewBrowser(t, s).Get("/login").MustNotContain(t, `href="/inbox"`)
}

func TestInboxListsNewestFirstAndPages(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	n.Add(b.UserID(), 25, 3)

	counted := len(n.Requests("/api/v1/notifications/unread-count"))
	first := b.Get("/inbox")
	first.MustBeAt(t, "/inbox", http.StatusOK)
	first.MustContain(t, "3 unread notifications.", "Mark all as read", "Older")
	first.MustShowBefore(t, "Message 1<", "Message 2<")
	first.MustMatch(t, `href="/inbox/n1\?next=%2Froles%2Frole-1"`)
	if got := strings.Count(first.Body, `class="status inbox-new"`); got != 3 {
		t.Errorf("%d items are marked new, want 3", got)
	}
	first.MustNotContain(t, "Message 21<")
	req := n.Last(t, "/api/v1/notifications")
	if req.Query.Get("lang") != "en" || req.Query.Get("limit") != "20" {
		t.Errorf("the inbox asked with %v", req.Query)
	}
	// The list's own count fills the header: no second call.
	if got := len(n.Requests("/api/v1/notifications/unread-count")) - counted; got != 0 {
		t.Errorf("the inbox asked for the unread count %d times besides the list", got)
	}

	older := b.Get(webtest.Href(t, first, "Older"))
	older.MustBeAt(t, "/inbox", http.StatusOK)
	older.MustContain(t, "Message 21", "Message 25", "Newest")
	older.MustNotContain(t, "Message 1<", `rel="next"`)
}

func TestOpeningAnItemMarksItReadAndGoesToItsLink(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	n.Add(b.UserID(), 2, 2)
	nr := b.NoRedirects()

	open := nr.Get("/inbox/n1?next=" + url.QueryEscape("/roles/role-1"))
	if open.Status != http.StatusSeeOther || open.Header.Get("Location") != "/roles/role-1" {
		t.Fatalf("opening answered %d to %q", open.Status, open.Header.Get("Location"))
	}
	if got := n.Requests("/api/v1/notifications/n1/read"); len(got) != 1 || got[0].Method != http.MethodPost {
		t.Fatalf("the item was marked read by %v", got)
	}
	b.Get("/inbox").MustContain(t, "1 unread notification.")

	// Only a path of this site is followed.
	for _, next := range []string{"//evil.example/x", "https://evil.example/", "/\\evil.example"} {
		if loc := nr.Get("/inbox/n2?next=" + url.QueryEscape(next)).Header.Get("Location"); loc != "/" {
			t.Errorf("next=%s went to %q, want /", next, loc)
		}
	}
	// Someone else's item, or none: not found.
	b.Get("/inbox/n99?next=/home").MustBeAt(t, "/inbox/n99", http.StatusNotFound)
	// The service down: the user still gets where they were going.
	n.Set(func(f *fake.Notifications) { f.Down = true })
	if loc := nr.Get("/inbox/n2?next=/roles/role-2").Header.Get("Location"); loc != "/roles/role-2" {
		t.Errorf("with the service down, opening went to %q", loc)
	}
}

func TestMarkAllAsRead(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	n.Add(b.UserID(), 4, 4)

	// Without the form's token nothing changes.
	b.Post("/inbox/read-all", url.Values{}).MustBeAt(t, "/inbox/read-all", http.StatusForbidden)
	if got := n.Requests("/api/v1/notifications/read-all"); len(got) != 0 {
		t.Fatalf("read-all reached the service without a CSRF token")
	}
	done := b.Submit("/inbox", "/inbox/read-all", url.Values{})
	done.MustBeAt(t, "/inbox", http.StatusOK)
	done.MustContain(t, "Everything is marked as read.", "You have read everything.")
	done.MustNotContain(t, "Mark all as read", `class="status inbox-new"`)
	done.MustMatch(t, `<span class="badge">0</span>`)
}

func TestEmptyInbox(t *testing.T) {
	t.Parallel()
	b, _ := employer(t)
	p := b.Get("/inbox")
	p.MustBeAt(t, "/inbox", http.StatusOK)
	p.MustContain(t, "Nothing here yet", "E-mail preferences")
	p.MustNotContain(t, "Mark all as read")
}

func TestInboxWhenTheServiceIsDown(t *testing.T) {
	t.Parallel()
	b, n := employer(t)
	n.Set(func(f *fake.Notifications) { f.Down = true })
	b.Get("/inbox").MustBeAt(t, "/inbox", http.StatusServiceUnavailable)
	// Signed out, the inbox asks to sign in.
	webtest.NewBrowser(t, b.Stack()).Get("/inbox").MustBeAt(t, "/login", http.StatusOK)
}

func TestSwitchingLanguageChangesTheAccountsLanguage(t *testing.T) {
	t.Parallel()
	b, _ := employer(t)
	b.Get("/lang/nl?next=/home").MustContain(t, "Uitloggen")
	var me struct {
		User struct {
			Language string `json:"language"`
		} `json:"user"`
	}
	if status := b.CallAPI(http.MethodGet, "/api/v1/me", &me); status != http.StatusOK || me.User.Language != "nl" {
		t.Fatalf("after switching, GET /api/v1/me answered %d with language %q, want nl", status, me.User.Language)
	}
	// Signed out, switching still works and asks nothing.
	webtest.NewBrowser(t, b.Stack()).Get("/lang/de?next=/login").MustContain(t, "Anmelden")
}

func TestSwitchingLanguageWorksWhenTheGatewayRefusesIt(t *testing.T) {
	t.Parallel()
	s := webtest.Start(t, nil)
	coach := webtest.ProgrammeAdmin(t, s)
	member := webtest.ProgrammeMember(t, s, coach)
	// Deactivated, the member's access token is still in their session,
	// and the gateway answers its PATCH /api/v1/me with 401.
	deactivate := "/organisation/members/" + member.UserID() + "/deactivate"
	coach.Submit(deactivate, deactivate, url.Values{}).MustBeAt(t, "/organisation", http.StatusOK)

	switched := member.NoRedirects().Get("/lang/fr?next=/login")
	if switched.Status != http.StatusSeeOther || switched.Header.Get("Location") != "/login" || member.Cookie("onward_lang") != "fr" {
		t.Fatalf("the switch answered %d to %q with language %q", switched.Status, switched.Header.Get("Location"), member.Cookie("onward_lang"))
	}
	member.Get("/login").MustContain(t, "Se connecter")
	if !s.Contains("remember the language") {
		t.Error("the refused PATCH /api/v1/me was not logged")
	}
}
