package app_test

import (
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// pageBudget is what one page may weigh on the wire, compressed: a phone
// on a poor connection in a house should still get every page quickly.
const pageBudget = 30 << 10

// TestPagesAreCompressedAndLight fetches the heaviest pages an employer
// meets (the role form with a template's skills, the profile, the home
// webtest.Page) and the shared assets as a browser does, and checks that each
// comes compressed and under the budget; it logs every size.
func TestPagesAreCompressedAndLight(t *testing.T) {
	t.Parallel()
	b, _, _ := webtest.EmployerSession(t)
	paths := []string{
		"/", "/home", "/employer/profile", "/roles/new",
		"/roles/new?step=details&occupation=barista&occupation_q=Barista&occupation_shown=Barista",
	}
	form := b.Get(paths[len(paths)-1]).Body
	for _, name := range []string{"app.css", "app.js", "picker.js"} {
		i := strings.Index(form, "/assets/"+name+"?v=")
		if i < 0 {
			t.Fatalf("the role form does not link %s", name)
		}
		paths = append(paths, form[i:i+strings.IndexByte(form[i:], '"')])
	}
	client := &http.Client{Jar: b.Jar(), Transport: &http.Transport{DisableCompression: true}}
	for _, path := range paths {
		for _, coding := range []string{"br", "gzip"} {
			req, _ := http.NewRequest(http.MethodGet, b.Stack().URL+path, nil)
			req.Header.Set("Accept-Encoding", coding)
			resp, err := client.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			switch {
			case resp.StatusCode != http.StatusOK:
				t.Errorf("%s answered %d", path, resp.StatusCode)
			case resp.Header.Get("Content-Encoding") != coding:
				t.Errorf("%s came with Content-Encoding %q, want %s", path, resp.Header.Get("Content-Encoding"), coding)
			case len(body) > pageBudget:
				t.Errorf("%s weighs %d bytes with %s, over the %d-byte budget", path, len(body), coding, pageBudget)
			}
			t.Logf("%-40.40s %-4s %6d bytes", path, coding, len(body))
		}
	}
}
