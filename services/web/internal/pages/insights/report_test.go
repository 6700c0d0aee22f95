package insights_test

import (
	"net/http"
	"os"
	"strings"
	"testing"
)

// TestAProgrammeAdminReadsItsOrganisationsReport: Sam opens the report
// from the home page and reads his own organisation's, whose numbers are
// written as the API published them (hidden ones in words), with three
// charts, each an image with a title and a description and the table
// behind it, the medians, the fairness comparison with a flagged group
// (its ratio and the best group's share), an "at most" group and the
// "Not known" group, named in plain words, and a CSV link with the same
// parameters. The page asks the API for no organisation: its own is the
// default.
func TestAProgrammeAdminReadsItsOrganisationsReport(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	s.coach.Get("/home").MustContain(t, "Outcomes and fairness", `href="/insights"`, `href="/insights/sharing"`)

	p := s.coach.Get("/insights?from=2026-01&to=2026-12")
	if dump := os.Getenv("INSIGHTS_DUMP"); dump != "" {
		_ = os.WriteFile(dump, []byte(p.Body), 0o644)
	}
	p.MustBeAt(t, "/insights", http.StatusOK)
	p.MustContain(t, "Koffiebranderij Kortrijk, January 2026 to December 2026.", "Counted on",
		"From registration to a job", "Still in work", "Month by month", "How long it takes", "Does every group get the same chances?",
		"fewer than 5", "not shown", "Registered", "Agreed to matching", "Hired",
		`<option value="p1">Espresso bar</option>`, `<option value="p2">Roastery floor</option>`,
		"In a transition house", "In a detention house", "Not known", "Flanders", "Noord-Holland", "Barista", "kitchen-assistant",
		"Flag: below four fifths of the best share. This share is 0.60 of the 50% of In a transition house.", "at most 33%",
		"A flag is a question, not a verdict", `href="#flag-question"`,
		`href="/insights?format=csv&from=2026-01&to=2026-12"`)
	p.MustContain(t, "Registered: from 5 to 13 a month; 2 months hidden.", "Hired: every month hidden.")
	if n := strings.Count(p.Body, `role="img" aria-labelledby="chart-`); n != 3 {
		t.Errorf("the report draws %d charts, want 3", n)
	}
	p.MustMatch(t, `<title id="chart-funnel-title">From registration to a job</title><desc id="chart-funnel-desc">Registered: 64; Agreed to matching: 51;`,
		`<caption>People at each step, and the share of the step before \(for work after a hire`, `<th scope="row">Registered</th>`)
	if q := s.in.Last(t, http.MethodGet, "/api/v1/insights/outcomes").Query; q.Get("organisation") != "" || q.Get("from") != "2026-01" || q.Get("format") != "json" {
		t.Errorf("the report asked the API with %v", q)
	}
}
