package site_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

var inviteLink = regexp.MustCompile(`id="invite-link"[^>]*>([^<]+)</textarea>`)

// invitationPath returns the path of the invitation link a home page shows.
func invitationPath(t *testing.T, p page) string {
	t.Helper()
	m := inviteLink.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no invitation link on the page:\n%s", p.Body)
	}
	u, err := url.Parse(m[1])
	if err != nil || !strings.HasPrefix(u.Path, "/invitations/") {
		t.Fatalf("odd invitation link %q", m[1])
	}
	return u.Path
}

func TestProgrammeOnboardingThroughInvitations(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	admin := newBrowser(t, g)
	admin.submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).
		mustContain(t, "You administer the Onward platform", "Add an organisation")

	// The administrator adds a programme organisation.
	bad := admin.submit("/home", "/home/organisations", url.Values{"org_name": {" "}, "kind": {"programme"}})
	bad.mustBeAt(t, "/home/organisations", http.StatusUnprocessableEntity)
	bad.mustContain(t, "Fill this in, using at most 120 characters.")
	created := admin.submit("/home", "/home/organisations", url.Values{
		"org_name": {"Koffiebranderij Kortrijk"}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	created.mustBeAt(t, "/home", http.StatusOK)
	created.mustContain(t, "Koffiebranderij Kortrijk has been added", "Invite the first administrator of Koffiebranderij Kortrijk")

	// ... invites its first administrator, and sees the link once.
	coachEmail := uniqueEmail(t)
	invited := admin.submit("/home", "/home/invitations", url.Values{
		"email": {coachEmail}, "role": {"org_admin"}, "org_id": {formValue(t, created.Body, "org_id")}, "org_label": {"Koffiebranderij Kortrijk"},
	})
	invited.mustContain(t, "Invitation ready", coachEmail)
	link := invitationPath(t, invited)
	if again := admin.get("/home"); inviteLink.MatchString(again.Body) {
		t.Fatal("the invitation link was shown a second time")
	}

	// The coach accepts through the web form.
	coach := newBrowser(t, g)
	form := coach.get(link)
	form.mustContain(t, "Join Koffiebranderij Kortrijk on Onward", "administrator", coachEmail)
	weak := coach.submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {"password1234"}})
	weak.mustBeAt(t, link, http.StatusUnprocessableEntity)
	weak.mustContain(t, "too common or too easy to guess", `value="Sam Claes"`)
	home := coach.submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {strongPassword}})
	home.mustBeAt(t, "/home", http.StatusOK)
	home.mustContain(t, "Welcome, Sam Claes", "Koffiebranderij Kortrijk", "register candidates", "Invite a colleague")

	// The link works once.
	used := newBrowser(t, g).get(link)
	used.mustBeAt(t, link, http.StatusNotFound)
	used.mustContain(t, "This invitation cannot be used")

	// The coach invites a member, who sees what comes next, in Dutch.
	member := coach.submit("/home", "/home/invitations", url.Values{"email": {uniqueEmail(t)}, "role": {"member"}})
	memberLink := invitationPath(t, member)
	nl := newBrowser(t, g)
	nl.lang = "nl"
	nl.get(memberLink).mustContain(t, "Sluit u aan bij Koffiebranderij Kortrijk", "teamlid")
	p := nl.submit(memberLink, memberLink, url.Values{"name": {"Lien"}, "password": {strongPassword}})
	p.mustBeAt(t, "/home", http.StatusOK)
	p.mustContain(t, "Welkom, Lien", "Wat er nog komt", "registreert u straks kandidaten")
	if strings.Contains(p.Body, "/home/invitations") {
		t.Error("a member was offered the invitation form")
	}
}

var hiddenValue = regexp.MustCompile(`name="org_id" value="([^"]+)"`)

func formValue(t *testing.T, body, name string) string {
	t.Helper()
	m := hiddenValue.FindStringSubmatch(body)
	if m == nil {
		t.Fatalf("no %s field:\n%s", name, body)
	}
	return m[1]
}

func TestTooManySignInAttemptsAreExplained(t *testing.T) {
	t.Parallel()
	g := start(t, map[string]string{"LOGIN_ACCOUNT_LIMIT": "2"})
	// A fresh account: the throttle's counters live in the shared Redis.
	email := uniqueEmail(t)
	newBrowser(t, g).signUp("Tuincentrum Groei", "Jef", email).mustBeAt(t, "/home", http.StatusOK)
	b := newBrowser(t, g)
	wrong := url.Values{"email": {email}, "password": {"not-the-password-at-all"}}
	p := b.submit("/login", "/login", wrong)
	p.mustBeAt(t, "/login", http.StatusUnauthorized)
	p.mustContain(t, "The e-mail address or password is not right.", `value="`+email+`"`)
	b.submit("/login", "/login", wrong)
	p = b.submit("/login", "/login", wrong)
	p.mustBeAt(t, "/login", http.StatusTooManyRequests)
	p.mustContain(t, "Too many attempts. For your safety, please wait 15 minutes and try again.")
	if p.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After header")
	}
}

func TestUnknownPagesAndAssets(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	b := newBrowser(t, g)
	p := b.get("/no-such-page")
	p.mustBeAt(t, "/no-such-page", http.StatusNotFound)
	p.mustContain(t, "Page not found")

	// API clients keep their problem+json answers.
	resp, err := http.Get(g.URL + "/no-such-page")
	if err != nil {
		t.Fatal(err)
	}
	var problem map[string]any
	_ = json.NewDecoder(resp.Body).Decode(&problem)
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound || problem["status"] != float64(404) {
		t.Fatalf("API 404 = %d %v", resp.StatusCode, problem)
	}

	for _, name := range []string{"app.css", "app.js", "logo.svg"} {
		a := b.get("/assets/" + name)
		if a.Status != http.StatusOK || !strings.Contains(a.Header.Get("Cache-Control"), "max-age=31536000") {
			t.Errorf("asset %s: %d, Cache-Control %q", name, a.Status, a.Header.Get("Cache-Control"))
		}
	}
	b.get("/invitations/not-a-real-token").mustContain(t, "This invitation cannot be used")
	b.get("/home").mustBeAt(t, "/login", http.StatusOK)
}
