package webtest

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// Browser is a cookie-keeping HTTP client that behaves like a browser
// without JavaScript: it follows redirects and posts forms. Its methods
// fail the test on any transport error, so a test reads as the steps a
// person takes.
type Browser struct {
	// Lang, when set, is the Accept-Language the browser sends.
	Lang  string
	t     testing.TB
	stack *Stack
	c     *http.Client
}

// NewBrowser returns a browser with no cookies, pointed at the stack's
// web app.
func NewBrowser(t testing.TB, s *Stack) *Browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &Browser{t: t, stack: s, c: &http.Client{Jar: jar}}
}

// Stack returns the stack the browser is pointed at.
func (b *Browser) Stack() *Stack { return b.stack }

// Jar returns the browser's cookies, for a test that sends requests
// with a client of its own.
func (b *Browser) Jar() http.CookieJar { return b.c.Jar }

// NoRedirects returns the same browser (its cookies, its language) but
// stopping at the first answer, to inspect a redirect itself.
func (b *Browser) NoRedirects() *Browser {
	c := *b.c
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &Browser{t: b.t, stack: b.stack, c: &c, Lang: b.Lang}
}

// Do sends req as the browser, asking for HTML unless req names what it
// accepts, and returns the answer after any redirects.
func (b *Browser) Do(req *http.Request) Page {
	b.t.Helper()
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "text/html,application/xhtml+xml")
	}
	if b.Lang != "" {
		req.Header.Set("Accept-Language", b.Lang)
	}
	resp, err := b.c.Do(req)
	if err != nil {
		b.t.Fatalf("%s %s: %v", req.Method, req.URL.Path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		b.t.Fatal(err)
	}
	return Page{Status: resp.StatusCode, URL: resp.Request.URL, Header: resp.Header, Body: string(body)}
}

// Get loads the page at path (with its query) on the web app.
func (b *Browser) Get(path string) Page {
	b.t.Helper()
	return b.Do(b.request(http.MethodGet, path, nil))
}

// Post posts form to path as a form submission, without adding a CSRF
// token: Submit is what a browser's form does.
func (b *Browser) Post(path string, form url.Values) Page {
	b.t.Helper()
	req := b.request(http.MethodPost, path, strings.NewReader(form.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.Do(req)
}

// GetJSON asks for path as a page's script does (Accept:
// application/json) and decodes the answer into v; it fails the test when
// the answer is not JSON.
func (b *Browser) GetJSON(path string, v any) Page {
	b.t.Helper()
	req := b.request(http.MethodGet, path, nil)
	req.Header.Set("Accept", "application/json")
	p := b.Do(req)
	if err := json.Unmarshal([]byte(p.Body), v); err != nil {
		b.t.Fatalf("%s answered %d with no JSON: %v", path, p.Status, err)
	}
	return p
}

func (b *Browser) request(method, path string, body io.Reader) *http.Request {
	b.t.Helper()
	req, err := http.NewRequest(method, b.stack.URL+path, body)
	if err != nil {
		b.t.Fatal(err)
	}
	return req
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// Submit loads the page at from, then posts fields to action with the
// page's CSRF token, as a browser submitting its form would. It sets
// fields' _csrf.
func (b *Browser) Submit(from, action string, fields url.Values) Page {
	b.t.Helper()
	p := b.Get(from)
	m := csrfInput.FindStringSubmatch(p.Body)
	if m == nil {
		b.t.Fatalf("no CSRF field on %s (status %d)", from, p.Status)
	}
	fields.Set("_csrf", m[1])
	return b.Post(action, fields)
}

// Cookie returns the value of the browser's cookie name for the web app,
// or "" when it holds none.
func (b *Browser) Cookie(name string) string {
	u, _ := url.Parse(b.stack.URL)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

// SetCookie sets the browser's cookie name for the web app, as a person
// editing their cookies would.
func (b *Browser) SetCookie(name, value string) {
	u, _ := url.Parse(b.stack.URL)
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

// StoredSession is the server's record of a browser's session, as the
// web app keeps it in Redis.
type StoredSession struct {
	AccessToken   string    `json:"at"`
	RefreshToken  string    `json:"rt"`
	AccessExpires time.Time `json:"exp"`
}

func (b *Browser) sessionKey() string {
	return b.stack.SessionPrefix + "session:" + b.Cookie("onward_session")
}

// Session reads the browser's session from Redis; ok is false when the
// server holds none.
func (b *Browser) Session() (s StoredSession, ok bool) {
	b.t.Helper()
	buf, err := testkit.Redis(b.t).Get(context.Background(), b.sessionKey()).Bytes()
	if err != nil {
		return StoredSession{}, false
	}
	if err := json.Unmarshal(buf, &s); err != nil {
		b.t.Fatalf("stored session: %v", err)
	}
	return s, true
}

// ExpireAccessToken makes the server believe the session's access token
// has expired, as it will a quarter of an hour after sign-in.
func (b *Browser) ExpireAccessToken() {
	b.t.Helper()
	rdb := testkit.Redis(b.t)
	buf, err := rdb.Get(context.Background(), b.sessionKey()).Bytes()
	if err != nil {
		b.t.Fatalf("no stored session: %v", err)
	}
	var raw map[string]any
	_ = json.Unmarshal(buf, &raw)
	raw["exp"] = time.Now().Add(-time.Minute).Format(time.RFC3339Nano)
	buf, _ = json.Marshal(raw)
	if err := rdb.Set(context.Background(), b.sessionKey(), buf, time.Hour).Err(); err != nil {
		b.t.Fatal(err)
	}
}

// UserID is the signed-in user's id, read from the session's access
// token (unverified: the test only needs to know who it is), for fakes
// that keep data per user.
func (b *Browser) UserID() string {
	b.t.Helper()
	s, ok := b.Session()
	if !ok {
		b.t.Fatal("the browser is not signed in")
	}
	parts := strings.Split(s.AccessToken, ".")
	if len(parts) != 3 {
		b.t.Fatal("the session's access token is not a JWT")
	}
	buf, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var claims struct {
		Sub string `json:"sub"`
	}
	if err := json.Unmarshal(buf, &claims); err != nil || claims.Sub == "" {
		b.t.Fatalf("the access token names no user: %v", err)
	}
	return claims.Sub
}

// CallAPI sends a request to the gateway's API with the signed-in user's
// own access token and decodes a JSON answer into out (when not nil); it
// returns the status.
func (b *Browser) CallAPI(method, path string, out any) int {
	b.t.Helper()
	s, ok := b.Session()
	if !ok {
		b.t.Fatal("the browser is not signed in")
	}
	req, err := http.NewRequest(method, b.stack.APIURL+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+s.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer resp.Body.Close()
	if out != nil {
		_ = json.NewDecoder(resp.Body).Decode(out)
	}
	return resp.StatusCode
}
