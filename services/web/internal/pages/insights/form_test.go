package insights_test

import (
	"io"
	"net/http"
	"strings"
	"testing"
)

// TestTheReportFormAnswersBadInputBesideItsFields: a month that is no
// month, a last month before the first, and a programme together with a
// split are refused by the API; the page shows the form again with the
// reason beside each field, what was typed, and no report.
func TestTheReportFormAnswersBadInputBesideItsFields(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	cases := []struct {
		query, field, want string
	}{
		{"from=2026-13&to=2026-12", "from", "Enter a month as year and month, for example 2026-01."},
		{"from=2026-06&to=2026-01", "to", "not before the first month and at most ten years after it"},
		{"programme=p1&group_by=setting", "programme", "Choose a programme, or split by a group, not both."},
		{"group_by=galaxy", "group_by", "Choose how to split the report from the list."},
	}
	for _, c := range cases {
		p := s.coach.Get("/insights?" + c.query)
		p.MustBeAt(t, "/insights", http.StatusUnprocessableEntity)
		p.MustContain(t, "The report could not be made. Check the fields below.", c.want,
			`<a href="#`+c.field+`">`, `id="`+c.field+`-error"`)
		p.MustNotContain(t, `role="img"`, "Download as CSV")
	}
	s.coach.Get("/insights?from=2026-13&to=2026-12").MustContain(t, `value="2026-13"`)
}

// TestTheCSVIsTheAPIsOwn: the page's CSV link carries the report's
// parameters with format=csv; following it streams the API's CSV through
// under the API's file name, never stored by the browser's cache, and
// a refused parameter is answered on the form instead.
func TestTheCSVIsTheAPIsOwn(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	page := s.coach.Get("/insights?from=2026-01&to=2026-06&group_by=region")
	link := "/insights?format=csv&from=2026-01&group_by=region&to=2026-06"
	page.MustContain(t, `href="`+link+`"`)

	req, _ := http.NewRequest(http.MethodGet, s.g.URL+link, nil)
	resp, err := (&http.Client{Jar: s.coach.Jar()}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("Content-Type") != "text/csv; charset=utf-8" ||
		resp.Header.Get("Content-Disposition") != `attachment; filename="onward-outcomes-`+s.org+`-2026-01-2026-06.csv"` ||
		resp.Header.Get("Cache-Control") != "no-store" {
		t.Fatalf("the CSV answered %d with %v", resp.StatusCode, resp.Header)
	}
	if !strings.HasPrefix(string(body), "table,group,month,step,count\n") || !strings.Contains(string(body), "funnel,BE.VLG,,registered,") ||
		!strings.Contains(string(body), "fewer than 5") {
		t.Errorf("the CSV is not the API's:\n%s", body)
	}
	q := s.in.Last(t, http.MethodGet, "/api/v1/insights/outcomes").Query
	if q.Get("format") != "csv" || q.Get("group_by") != "region" || q.Get("from") != "2026-01" || q.Get("to") != "2026-06" {
		t.Errorf("the CSV asked the API with %v", q)
	}

	bad := s.coach.Get("/insights?format=csv&from=nonsense")
	bad.MustBeAt(t, "/insights", http.StatusUnprocessableEntity)
	bad.MustContain(t, "Enter a month as year and month")
}
