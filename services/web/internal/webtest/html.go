package webtest

import (
	"html"
	"regexp"
	"strings"
	"testing"
)

// Details returns the inner HTML of the match explanation's <details>
// with that id, failing the test when the page has none.
func (p Page) Details(t testing.TB, id string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<details class="match-details" id="` + regexp.QuoteMeta(id) + `">(.*?)</details>`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("page %s has no details %s:\n%s", p.URL.Path, id, p.Body)
	}
	return m[1]
}

// InOrder fails unless texts appear in html in this order.
func InOrder(t testing.TB, where, html string, texts ...string) {
	t.Helper()
	at := 0
	for _, s := range texts {
		i := strings.Index(html[at:], s)
		if i < 0 {
			t.Fatalf("%s: %q missing, or not after %q:\n%s", where, s, html[:at], html)
		}
		at += i + len(s)
	}
}

// NotIn fails if html shows any of texts.
func NotIn(t testing.TB, where, html string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(html, s) {
			t.Errorf("%s shows %q:\n%s", where, s, html)
		}
	}
}

// Href returns the address of the page's link whose text is text (HTML
// entities in it decoded), or fails the test.
func Href(t testing.TB, p Page, text string) string {
	t.Helper()
	m := regexp.MustCompile(`href="([^"]+)"[^>]*>\s*` + regexp.QuoteMeta(text) + `\s*<`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("page %s has no link %q:\n%s", p.URL.Path, text, p.Body)
	}
	return html.UnescapeString(m[1])
}
