package employer_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestEmployerHomeGroupsRolesByStatus(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")
	e.AddRole("r2", "Kitchen help", "draft")
	e.AddRole("r3", "Gardener", "paused")
	e.AddRole("r4", "Driver", "closed")

	home := b.Get("/home")
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustContain(t, "Your roles", `href="/roles/new"`, `href="/employer/profile"`)
	body := home.Body
	open, paused, drafts, closed := strings.Index(body, `id="roles-open"`), strings.Index(body, `id="roles-paused"`),
		strings.Index(body, `id="roles-draft"`), strings.Index(body, `id="roles-closed"`)
	if open < 0 || !(open < strings.Index(body, "Barista") && strings.Index(body, "Barista") < paused &&
		paused < strings.Index(body, "Gardener") && strings.Index(body, "Gardener") < drafts &&
		drafts < strings.Index(body, "Kitchen help") && strings.Index(body, "Kitchen help") < closed) {
		t.Fatalf("roles are not grouped open, paused, draft, closed:\n%s", body)
	}
	home.MustContain(t, `action="/roles/r1/status"`, `value="paused"`, "Mark filled", "Reopen")
	if got := e.Last(t, http.MethodGet, "/api/v1/roles").Query.Get("limit"); got == "" {
		t.Error("the home page asked for roles without a limit")
	}

	// In Dutch.
	b.Lang = "nl"
	b.Get("/home").MustContain(t, "Uw vacatures", "Gepauzeerd", "Concepten", "Heropenen")
}

func TestRoleQuickActionsAndRefusedTransitions(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")

	p := b.Submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}})
	p.MustBeAt(t, "/home", http.StatusOK)
	p.MustContain(t, "“Barista” is now paused.")
	if got := e.Last(t, http.MethodPost, "/api/v1/roles/r1/status").Body["status"]; got != "paused" {
		t.Errorf("status sent = %v, want paused", got)
	}

	// A stale page offers a move the role no longer allows: 409, explained.
	e.Lock()
	e.Roles["r1"]["status"] = "closed"
	e.Unlock()
	p = b.Submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}})
	p.MustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.MustContain(t, "“Barista” can no longer be reopened", "can be reopened for 7 days")

	e.SetRole("r1", map[string]any{"status": "draft", "next_statuses": nil})
	p = b.Submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}})
	p.MustContain(t, "the role is draft now. From here it can become: open, closed.")

	// Without a session, the sign-in page.
	anon := webtest.NewBrowser(t, b.Stack())
	anon.Submit("/login", "/roles/r1/status", url.Values{"status": {"open"}}).MustBeAt(t, "/login", http.StatusOK)
}
