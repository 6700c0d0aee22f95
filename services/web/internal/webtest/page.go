package webtest

import (
	"fmt"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// Page is one answer of the web app, after redirects.
type Page struct {
	Status int
	// URL is where the browser ended up.
	URL    *url.URL
	Header http.Header
	Body   string
}

// MustContain fails unless the page shows every text (HTML-unescaped).
func (p Page) MustContain(t testing.TB, texts ...string) {
	t.Helper()
	text := html.UnescapeString(p.Body)
	for _, s := range texts {
		if !strings.Contains(text, s) {
			t.Fatalf("page %s (status %d) lacks %q:\n%s", p.URL.Path, p.Status, s, p.Body)
		}
	}
}

// MustNotContain fails if the page's HTML holds any of texts, as they
// are (not unescaped, unlike MustContain).
func (p Page) MustNotContain(t testing.TB, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(p.Body, s) {
			t.Fatalf("page %s shows %q:\n%s", p.URL.Path, s, p.Body)
		}
	}
}

// MustBeAt fails unless the browser ended at path with status.
func (p Page) MustBeAt(t testing.TB, path string, status int) {
	t.Helper()
	if p.URL.Path != path || p.Status != status {
		t.Fatalf("ended at %s with %d, want %s with %d:\n%s", p.URL.Path, p.Status, path, status, p.Body)
	}
}

// MustMatch fails unless the page's HTML matches every regular
// expression.
func (p Page) MustMatch(t testing.TB, exprs ...string) {
	t.Helper()
	for _, e := range exprs {
		if !regexp.MustCompile(e).MatchString(p.Body) {
			t.Fatalf("page %s (status %d) does not match %s:\n%s", p.URL.Path, p.Status, e, p.Body)
		}
	}
}

// MustShowBefore fails unless the page's HTML holds first, and second
// after it.
func (p Page) MustShowBefore(t testing.TB, first, second string) {
	t.Helper()
	i, j := strings.Index(p.Body, first), strings.Index(p.Body, second)
	if i < 0 || j < 0 || i > j {
		t.Fatalf("%q does not come before %q (at %d and %d):\n%s", first, second, i, j, p.Body)
	}
}

var emailSeq atomic.Int64

// UniqueEmail returns an address no other test, and no earlier run, uses:
// the sign-in throttle counts per address in the shared test Redis.
func UniqueEmail(t testing.TB) string {
	return fmt.Sprintf("user%d.%d@example.test", time.Now().UnixNano(), emailSeq.Add(1))
}
