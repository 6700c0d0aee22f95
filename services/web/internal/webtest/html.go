package webtest

import (
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
