package me_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestACandidateJoinsSignsInAndSeesTheirOwnPages: staff invite candidate
// c1; the link the page shows once opens the join form; the candidate
// chooses a user name and password, lands on /me, signs out and in again
// with the user name, and every one of their pages shows.
func TestACandidateJoinsSignsInAndSeesTheirOwnPages(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	link := cs.JoinPath(t, "c1")
	b := webtest.NewBrowser(t, cs.Stack)
	b.Get(link).MustContain(t, "Make your own account", "User name", "Your language")
	b.Submit(link, link, url.Values{"username": {"jan.roaster"}, "password": {webtest.CandidatePassword}, "language": {"en"}}).
		MustBeAt(t, "/me", http.StatusOK)
	b.Get("/me").MustContain(t, "Hello Jan", "My skills", "Jobs that fit me", "My consent", "In my own words", "My data", "Who read my record")
	// The link works once.
	webtest.NewBrowser(t, cs.Stack).Get(link).MustContain(t, "This link does not work")

	b.Submit("/me", "/logout", url.Values{})
	again := webtest.NewBrowser(t, cs.Stack)
	again.Get("/login").MustMatch(t, `<a href="/login/candidate">Sign in with your user name</a>`)
	again.Submit("/login/candidate", "/login/candidate", url.Values{"username": {"jan.roaster"}, "password": {"wrong-password-123"}}).
		MustContain(t, "The user name or the password is not right.")
	again.Submit("/login/candidate", "/login/candidate", url.Values{"username": {"jan.roaster"}, "password": {webtest.CandidatePassword}}).
		MustBeAt(t, "/me", http.StatusOK)
	for path, text := range map[string]string{
		"/me/skills": "No skills are confirmed yet.", "/me/jobs": "Jobs that fit me", "/me/consent": "What you say yes to",
		"/me/statement": "Write your text", "/me/data": "everything Onward keeps about you", "/me/audit": "Why: Case work",
	} {
		if p := again.Get(path); !strings.Contains(p.Body, text) {
			t.Errorf("%s lacks %q:\n%s", path, text, between(p.Body, "<main", "</main>"))
		}
	}
}

// TestTheJoinFormNamesEachRefusedField: a user name against the rules, a
// short password and a taken user name are each said beside their field.
func TestTheJoinFormNamesEachRefusedField(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	cs.CandidateSession(t, "taken.name")
	cs.Candidates.AddCandidate("c2", map[string]any{"given_name": "Ella"})
	link := cs.JoinPath(t, "c2")
	b := webtest.NewBrowser(t, cs.Stack)
	p := b.Submit(link, link, url.Values{"username": {"Bad Name!"}, "password": {webtest.CandidatePassword}, "language": {"en"}})
	if p.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d, want 422", p.Status)
	}
	p.MustContain(t, "Please fix what is marked below.")
	p.MustMatch(t, `id="username-error"[^>]*>.*3 to 30 small letters`)
	p = b.Submit(link, link, url.Values{"username": {"ella.garden"}, "password": {"short"}, "language": {"en"}})
	p.MustMatch(t, `id="password-error"[^>]*>.*at least 12 characters`)
	p = b.Submit(link, link, url.Values{"username": {"taken.name"}, "password": {webtest.CandidatePassword}, "language": {"en"}})
	p.MustMatch(t, `id="username-error"[^>]*>.*Someone else has this user name`)
}

// TestACandidateNeverReachesStaffOrEmployerPages: every page of staff,
// employers and administrators is closed to a candidate, and the shared
// signed-in pages send them to /me.
func TestACandidateNeverReachesStaffOrEmployerPages(t *testing.T) {
	cs := webtest.StartCandidateStack(t)
	b := cs.CandidateSession(t, "jan.c1").NoRedirects()
	for _, path := range []string{"/candidates", "/candidates/c1", "/candidates/c1/consent", "/programmes", "/roles", "/roles/new",
		"/employer/profile", "/admin/organisations", "/organisation", "/insights", "/placements", "/introductions", "/followups"} {
		if p := b.Get(path); p.Status != http.StatusForbidden && p.Status != http.StatusNotFound {
			t.Errorf("GET %s: status %d, want 403 or 404", path, p.Status)
		}
	}
	for _, path := range []string{"/home", "/inbox", "/explore"} {
		p := b.Get(path)
		if p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/me" {
			t.Errorf("GET %s: status %d to %q, want 303 to /me", path, p.Status, p.Header.Get("Location"))
		}
	}
	// And staff never reach a candidate's pages.
	if p := cs.Coach.NoRedirects().Get("/me"); p.Status != http.StatusForbidden {
		t.Errorf("staff GET /me: status %d, want 403", p.Status)
	}
	if strings.Contains(b.Get("/me").Body, `href="/inbox"`) {
		t.Error("a candidate's header links to the inbox")
	}
}

// between is the part of s from start to end, for short failure output.
func between(s, start, end string) string {
	if i := strings.Index(s, start); i >= 0 {
		s = s[i:]
	}
	if i := strings.Index(s, end); i >= 0 {
		s = s[:i]
	}
	return s
}
