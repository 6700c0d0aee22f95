package insights_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestAPlatformAdminReadsThePlatformOrAnOrganisation: the platform
// administrator reads the whole platform by default, with the employers
// named as the gateway names them (one it no longer knows keeps a neutral
// label) and the organisation as a way to split; choosing an
// organisation from the list reads that organisation's report, which
// cannot be split by organisation.
func TestAPlatformAdminReadsThePlatformOrAnOrganisation(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	ana := webtest.NewBrowser(t, s.g)
	ana.SignUpPending("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	cafe := orgOf(t, ana)
	s.in.Set(func(f *fake.Insights) { f.Employers = []string{cafe, "0b5c1e9e-0000-4000-8000-00000000gone"} })
	admin := webtest.SignIn(t, s.g, s.g.AdminEmail, webtest.AdminPassword)

	p := admin.Get("/insights?from=2026-01&to=2026-12")
	p.MustBeAt(t, "/insights", http.StatusOK)
	p.MustContain(t, "The whole platform, January 2026 to December 2026.",
		`<option value="" selected>The whole platform</option>`, `<option value="`+s.org+`">Koffiebranderij Kortrijk</option>`,
		`<option value="organisation">Organisation</option>`,
		"Employers", "People at each step, by employer", "Café De Hoek", "Employer 00gone")
	p.MustNotContain(t, `id="programme"`)
	if q := s.in.Last(t, http.MethodGet, "/api/v1/insights/outcomes").Query; q.Has("organisation") {
		t.Errorf("the platform's report asked for organisation %q", q.Get("organisation"))
	}

	byOrg := admin.Get("/insights?group_by=organisation")
	byOrg.MustContain(t, "Each group's funnel", "Organisation: people at each step", "<th scope=\"row\">Koffiebranderij Kortrijk</th>")

	one := admin.Get("/insights?organisation=" + url.QueryEscape(s.org))
	one.MustContain(t, "Koffiebranderij Kortrijk, ", `<option value="`+s.org+`" selected>Koffiebranderij Kortrijk</option>`)
	one.MustNotContain(t, `<option value="organisation">`, "People at each step, by employer")
	if q := s.in.Last(t, http.MethodGet, "/api/v1/insights/outcomes").Query; q.Get("organisation") != s.org {
		t.Errorf("the organisation's report asked for %v", q)
	}
}

// TestAWithheldReportShowsNoNumbers: when the service withholds a report
// (it could not prove that no hidden count can be worked out), the page
// says so in plain words and draws no chart and no table.
func TestAWithheldReportShowsNoNumbers(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	s.in.Set(func(f *fake.Insights) { f.Withheld["p1"] = true })
	p := s.coach.Get("/insights?programme=p1")
	p.MustBeAt(t, "/insights", http.StatusOK)
	p.MustContain(t, "Espresso bar (Koffiebranderij Kortrijk), ", "This report is withheld", `<option value="p1" selected>Espresso bar</option>`)
	p.MustNotContain(t, `role="img"`, "<table", "Does every group get the same chances?")
	if q := s.in.Last(t, http.MethodGet, "/api/v1/insights/outcomes").Query; q.Get("programme") != "p1" {
		t.Errorf("the programme's report asked for %v", q)
	}
}

// TestTheReportSpeaksTheReadersLanguage: in Dutch the words, the hidden
// counts, the rates and ratios follow the language (0,60, not 0.60),
// and the groups are named in Dutch.
func TestTheReportSpeaksTheReadersLanguage(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	s.coach.Lang = "nl"
	p := s.coach.Get("/insights?from=2026-01&to=2026-12&group_by=setting")
	p.MustBeAt(t, "/insights", http.StatusOK)
	p.MustContain(t, "Resultaten en gelijke kansen", "Koffiebranderij Kortrijk, januari 2026 tot december 2026.", "minder dan 5", "niet getoond",
		"In een detentiehuis", "Onbekend", "Vlaanderen", "Dit aandeel is 0,60 keer de 50% van In een transitiehuis.",
		"Een vlag is een vraag, geen oordeel", "Download als CSV")
	p.MustNotContain(t, "fewer than 5</text>", "Below four fifths")
	if got := p.Header.Get("Content-Language"); got != "nl" {
		t.Errorf("Content-Language %q", got)
	}
}
