package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

func TestSignupSignsInAndShowsHome(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	b := newBrowser(t, g)
	email := uniqueEmail(t)

	first := b.noRedirects().signUp("Café De Hoek", "Ana Peeters", email)
	if first.Status != http.StatusSeeOther || first.Header.Get("Location") != "/home" {
		t.Fatalf("sign-up answered %d to %q, want 303 to /home", first.Status, first.Header.Get("Location"))
	}
	cookies := strings.Join(first.Header.Values("Set-Cookie"), "\n")
	for _, want := range []string{"onward_access=", "onward_refresh="} {
		line := cookieLine(cookies, want)
		if !strings.Contains(line, "HttpOnly") || !strings.Contains(line, "path=/") {
			t.Errorf("cookie %s lacks HttpOnly or path=/: %s", want, line)
		}
	}
	if !strings.Contains(cookieLine(cookies, "onward_access="), "SameSite=Lax") || !strings.Contains(cookieLine(cookies, "onward_refresh="), "SameSite=Strict") {
		t.Errorf("wrong SameSite on session cookies:\n%s", cookies)
	}

	home := b.get("/home")
	home.mustBeAt(t, "/home", http.StatusOK)
	home.mustContain(t, "Welcome, Ana Peeters", "Café De Hoek", "Invite a colleague", "What comes next")
	if cc := home.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("home Cache-Control = %q, want no-store", cc)
	}
	if g.Contains(email) || g.Contains("Ana Peeters") {
		t.Error("the gateway logged personal data")
	}
	// A signed-in user asking for the sign-in page goes home.
	b.get("/login").mustBeAt(t, "/home", http.StatusOK)
}

func cookieLine(all, prefix string) string {
	for _, line := range strings.Split(all, "\n") {
		if strings.HasPrefix(line, prefix) {
			return line
		}
	}
	return ""
}

func TestInvalidSignupShowsFieldErrorsAndKeepsInput(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	b := newBrowser(t, g)
	p := b.submit("/signup", "/signup", url.Values{
		"organisation_name": {"Groen & Zo"}, "name": {"Bram"}, "email": {"not-an-address"}, "password": {"short-pw"},
	})
	p.mustBeAt(t, "/signup", http.StatusUnprocessableEntity)
	p.mustContain(t, "Please check the fields marked below.", "Enter an e-mail address", "Use at least 12 characters",
		`value="Groen & Zo"`, `value="not-an-address"`, `aria-invalid="true"`)
	if strings.Contains(p.Body, "short-pw") {
		t.Error("the password was sent back in the page")
	}

	// The same address twice is a conflict, explained at the field.
	email := uniqueEmail(t)
	newBrowser(t, g).signUp("First", "One", email).mustBeAt(t, "/home", http.StatusOK)
	again := newBrowser(t, g).signUp("Second", "Two", email)
	again.mustBeAt(t, "/signup", http.StatusConflict)
	again.mustContain(t, "This address already has an account")
}

func TestFormsWithoutCSRFTokenAreRejected(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	b := newBrowser(t, g)
	login := url.Values{"email": {g.AdminEmail}, "password": {gatewaytest.AdminPassword}}

	b.post("/login", login).mustBeAt(t, "/login", http.StatusForbidden)
	b.get("/login")
	forged := url.Values{"email": {g.AdminEmail}, "password": {gatewaytest.AdminPassword}, "_csrf": {"bm90LXRoZS1yaWdodC10b2tlbi1hdC1hbGwtcmVhbGx5"}}
	p := b.post("/login", forged)
	p.mustBeAt(t, "/login", http.StatusForbidden)
	p.mustContain(t, "This form has expired")

	// A browser that labels the POST as cross-site is refused even with
	// a matching token.
	token := b.cookie("onward_csrf")
	req, _ := http.NewRequest(http.MethodPost, g.URL+"/login", strings.NewReader(url.Values{
		"email": {g.AdminEmail}, "password": {gatewaytest.AdminPassword}, "_csrf": {token},
	}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if got := b.do(req); got.Status != http.StatusForbidden {
		t.Fatalf("cross-site POST answered %d, want 403", got.Status)
	}

	// The JSON API does not use the web UI's CSRF check.
	resp, err := http.Post(g.URL+"/api/v1/auth/login", "application/json",
		strings.NewReader(`{"email":"`+g.AdminEmail+`","password":"`+gatewaytest.AdminPassword+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("API sign-in answered %d, want 200", resp.StatusCode)
	}

	// With the token the same form works.
	b.submit("/login", "/login", login).mustBeAt(t, "/home", http.StatusOK)
}

func TestLanguageFromBrowserAndSwitcher(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	b := newBrowser(t, g)
	b.lang = "nl-BE,nl;q=0.9,en;q=0.5"
	p := b.get("/")
	p.mustContain(t, `<html lang="nl">`, "Aanmelden als werkgever", "Zo werkt het")

	p = b.submit("/signup", "/signup", url.Values{"email": {"x"}})
	p.mustContain(t, "Vul een e-mailadres in", "Kijk de gemarkeerde velden hieronder na.")

	p = b.get("/lang/en?next=" + url.QueryEscape("/signup"))
	p.mustBeAt(t, "/signup", http.StatusOK)
	p.mustContain(t, `<html lang="en">`, "Sign up as an employer")

	// The switcher never sends anyone to another site.
	for _, next := range []string{"//evil.example/x", "https://evil.example/", "/\\evil.example"} {
		r := b.noRedirects().get("/lang/nl?next=" + url.QueryEscape(next))
		if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/" {
			t.Errorf("next=%q redirected %d to %q, want 303 to /", next, r.Status, r.Header.Get("Location"))
		}
	}
}

func TestSignOutEndsTheSession(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	b := newBrowser(t, g)
	b.signUp("Fietsatelier", "Eva", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)
	refresh := b.cookie("onward_refresh")

	p := b.submit("/home", "/logout", url.Values{})
	p.mustBeAt(t, "/login", http.StatusOK)
	p.mustContain(t, "You have signed out.")
	if b.cookie("onward_access") != "" || b.cookie("onward_refresh") != "" {
		t.Fatal("session cookies survived sign-out")
	}
	b.get("/home").mustBeAt(t, "/login", http.StatusOK)

	// The old refresh token no longer starts a session.
	b.setCookie("onward_refresh", refresh)
	b.get("/home").mustBeAt(t, "/login", http.StatusOK)
}

func TestExpiredAccessCookieIsRefreshed(t *testing.T) {
	t.Parallel()
	g := start(t, nil)
	b := newBrowser(t, g)
	b.signUp("Drukkerij Lijn", "Noor", uniqueEmail(t)).mustBeAt(t, "/home", http.StatusOK)
	oldRefresh := b.cookie("onward_refresh")

	b.setCookie("onward_access", "expired-or-tampered")
	b.get("/home").mustBeAt(t, "/home", http.StatusOK)
	if b.cookie("onward_refresh") == oldRefresh || b.cookie("onward_access") == "expired-or-tampered" {
		t.Fatal("the session was not rotated")
	}
}
