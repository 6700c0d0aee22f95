package insights_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestOnlyReportReadersReachTheReport: an employer and a programme's
// ordinary member get the forbidden page for the report and the sharing
// page, and no link to either on their home page; an observer and a
// platform administrator get the report but not a programme's sharing
// page. The insights service is never asked on the refused ones' behalf.
func TestOnlyReportReadersReachTheReport(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	member := webtest.ProgrammeMember(t, s.g, s.coach)
	employer := webtest.NewBrowser(t, s.g)
	employer.SignUpPending("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	before := len(s.in.Requests(http.MethodGet, "/api/v1/insights/outcomes"))
	for who, b := range map[string]*webtest.Browser{"an employer": employer, "a programme member": member} {
		b.Get("/home").MustNotContain(t, `href="/insights"`, `href="/insights/sharing"`)
		for _, path := range []string{"/insights", "/insights?format=csv", "/insights/sharing"} {
			if p := b.Get(path); p.Status != http.StatusForbidden {
				t.Errorf("%s opens %s: %d, want 403", who, path, p.Status)
			}
		}
		if p := b.Post("/insights/sharing", url.Values{"observer_id": {"x"}}); p.Status != http.StatusForbidden {
			t.Errorf("%s posts the sharing form: %d, want 403", who, p.Status)
		}
	}
	if after := len(s.in.Requests(http.MethodGet, "/api/v1/insights/outcomes")); after != before {
		t.Errorf("the insights service was asked %d times for refused readers", after-before)
	}

	admin := webtest.SignIn(t, s.g, s.g.AdminEmail, webtest.AdminPassword)
	admin.Get("/home").MustContain(t, "Outcomes and fairness", `href="/insights"`)
	admin.Get("/home").MustNotContain(t, `href="/insights/sharing"`)
	if p := admin.Get("/insights/sharing"); p.Status != http.StatusForbidden {
		t.Errorf("a platform administrator opens /insights/sharing: %d, want 403", p.Status)
	}
	observer, _, _ := s.addOrganisation(t, "Stad Kortrijk", "observer")
	observer.Get("/home").MustContain(t, `href="/insights"`)
	if p := observer.Get("/insights/sharing"); p.Status != http.StatusForbidden {
		t.Errorf("an observer opens /insights/sharing: %d, want 403", p.Status)
	}
}

// TestAnObserverReadsOnlyWhatIsSharedWithIt: with nothing shared the
// observer reads a plain sentence and its own id; once two programme
// organisations share with it (and a third does not), it chooses between
// those two, the first by name until it chooses, and another
// organisation's report is not found.
func TestAnObserverReadsOnlyWhatIsSharedWithIt(t *testing.T) {
	t.Parallel()
	s := newReportStack(t)
	observer, observerID, _ := s.addOrganisation(t, "Stad Kortrijk", "observer")
	none := observer.Get("/insights")
	none.MustBeAt(t, "/insights", http.StatusOK)
	none.MustContain(t, "Nothing shared yet", "No programme organisation shares its reports with your organisation yet.", observerID)
	none.MustNotContain(t, `role="img"`, `<form method="get" action="/insights"`)

	_, other, _ := s.addOrganisation(t, "Atelier Brugge", "programme")
	_, hidden, _ := s.addOrganisation(t, "Huis Gent", "programme")
	s.in.Share(s.org, observerID, time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC))
	s.in.Share(other, observerID, time.Date(2026, 4, 2, 9, 0, 0, 0, time.UTC))
	p := observer.Get("/insights?from=2026-01&to=2026-06")
	p.MustBeAt(t, "/insights", http.StatusOK)
	p.MustContain(t, "Atelier Brugge, January 2026 to June 2026.",
		`<option value="`+other+`" selected>Atelier Brugge</option>`, `<option value="`+s.org+`">Koffiebranderij Kortrijk</option>`)
	p.MustNotContain(t, "Huis Gent", `id="programme"`, `value="organisation"`)
	if q := s.in.Last(t, http.MethodGet, "/api/v1/insights/outcomes").Query; q.Get("organisation") != other {
		t.Errorf("the observer's report asked for %q, want the first shared organisation", q.Get("organisation"))
	}
	observer.Get("/insights?organisation="+url.QueryEscape(s.org)).MustContain(t, "Koffiebranderij Kortrijk, ")
	if p := observer.Get("/insights?organisation=" + url.QueryEscape(hidden)); p.Status != http.StatusNotFound {
		t.Errorf("the observer opens an organisation that does not share with it: %d, want 404", p.Status)
	}
}
