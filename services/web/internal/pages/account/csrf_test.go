package account_test

import (
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestCSRFTokenIsBoundToTheSession: a signed-in form's token is made from
// the session, so a token from another browser is refused even when that
// browser's CSRF cookie has been planted too (as a sibling subdomain or a
// man in the middle of plain HTTP could): the double-submit cookie alone
// no longer decides for a signed-in user.
func TestCSRFTokenIsBoundToTheSession(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)

	// The attacker's own pair, signed out and signed in.
	anon := webtest.NewBrowser(t, g)
	anonToken := webtest.FormValue(t, anon.Get("/login").Body, "_csrf")
	signedIn := webtest.NewBrowser(t, g)
	signedIn.SignUp("Bakkerij Oost", "Mo", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	signedInToken := webtest.FormValue(t, signedIn.Get("/home").Body, "_csrf")

	victim := webtest.NewBrowser(t, g)
	victim.SignUp("Tuincentrum Zuid", "Lien", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	for name, forged := range map[string]struct{ cookie, token string }{
		"a signed-out token":           {anon.Cookie("onward_csrf"), anonToken},
		"another session's token":      {signedIn.Cookie("onward_csrf"), signedInToken},
		"another session's, no cookie": {"", signedInToken},
	} {
		if forged.cookie != "" {
			victim.SetCookie("onward_csrf", forged.cookie)
		}
		p := victim.NoRedirects().Post("/logout", url.Values{"_csrf": {forged.token}})
		if p.Status != http.StatusForbidden {
			t.Errorf("sign-out with %s answered %d, want 403", name, p.Status)
		}
		victim.Get("/home").MustBeAt(t, "/home", http.StatusOK)
	}

	// The victim's own form still works, and a token stays valid across
	// the session's pages (each page masks it afresh).
	victim.Submit("/employer/profile", "/logout", url.Values{}).MustBeAt(t, "/login", http.StatusOK)
}

// TestCrossOriginPostsAreRefused: a state-changing request whose Origin is
// not the public URL's is refused even with a valid token and cookie; one
// from the public origin, or from a browser that sends none, goes through.
func TestCrossOriginPostsAreRefused(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	b := webtest.NewBrowser(t, g)
	login := func(origin string) webtest.Page {
		token := webtest.FormValue(t, b.Get("/login").Body, "_csrf")
		req, _ := http.NewRequest(http.MethodPost, g.URL+"/login", strings.NewReader(url.Values{
			"email": {g.AdminEmail}, "password": {webtest.AdminPassword}, "_csrf": {token},
		}.Encode()))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		if origin != "" {
			req.Header.Set("Origin", origin)
		}
		return b.NoRedirects().Do(req)
	}
	for _, origin := range []string{"https://evil.example", "null", strings.Replace(g.URL, "http://", "https://", 1), g.URL + ".evil.example"} {
		if p := login(origin); p.Status != http.StatusForbidden {
			t.Errorf("sign-in with Origin %q answered %d, want 403", origin, p.Status)
		}
	}
	if p := login(g.URL); p.Status != http.StatusSeeOther || p.Header.Get("Location") != "/home" {
		t.Fatalf("sign-in from the public origin answered %d to %q, want 303 to /home", p.Status, p.Header.Get("Location"))
	}
}

// TestForgedForwardedProtoDoesNotChangeCookies: the web app trusts no
// proxy here (no TRUSTED_PROXIES), so a client claiming X-Forwarded-Proto:
// https over plain HTTP gets the same cookies as anyone on the plain-HTTP
// public URL: no __Host- name, no Secure flag.
func TestForgedForwardedProtoDoesNotChangeCookies(t *testing.T) {
	t.Parallel()
	g := webtest.Start(t, nil)
	page := forwardedGet(t, g.URL+"/login", "https")
	csrf := setCookie(page, "onward_csrf")
	if csrf == nil || csrf.Secure || setCookie(page, "__Host-onward_csrf") != nil {
		t.Fatalf("forged X-Forwarded-Proto changed the CSRF cookie: %v", page.Header.Values("Set-Cookie"))
	}
	token := webtest.FormValue(t, readBody(t, page), "_csrf")
	req, _ := http.NewRequest(http.MethodPost, g.URL+"/login", strings.NewReader(url.Values{
		"email": {g.AdminEmail}, "password": {webtest.AdminPassword}, "_csrf": {token},
	}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("X-Forwarded-Proto", "https")
	req.AddCookie(&http.Cookie{Name: "onward_csrf", Value: csrf.Value})
	resp := send(t, req)
	session := setCookie(resp, "onward_session")
	if resp.StatusCode != http.StatusSeeOther || session == nil || session.Secure || setCookie(resp, "__Host-onward_session") != nil {
		t.Fatalf("sign-in answered %d with %v, want a plain onward_session cookie", resp.StatusCode, resp.Header.Values("Set-Cookie"))
	}
}

// TestHTTPSPublicURLMakesCookiesHostOnlyAndSecure: with an https public
// URL every cookie is Secure, and the session and CSRF cookies take the
// __Host- prefix, whatever scheme the request itself arrived over (here
// plain HTTP from an untrusted peer, as behind a TLS terminator that does
// not say so).
func TestHTTPSPublicURLMakesCookiesHostOnlyAndSecure(t *testing.T) {
	t.Parallel()
	g := webtest.StartWithWeb(t, nil, map[string]string{"ONWARD_PUBLIC_URL": "https://onward.example"})
	page := forwardedGet(t, g.URL+"/login", "")
	csrf := setCookie(page, "__Host-onward_csrf")
	if csrf == nil || !csrf.Secure || !csrf.HttpOnly || csrf.Path != "/" || csrf.Domain != "" {
		t.Fatalf("CSRF cookie is not __Host- and Secure: %v", page.Header.Values("Set-Cookie"))
	}
	token := webtest.FormValue(t, readBody(t, page), "_csrf")
	req, _ := http.NewRequest(http.MethodPost, g.URL+"/login", strings.NewReader(url.Values{
		"email": {g.AdminEmail}, "password": {webtest.AdminPassword}, "_csrf": {token},
	}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Origin", "https://onward.example")
	req.AddCookie(&http.Cookie{Name: csrf.Name, Value: csrf.Value})
	resp := send(t, req)
	session := setCookie(resp, "__Host-onward_session")
	if resp.StatusCode != http.StatusSeeOther || session == nil || !session.Secure || session.Path != "/" {
		t.Fatalf("sign-in answered %d with %v, want a __Host- Secure session cookie", resp.StatusCode, resp.Header.Values("Set-Cookie"))
	}
	lang := forwardedGet(t, g.URL+"/lang/nl?next=/", "")
	if c := setCookie(lang, "onward_lang"); c == nil || !c.Secure {
		t.Fatalf("language cookie is not Secure: %v", lang.Header.Values("Set-Cookie"))
	}
}

// forwardedGet sends a GET without cookies or following redirects, with
// an X-Forwarded-Proto header when proto is given.
func forwardedGet(t *testing.T, url, proto string) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(http.MethodGet, url, nil)
	req.Header.Set("Accept", "text/html")
	if proto != "" {
		req.Header.Set("X-Forwarded-Proto", proto)
	}
	return send(t, req)
}

func send(t *testing.T, req *http.Request) *http.Response {
	t.Helper()
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func readBody(t *testing.T, resp *http.Response) string {
	t.Helper()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return string(body)
}

// setCookie is the cookie name that resp sets, or nil.
func setCookie(resp *http.Response, name string) *http.Cookie {
	for _, c := range resp.Cookies() {
		if c.Name == name {
			return c
		}
	}
	return nil
}
