package site_test

import (
	"context"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// browser is a cookie-keeping HTTP client that behaves like a browser
// without JavaScript: it follows redirects and posts forms.
type browser struct {
	t    *testing.T
	g    *webtest.Stack
	c    *http.Client
	lang string
}

// page is one answer, after redirects.
type page struct {
	Status int
	URL    *url.URL
	Header http.Header
	Body   string
}

func newBrowser(t *testing.T, g *webtest.Stack) *browser {
	t.Helper()
	jar, err := cookiejar.New(nil)
	if err != nil {
		t.Fatal(err)
	}
	return &browser{t: t, g: g, c: &http.Client{Jar: jar}}
}

// noRedirects makes the browser stop at the first answer, to inspect it.
func (b *browser) noRedirects() *browser {
	c := *b.c
	c.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return &browser{t: b.t, g: b.g, c: &c, lang: b.lang}
}

func (b *browser) do(req *http.Request) page {
	b.t.Helper()
	req.Header.Set("Accept", "text/html,application/xhtml+xml")
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
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
	return page{Status: resp.StatusCode, URL: resp.Request.URL, Header: resp.Header, Body: string(body)}
}

func (b *browser) get(path string) page {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, b.g.URL+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do(req)
}

func (b *browser) post(path string, form url.Values) page {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.g.URL+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	return b.do(req)
}

var csrfInput = regexp.MustCompile(`name="_csrf" value="([^"]+)"`)

// submit loads the page at from, then posts fields to action with the
// page's CSRF token, as a browser submitting its form would.
func (b *browser) submit(from, action string, fields url.Values) page {
	b.t.Helper()
	p := b.get(from)
	m := csrfInput.FindStringSubmatch(p.Body)
	if m == nil {
		b.t.Fatalf("no CSRF field on %s (status %d)", from, p.Status)
	}
	fields.Set("_csrf", m[1])
	return b.post(action, fields)
}

// cookie returns the browser's cookie name for the gateway.
func (b *browser) cookie(name string) string {
	u, _ := url.Parse(b.g.URL)
	for _, c := range b.c.Jar.Cookies(u) {
		if c.Name == name {
			return c.Value
		}
	}
	return ""
}

func (b *browser) setCookie(name, value string) {
	u, _ := url.Parse(b.g.URL)
	b.c.Jar.SetCookies(u, []*http.Cookie{{Name: name, Value: value, Path: "/"}})
}

// storedSession is the server's record of the browser's session, as the
// web app keeps it in Redis.
type storedSession struct {
	AccessToken   string    `json:"at"`
	RefreshToken  string    `json:"rt"`
	AccessExpires time.Time `json:"exp"`
}

func (b *browser) sessionKey() string {
	return b.g.SessionPrefix + "session:" + b.cookie("onward_session")
}

// session reads the browser's session from Redis; ok is false when the
// server holds none.
func (b *browser) session() (s storedSession, ok bool) {
	b.t.Helper()
	buf, err := testkit.Redis(b.t).Get(context.Background(), b.sessionKey()).Bytes()
	if err != nil {
		return storedSession{}, false
	}
	if err := json.Unmarshal(buf, &s); err != nil {
		b.t.Fatalf("stored session: %v", err)
	}
	return s, true
}

// expireAccessToken makes the server believe the session's access token
// has expired, as it will a quarter of an hour after sign-in.
func (b *browser) expireAccessToken() {
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

// mustContain fails unless the page shows every text (HTML-unescaped).
func (p page) mustContain(t *testing.T, texts ...string) {
	t.Helper()
	text := html.UnescapeString(p.Body)
	for _, s := range texts {
		if !strings.Contains(text, s) {
			t.Fatalf("page %s (status %d) lacks %q:\n%s", p.URL.Path, p.Status, s, p.Body)
		}
	}
}

func (p page) mustBeAt(t *testing.T, path string, status int) {
	t.Helper()
	if p.URL.Path != path || p.Status != status {
		t.Fatalf("ended at %s with %d, want %s with %d:\n%s", p.URL.Path, p.Status, path, status, p.Body)
	}
}

var emailSeq atomic.Int64

// uniqueEmail returns an address no other test, and no earlier run, uses:
// the sign-in throttle counts per address in the shared test Redis.
func uniqueEmail(t *testing.T) string {
	return fmt.Sprintf("user%d.%d@example.test", time.Now().UnixNano(), emailSeq.Add(1))
}

// start runs a gateway for a test. Every test gateway signs in from
// 127.0.0.1 and shares one Redis, so the per-address sign-in limit is
// raised out of the way unless a test sets it.
func start(t *testing.T, env map[string]string) *webtest.Stack {
	t.Helper()
	merged := map[string]string{"LOGIN_IP_LIMIT": "1000000"}
	for k, v := range env {
		merged[k] = v
	}
	return webtest.Start(t, merged)
}

// strongPassword passes the gateway's password rules.
const strongPassword = "quiet-orchard-bicycle-71"

// signUp creates an employer through the form and returns the home page.
func (b *browser) signUp(org, name, email string) page {
	b.t.Helper()
	return b.submit("/signup", "/signup", url.Values{
		"organisation_name": {org}, "name": {name}, "email": {email}, "password": {strongPassword},
	})
}
