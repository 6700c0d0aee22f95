package site_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func TestEmployerHomeGroupsRolesByStatus(t *testing.T) {
	t.Parallel()
	b, e, _ := employerSession(t)
	e.addRole("r1", "Barista", "open")
	e.addRole("r2", "Kitchen help", "draft")
	e.addRole("r3", "Gardener", "paused")
	e.addRole("r4", "Driver", "closed")

	home := b.get("/home")
	home.mustBeAt(t, "/home", http.StatusOK)
	home.mustContain(t, "Your roles", `href="/roles/new"`, `href="/employer/profile"`)
	body := home.Body
	open, paused, drafts, closed := strings.Index(body, `id="roles-open"`), strings.Index(body, `id="roles-paused"`),
		strings.Index(body, `id="roles-draft"`), strings.Index(body, `id="roles-closed"`)
	if open < 0 || !(open < strings.Index(body, "Barista") && strings.Index(body, "Barista") < paused &&
		paused < strings.Index(body, "Gardener") && strings.Index(body, "Gardener") < drafts &&
		drafts < strings.Index(body, "Kitchen help") && strings.Index(body, "Kitchen help") < closed) {
		t.Fatalf("roles are not grouped open, paused, draft, closed:\n%s", body)
	}
	home.mustContain(t, `action="/roles/r1/status"`, `value="paused"`, "Mark filled", "Reopen")
	if got := e.last(t, http.MethodGet, "/api/v1/roles").Query.Get("limit"); got == "" {
		t.Error("the home page asked for roles without a limit")
	}

	// In Dutch.
	b.lang = "nl"
	b.get("/home").mustContain(t, "Uw vacatures", "Gepauzeerd", "Concepten", "Heropenen")
}

func TestRoleQuickActionsAndRefusedTransitions(t *testing.T) {
	t.Parallel()
	b, e, _ := employerSession(t)
	e.addRole("r1", "Barista", "open")

	p := b.submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}})
	p.mustBeAt(t, "/home", http.StatusOK)
	p.mustContain(t, "“Barista” is now paused.")
	if got := e.last(t, http.MethodPost, "/api/v1/roles/r1/status").Body["status"]; got != "paused" {
		t.Errorf("status sent = %v, want paused", got)
	}

	// A stale page offers a move the role no longer allows: 409, explained.
	e.mu.Lock()
	e.roles["r1"]["status"] = "closed"
	e.mu.Unlock()
	p = b.submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}})
	p.mustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.mustContain(t, "“Barista” can no longer be reopened", "can be reopened for 7 days")

	e.setRole("r1", map[string]any{"status": "draft", "next_statuses": nil})
	p = b.submit("/home", "/roles/r1/status", url.Values{"status": {"paused"}})
	p.mustContain(t, "the role is draft now. From here it can become: open, closed.")

	// Without a session, the sign-in page.
	anon := newBrowser(t, b.g)
	anon.submit("/login", "/roles/r1/status", url.Values{"status": {"open"}}).mustBeAt(t, "/login", http.StatusOK)
}
