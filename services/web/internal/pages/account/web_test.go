package account_test

import (
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestSignupSignsInAndShowsHome(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	email := webtest.UniqueEmail(t)

	first := b.NoRedirects().SignUp("Café De Hoek", "Ana Peeters", email)
	if first.Status != http.StatusSeeOther || first.Header.Get("Location") != "/home" {
		t.Fatalf("sign-up answered %d to %q, want 303 to /home", first.Status, first.Header.Get("Location"))
	}
	// The browser gets a random session id only; the tokens stay on the
	// server.
	cookies := strings.Join(first.Header.Values("Set-Cookie"), "\n")
	line := cookieLine(cookies, "onward_session=")
	for _, want := range []string{"HttpOnly", "path=/", "SameSite=Lax"} {
		if !strings.Contains(line, want) {
			t.Errorf("session cookie lacks %s: %s", want, line)
		}
	}
	if strings.Contains(cookies, "eyJ") || strings.Contains(cookies, "onward_access") || strings.Contains(cookies, "onward_refresh") {
		t.Errorf("a token reached the browser:\n%s", cookies)
	}
	if s, ok := b.Session(); !ok || s.AccessToken == "" || s.RefreshToken == "" {
		t.Errorf("the server holds no tokens for the session: %+v", s)
	}

	home := b.Get("/home")
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustContain(t, "Welcome, Ana Peeters", "Café De Hoek", "Invite a colleague", "What comes next")
	if cc := home.Header.Get("Cache-Control"); cc != "no-store" {
		t.Errorf("home Cache-Control = %q, want no-store", cc)
	}
	if g.Contains(email) || g.Contains("Ana Peeters") {
		t.Error("the gateway logged personal data")
	}
	// A signed-in user asking for the sign-in page goes home.
	b.Get("/login").MustBeAt(t, "/home", http.StatusOK)
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
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	p := b.Submit("/signup", "/signup", url.Values{
		"organisation_name": {"Groen & Zo"}, "name": {"Bram"}, "email": {"not-an-address"}, "password": {"short-pw"},
	})
	p.MustBeAt(t, "/signup", http.StatusUnprocessableEntity)
	p.MustContain(t, "Please check the fields marked below.", "Enter an e-mail address", "Use at least 12 characters",
		`value="Groen & Zo"`, `value="not-an-address"`, `aria-invalid="true"`)
	if strings.Contains(p.Body, "short-pw") {
		t.Error("the password was sent back in the page")
	}

	// A taken address is not revealed: the sign-up is received and the
	// person is asked to sign in, which only the owner's password does.
	email := webtest.UniqueEmail(t)
	webtest.NewBrowser(t, g).SignUp("First", "One", email).MustBeAt(t, "/home", http.StatusOK)
	again := webtest.NewBrowser(t, g).Submit("/signup", "/signup", url.Values{
		"organisation_name": {"Second"}, "name": {"Two"}, "email": {email}, "password": {"another-long-passphrase-77"},
	})
	again.MustBeAt(t, "/login", http.StatusOK)
	again.MustContain(t, "Sign-up received")
	if strings.Contains(again.Body, "already has an account") {
		t.Error("the sign-up page revealed that the address has an account")
	}
}

func TestFormsWithoutCSRFTokenAreRejected(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	login := url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}

	b.Post("/login", login).MustBeAt(t, "/login", http.StatusForbidden)
	b.Get("/login")
	forged := url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}, "_csrf": {"bm90LXRoZS1yaWdodC10b2tlbi1hdC1hbGwtcmVhbGx5"}}
	p := b.Post("/login", forged)
	p.MustBeAt(t, "/login", http.StatusForbidden)
	p.MustContain(t, "This form has expired")

	// A browser that labels the POST as cross-site is refused even with
	// a matching token.
	token := b.Cookie("onward_csrf")
	req, _ := http.NewRequest(http.MethodPost, g.URL+"/login", strings.NewReader(url.Values{
		"email": {g.AdminEmail}, "password": {webtest.AdminPassword}, "_csrf": {token},
	}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	if got := b.Do(req); got.Status != http.StatusForbidden {
		t.Fatalf("cross-site POST answered %d, want 403", got.Status)
	}

	// The web app serves pages only: the JSON API is the gateway's.
	resp, err := http.Post(g.URL+"/api/v1/auth/login", "application/json",
		strings.NewReader(`{"email":"`+g.AdminEmail+`","password":"`+webtest.AdminPassword+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusNotFound {
		t.Fatalf("the web app answered an API sign-in with %d, want 404", resp.StatusCode)
	}

	// With the token the same form works.
	b.Submit("/login", "/login", login).MustBeAt(t, "/home", http.StatusOK)
}

func TestLanguageFromBrowserAndSwitcher(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	b.Lang = "nl-BE,nl;q=0.9,en;q=0.5"
	p := b.Get("/")
	p.MustContain(t, `<html lang="nl">`, "Aanmelden als werkgever", "Zo werkt het")

	p = b.Submit("/signup", "/signup", url.Values{"email": {"x"}})
	p.MustContain(t, "Vul een e-mailadres in", "Kijk de gemarkeerde velden hieronder na.")

	// French and German from the browser, and from the switcher.
	fr := webtest.NewBrowser(t, g)
	fr.Lang = "fr-BE,fr;q=0.9"
	fr.Get("/").MustContain(t, `<html lang="fr">`, "S'inscrire comme employeur")
	b.Get("/lang/de?next=/").MustContain(t, `<html lang="de">`, "Als Arbeitgeber registrieren", `href="/lang/fr?next=%2F"`)

	p = b.Get("/lang/en?next=" + url.QueryEscape("/signup"))
	p.MustBeAt(t, "/signup", http.StatusOK)
	p.MustContain(t, `<html lang="en">`, "Sign up as an employer")

	// The switcher never sends anyone to another site.
	for _, next := range []string{"//evil.example/x", "https://evil.example/", "/\\evil.example"} {
		r := b.NoRedirects().Get("/lang/nl?next=" + url.QueryEscape(next))
		if r.Status != http.StatusSeeOther || r.Header.Get("Location") != "/" {
			t.Errorf("next=%q redirected %d to %q, want 303 to /", next, r.Status, r.Header.Get("Location"))
		}
	}
}

func TestSignOutEndsTheSession(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	b.SignUp("Fietsatelier", "Eva", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	id := b.Cookie("onward_session")
	stored, _ := b.Session()

	p := b.Submit("/home", "/logout", url.Values{})
	p.MustBeAt(t, "/login", http.StatusOK)
	p.MustContain(t, "You have signed out.")
	if b.Cookie("onward_session") != "" {
		t.Fatal("the session cookie survived sign-out")
	}
	b.Get("/home").MustBeAt(t, "/login", http.StatusOK)

	// The old session id no longer opens a session, and the gateway has
	// revoked its refresh token.
	b.SetCookie("onward_session", id)
	b.Get("/home").MustBeAt(t, "/login", http.StatusOK)
	resp, err := http.Post(g.APIURL+"/api/v1/auth/refresh", "application/json",
		strings.NewReader(`{"refresh_token":"`+stored.RefreshToken+`"}`))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusUnauthorized {
		t.Fatalf("refresh with the signed-out token answered %d, want 401", resp.StatusCode)
	}
}

func TestExpiredAccessTokenIsRenewedOnTheServer(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	b.SignUp("Drukkerij Lijn", "Noor", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	id := b.Cookie("onward_session")
	old, _ := b.Session()

	b.ExpireAccessToken()
	// Several pages at once find the token stale; one renews it and the
	// others use the result, so the gateway never sees a refresh token
	// twice (which it would take for theft and end the session).
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			b.Get("/home").MustBeAt(t, "/home", http.StatusOK)
		}()
	}
	wg.Wait()
	now, ok := b.Session()
	if !ok || now.RefreshToken == old.RefreshToken || now.AccessToken == old.AccessToken || !now.AccessExpires.After(time.Now()) {
		t.Fatal("the session was not renewed")
	}
	if b.Cookie("onward_session") != id {
		t.Error("renewal changed the session id")
	}
	b.Get("/home").MustContain(t, "Welcome, Noor")
}
