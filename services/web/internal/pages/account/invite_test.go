package account_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestProgrammeOnboardingThroughInvitations(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	admin := webtest.NewBrowser(t, g)
	admin.Submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).
		MustContain(t, "You administer the Onward platform", "Add an organisation")

	// The administrator adds a programme organisation.
	bad := admin.Submit("/home", "/home/organisations", url.Values{"org_name": {" "}, "kind": {"programme"}})
	bad.MustBeAt(t, "/home/organisations", http.StatusUnprocessableEntity)
	bad.MustContain(t, "Fill this in, using at most 120 characters.")
	created := admin.Submit("/home", "/home/organisations", url.Values{
		"org_name": {"Koffiebranderij Kortrijk"}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	created.MustBeAt(t, "/home", http.StatusOK)
	created.MustContain(t, "Koffiebranderij Kortrijk has been added", "Invite the first administrator of Koffiebranderij Kortrijk")

	// ... invites its first administrator, and sees the link once.
	coachEmail := webtest.UniqueEmail(t)
	invited := admin.Submit("/home", "/home/invitations", url.Values{
		"email": {coachEmail}, "role": {"org_admin"}, "org_id": {webtest.FormValue(t, created.Body, "org_id")}, "org_label": {"Koffiebranderij Kortrijk"},
	})
	invited.MustContain(t, "Invitation ready", coachEmail)
	link := webtest.InvitationPath(t, invited)
	if again := admin.Get("/home"); webtest.InviteLink.MatchString(again.Body) {
		t.Fatal("the invitation link was shown a second time")
	}

	// The coach accepts through the web form.
	coach := webtest.NewBrowser(t, g)
	form := coach.Get(link)
	form.MustContain(t, "Join Koffiebranderij Kortrijk on Onward", "administrator", coachEmail)
	weak := coach.Submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {"password1234"}})
	weak.MustBeAt(t, link, http.StatusUnprocessableEntity)
	weak.MustContain(t, "too common or too easy to guess", `value="Sam Claes"`)
	home := coach.Submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {webtest.StrongPassword}})
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustContain(t, "Welcome, Sam Claes", "Koffiebranderij Kortrijk", "register candidates", "Invite a colleague")

	// The link works once.
	used := webtest.NewBrowser(t, g).Get(link)
	used.MustBeAt(t, link, http.StatusNotFound)
	used.MustContain(t, "This invitation cannot be used")

	// The coach invites a member, who sees what comes next, in Dutch.
	member := coach.Submit("/home", "/home/invitations", url.Values{"email": {webtest.UniqueEmail(t)}, "role": {"member"}})
	memberLink := webtest.InvitationPath(t, member)
	nl := webtest.NewBrowser(t, g)
	nl.Lang = "nl"
	nl.Get(memberLink).MustContain(t, "Sluit u aan bij Koffiebranderij Kortrijk", "teamlid")
	p := nl.Submit(memberLink, memberLink, url.Values{"name": {"Lien"}, "password": {webtest.StrongPassword}})
	p.MustBeAt(t, "/home", http.StatusOK)
	p.MustContain(t, "Welkom, Lien", "Wat er nog komt", "registreert u straks kandidaten")
	if strings.Contains(p.Body, "/home/invitations") {
		t.Error("a member was offered the invitation form")
	}
}

func TestTooManySignInAttemptsAreExplained(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, map[string]string{"LOGIN_ACCOUNT_LIMIT": "2", "LOGIN_DELAY": "15m"})
	// A fresh account: the throttle's counters live in the shared Redis.
	email := webtest.UniqueEmail(t)
	webtest.NewBrowser(t, g).SignUp("Tuincentrum Groei", "Jef", email).MustBeAt(t, "/home", http.StatusOK)
	b := webtest.NewBrowser(t, g)
	wrong := url.Values{"email": {email}, "password": {"not-the-password-at-all"}}
	p := b.Submit("/login", "/login", wrong)
	p.MustBeAt(t, "/login", http.StatusUnauthorized)
	p.MustContain(t, "The e-mail address or password is not right.", `value="`+email+`"`)
	b.Submit("/login", "/login", wrong)
	p = b.Submit("/login", "/login", wrong)
	p.MustBeAt(t, "/login", http.StatusTooManyRequests)
	p.MustContain(t, "Too many attempts. For your safety, please wait 15 minutes and try again.")
	if p.Header.Get("Retry-After") == "" {
		t.Error("no Retry-After header")
	}
}

func TestUnknownPagesAndAssets(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	p := b.Get("/no-such-page")
	p.MustBeAt(t, "/no-such-page", http.StatusNotFound)
	p.MustContain(t, "Page not found")

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
		a := b.Get("/assets/" + name)
		if a.Status != http.StatusOK || !strings.Contains(a.Header.Get("Cache-Control"), "max-age=31536000") {
			t.Errorf("asset %s: %d, Cache-Control %q", name, a.Status, a.Header.Get("Cache-Control"))
		}
	}
	b.Get("/invitations/not-a-real-token").MustContain(t, "This invitation cannot be used")
	b.Get("/home").MustBeAt(t, "/login", http.StatusOK)
}
