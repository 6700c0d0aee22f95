package launcher

import (
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestOutcomesReportMatchesTheTestsOwnRecord drives 200 generated
// candidates through a year on its own platform, with the business clock
// of the candidates, matching, placements and insights services moved
// month by month: registration, consent, shortlists, requests to meet,
// answers, meetings, hires, follow-ups and early ends. It then checks
// every number of the outcomes report (every dimension's funnel,
// retention, medians, trends and fairness rates, the per-employer table)
// against a count made from the test's own record (insights_expect_test.go):
// a shown number must equal it, "fewer than 5" must hide fewer than 5,
// "not shown" 5 or more. An observer sees a shared organisation's report
// and nothing else; a rebuild from the owners changes nothing.
func TestOutcomesReportMatchesTheTestsOwnRecord(t *testing.T) {
	now := time.Now().UTC()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -12, 0)
	clock := &testClock{}
	clock.Set(first.Add(10 * time.Hour))
	candidatesClock, matchingClock, placementsClock, insightsClock = clock.Now, clock.Now, clock.Now, clock.Now
	env := testEnviron(t, t.TempDir())
	env["SWEEP_INTERVAL"] = "200ms"
	env["DAILY_PASS_INTERVAL"] = "200ms"
	env["REPORT_MAX_AGE"] = "0"
	p := start(t, env)
	candidatesClock, matchingClock, placementsClock, insightsClock = nil, nil, nil, nil

	w := newOutcomesWorld(t, p, clock, first)
	began := time.Now()
	for m := range 12 {
		t.Logf("month %d begins after %v", m, time.Since(began).Round(time.Second))
		n := 17
		if m >= 8 {
			n = 16
		}
		w.register(m, n)
		w.at(m, 3)
		w.settleShortlists()
		if m > 0 {
			w.at(m, 4)
			asked := w.ask(m - 1)
			w.at(m, 6)
			w.answer(asked)
			w.at(m, 9)
			w.meet(m - 1)
		}
		w.at(m, 10)
		w.answerFollowUps()
	}
	w.at(12, 3)
	w.meet(11)
	w.answerFollowUps()
	if len(w.people) != 200 {
		t.Fatalf("%d candidates generated, want 200", len(w.people))
	}
	from, to := monthName(first), monthName(w.monthDay(12, 1))
	orgA := w.orgs[0]

	// Insights absorbs the year's events; wait until its total agrees on
	// the last steps taken, then compare everything.
	total := func(r api.OutcomesReport, step string) api.SuppressedCount { return stepOf(r.Funnel[0], step) }
	var last api.OutcomesReport
	deadline := time.Now().Add(90 * time.Second)
	for {
		last = w.report(w.platform, url.Values{"from": {from}, "to": {to}})
		want := w.expected("all", last.AsOf, nil)["all"]
		if sameCount(total(last, "registered"), want.steps["registered"]) && sameCount(total(last, "hired"), want.steps["hired"]) &&
			sameCount(total(last, "working_30"), want.steps["working_30"]) || time.Now().After(deadline) {
			break
		}
		time.Sleep(500 * time.Millisecond)
	}

	c := &reportCheck{t: t}
	t.Run("the platform's report", func(t *testing.T) {
		c.t = t
		for _, d := range []string{"", "organisation", "setting", "country", "region", "urban", "programme", "programme_kind", "contract", "occupation"} {
			q := url.Values{"from": {from}, "to": {to}}
			if d != "" {
				q.Set("group_by", d)
			}
			r := w.report(w.platform, q)
			c.funnel(w, r, d, nil)
			if d == "" {
				c.trends(w, r, nil)
				c.employers(w, r)
				c.fairness(w, r, nil)
			}
		}
	})
	t.Run("an organisation's report", func(t *testing.T) {
		c.t = t
		inA := func(pr *person) bool { return pr.org == 0 }
		for _, d := range []string{"", "setting", "region", "urban", "programme", "programme_kind", "contract"} {
			q := url.Values{"from": {from}, "to": {to}}
			if d != "" {
				q.Set("group_by", d)
			}
			r := w.report(orgA.staff, q)
			if r.Scope.OrganisationID == nil || *r.Scope.OrganisationID != orgA.id || r.Employers != nil {
				t.Errorf("the organisation's admin got the scope %+v, employers %v", r.Scope, r.Employers != nil)
			}
			c.funnel(w, r, d, inA)
			if d == "" {
				c.trends(w, r, inA)
				c.fairness(w, r, inA)
			}
		}
		prog := orgA.programmes[0]
		r := w.report(orgA.staff, url.Values{"from": {from}, "to": {to}, "programme": {prog.id}})
		c.funnel(w, r, "", func(pr *person) bool { return pr.org == 0 && pr.programme.id == prog.id })
		w.orgs[1].staff.do("GET", "/api/v1/insights/outcomes?programme="+prog.id, nil, http.StatusNotFound, nil)
	})
	if c.shown < 200 {
		t.Errorf("only %d numbers were shown across the reports: the comparison proves too little", c.shown)
	}
	t.Logf("%d shown numbers equal the test's count; %d fewer than 5 and %d not shown are consistent with it", c.shown, c.fewer, c.hidden)

	t.Run("an observer sees what is shared with it and nothing else", func(t *testing.T) {
		obsID, observer := w.newObserver("Provincie West")
		observer.do("GET", "/api/v1/insights/outcomes?organisation="+orgA.id, nil, http.StatusNotFound, nil)
		orgA.staff.do("PUT", "/api/v1/insights/shares/"+obsID, nil, http.StatusOK, nil)
		var shared api.OutcomesReport
		observer.do("GET", "/api/v1/insights/outcomes?organisation="+orgA.id+"&from="+from+"&to="+to, nil, http.StatusOK, &shared)
		c.t = t
		c.funnel(w, shared, "", func(pr *person) bool { return pr.org == 0 })
		observer.do("GET", "/api/v1/insights/outcomes?organisation="+w.orgs[1].id, nil, http.StatusNotFound, nil)
		observer.do("GET", "/api/v1/insights/outcomes", nil, http.StatusBadRequest, nil)
		for _, path := range []string{"/api/v1/candidates", "/api/v1/candidates/" + w.people[0].id, "/api/v1/roles/" + w.roles[0].id + "/shortlist", "/api/v1/introductions", "/api/v1/placements"} {
			if status, _ := observer.try("GET", path, nil, nil); status != http.StatusForbidden && status != http.StatusNotFound {
				t.Errorf("an observer reads %s: %d, want 403 or 404", path, status)
			}
		}
		orgA.staff.do("DELETE", "/api/v1/insights/shares/"+obsID, nil, http.StatusNoContent, nil)
		observer.do("GET", "/api/v1/insights/outcomes?organisation="+orgA.id, nil, http.StatusNotFound, nil)
	})

	t.Run("a rebuild from the owners equals the incremental counts", func(t *testing.T) {
		before := w.report(w.platform, url.Values{"from": {from}, "to": {to}, "group_by": {"region"}})
		var rebuilt struct {
			Differences int `json:"differences"`
			Candidates  int `json:"candidates"`
		}
		internalClient(t, p, "insights").do("POST", "/internal/v1/rebuild", nil, http.StatusOK, &rebuilt)
		if rebuilt.Differences != 0 || rebuilt.Candidates != 200 {
			t.Errorf("the rebuild read %d candidates and found %d counts that differ from the incremental ones", rebuilt.Candidates, rebuilt.Differences)
		}
		after := w.report(w.platform, url.Values{"from": {from}, "to": {to}, "group_by": {"region"}})
		was, _ := json.Marshal(before.Funnel)
		is, _ := json.Marshal(after.Funnel)
		if string(was) != string(is) {
			t.Errorf("the report changed with the rebuild:\nbefore %s\nafter  %s", was, is)
		}
	})

	t.Run("the report page on a phone", func(t *testing.T) {
		w.checkReportPages(t, from, to)
	})
}

// report reads the outcomes report as client.
func (w *outcomesWorld) report(client apiClient, q url.Values) api.OutcomesReport {
	var r api.OutcomesReport
	client.do("GET", "/api/v1/insights/outcomes?"+q.Encode(), nil, http.StatusOK, &r)
	if len(r.Funnel) == 0 || (q.Get("programme") == "" && r.Funnel[0].Group != "all") || (q.Get("programme") != "" && r.Funnel[0].Group != q.Get("programme")) {
		w.t.Fatalf("the report for %v does not start with its total: %+v", q, r.Funnel)
	}
	if r.Withheld {
		w.t.Fatalf("the report for %v was withheld", q)
	}
	return r
}

// newObserver creates an observer organisation with an admin and returns
// its id and the admin's client.
func (w *outcomesWorld) newObserver(name string) (string, apiClient) {
	var org api.Organisation
	w.platform.do("POST", "/api/v1/organisations", map[string]string{"name": name, "kind": "observer"}, http.StatusCreated, &org)
	email := fmt.Sprintf("analyst.%d@observer.test", time.Now().UnixNano())
	var inv api.Invitation
	w.platform.do("POST", "/api/v1/organisations/"+org.ID+"/invitations", map[string]string{"email": email, "role": "org_admin"}, http.StatusCreated, &inv)
	anon := w.p.client(w.t, "")
	anon.do("POST", "/api/v1/invitations/"+inv.Token+"/accept", map[string]string{"name": "Inge Maes", "password": staffPassword}, http.StatusCreated, nil)
	var tokens api.Tokens
	anon.do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": staffPassword}, http.StatusOK, &tokens)
	return org.ID, w.p.client(w.t, tokens.AccessToken)
}

// reportCheck compares published counts with expected ones and tallies
// how many were shown, so a run that compares nothing fails.
type reportCheck struct {
	t                    *testing.T
	shown, fewer, hidden int
}

// count checks one published count against the expected number.
func (c *reportCheck) count(where string, got api.SuppressedCount, want int) {
	c.t.Helper()
	switch got.Status {
	case "shown":
		c.shown++
		if got.Value == nil || *got.Value != want {
			c.t.Errorf("%s: shown %v, the test counted %d", where, valueOf(got), want)
		}
		if want < 5 {
			c.t.Errorf("%s: %d is below 5 and was shown", where, want)
		}
	case "fewer_than_5":
		c.fewer++
		if want >= 5 || got.Value != nil {
			c.t.Errorf("%s: reads fewer than 5 (value %v), the test counted %d", where, valueOf(got), want)
		}
	case "not_shown":
		c.hidden++
		if want < 5 || got.Value != nil {
			c.t.Errorf("%s: reads not shown (hiding 5 or more; value %v), the test counted %d", where, valueOf(got), want)
		}
	default:
		c.t.Errorf("%s: unknown status %q", where, got.Status)
	}
}

// funnel checks every funnel group, its retention and its medians.
func (c *reportCheck) funnel(w *outcomesWorld, r api.OutcomesReport, d string, keep func(*person) bool) {
	c.t.Helper()
	dim := d
	if dim == "" {
		dim = "all"
	}
	want := w.expected(dim, r.AsOf, keep)
	wantAll := w.expected("all", r.AsOf, keep)["all"]
	seen := map[string]bool{}
	for i, g := range r.Funnel {
		e := want[g.Group]
		if i == 0 {
			e = wantAll
		}
		if e == nil {
			e = &expectedGroup{steps: map[string]int{}, retention: map[int]map[string]int{30: {}, 90: {}, 180: {}}}
		}
		if i > 0 {
			seen[g.Group] = true
		}
		for _, s := range g.Steps {
			if (dim == "contract" || dim == "occupation") && i > 0 && (s.Step == "registered" || s.Step == "consenting" || s.Step == "shortlisted") {
				continue
			}
			c.count(fmt.Sprintf("%s %s=%s %s", r.Scope.Kind, dim, g.Group, s.Step), s.Count, e.steps[string(s.Step)])
		}
		for _, ret := range g.Retention {
			day := int(ret.Day)
			where := fmt.Sprintf("%s %s=%s day %d", r.Scope.Kind, dim, g.Group, day)
			c.count(where+" working", ret.Working, e.retention[day]["working"])
			c.count(where+" not working", ret.NotWorking, e.retention[day]["not_working"])
			c.count(where+" unknown", ret.Unknown, e.retention[day]["unknown"])
		}
	}
	for i, m := range r.Medians {
		e := want[m.Group]
		if i == 0 {
			e = wantAll
		}
		for _, md := range m.Medians {
			if md.Days == nil || e == nil {
				continue
			}
			days := e.days[string(md.Step)]
			if len(days) < 5 || math.Abs(*md.Days-median(days)) > 1e-9 {
				c.t.Errorf("%s %s=%s median days to %s: %v, the test's median of %d people is %v", r.Scope.Kind, dim, m.Group, md.Step, *md.Days, len(days), median(days))
			}
		}
	}
	if dim != "all" {
		for g := range want {
			if !seen[g] {
				c.t.Errorf("%s group_by %s: the group %q of the test's record is missing", r.Scope.Kind, dim, g)
			}
		}
	}
}

// trends checks the activity view of the total, month by month.
func (c *reportCheck) trends(w *outcomesWorld, r api.OutcomesReport, keep func(*person) bool) {
	c.t.Helper()
	want := w.expectedTrends(r.AsOf, keep)
	if len(r.Trends) != 13 {
		c.t.Errorf("%d months of trends, want 13", len(r.Trends))
	}
	for _, m := range r.Trends {
		for _, s := range m.Steps {
			c.count(fmt.Sprintf("%s trend %s %s", r.Scope.Kind, m.Month, s.Step), s.Count, want[m.Month][string(s.Step)])
		}
	}
}

// fairness checks that every known rate is the test's reached over
// consenting, and that a flag means below four fifths of the best.
func (c *reportCheck) fairness(w *outcomesWorld, r api.OutcomesReport, keep func(*person) bool) {
	c.t.Helper()
	if len(r.Fairness) == 0 {
		c.t.Errorf("%s: no fairness comparison", r.Scope.Kind)
	}
	for _, f := range r.Fairness {
		want := w.expected(string(f.Dimension), r.AsOf, keep)
		for _, cmp := range f.Comparisons {
			for _, g := range cmp.Groups {
				e := want[g.Group]
				if e == nil || !g.Known || g.Rate == nil {
					continue
				}
				base, reached := e.steps["consenting"], e.steps[string(cmp.Step)]
				where := fmt.Sprintf("%s fairness %s=%s %s", r.Scope.Kind, f.Dimension, g.Group, cmp.Step)
				if f.Dimension == "contract" || f.Dimension == "occupation" {
					continue // their base is not consenting people of the group
				}
				if base == 0 || math.Abs(*g.Rate-float64(reached)/float64(base)) > 1e-9 {
					c.t.Errorf("%s: rate %v, the test counts %d of %d", where, *g.Rate, reached, base)
				}
				if cmp.BestRate != nil && g.Flagged != (*g.Rate < 0.8**cmp.BestRate) {
					c.t.Errorf("%s: flagged %v at rate %v against the best %v", where, g.Flagged, *g.Rate, *cmp.BestRate)
				}
			}
		}
	}
}

// employers checks the per-employer table against the test's requests
// and hires.
func (c *reportCheck) employers(w *outcomesWorld, r api.OutcomesReport) {
	c.t.Helper()
	if r.Employers == nil || len(*r.Employers) == 0 {
		c.t.Errorf("the platform's report has no per-employer table")
		return
	}
	var me [2]api.Account
	for i, emp := range w.employer {
		emp.do("GET", "/api/v1/me", nil, http.StatusOK, &me[i])
	}
	for _, row := range *r.Employers {
		idx := -1
		for i := range me {
			if me[i].Organisation != nil && me[i].Organisation.ID == row.EmployerOrgID {
				idx = i
			}
		}
		if idx < 0 {
			c.t.Errorf("the per-employer table names %s, which asked nobody", row.EmployerOrgID)
			continue
		}
		want := map[string]int{}
		for _, pr := range w.people {
			if pr.intro == "" || pr.role.employer != idx {
				continue
			}
			for step := range reachOf(pr, r.AsOf, true, true).at {
				want[step]++
			}
		}
		for _, s := range row.Steps {
			c.count(fmt.Sprintf("employer %d %s", idx, s.Step), s.Count, want[string(s.Step)])
		}
	}
}

// stepOf returns a funnel group's count at step.
func stepOf(g api.FunnelGroup, step string) api.SuppressedCount {
	for _, s := range g.Steps {
		if string(s.Step) == step {
			return s.Count
		}
	}
	return api.SuppressedCount{}
}

// sameCount reports whether a published count agrees with n.
func sameCount(got api.SuppressedCount, n int) bool {
	switch got.Status {
	case "shown":
		return got.Value != nil && *got.Value == n
	case "fewer_than_5":
		return n < 5
	}
	return n >= 5
}

func valueOf(c api.SuppressedCount) string {
	if c.Value == nil {
		return "none"
	}
	return fmt.Sprint(*c.Value)
}

// checkReportPages opens the report pages in a real browser as
// organisation A's admin and as the platform administrator: on a phone
// (390×844, screenshots kept) and on a desktop in English, on a phone in
// the other languages; each page must draw its charts (SVG images with a
// title) and pass axe-core with no violation.
func (w *outcomesWorld) checkReportPages(t *testing.T, from, to string) {
	engine := loadAxe(t)
	browser := testkit.Chromium(t, 5*time.Minute)
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start the browser: %v", err)
	}
	dir := testkit.ArtifactDir(t, "screenshots")
	charts := func(a *axeTab) {
		n := a.eval(`String(Array.from(document.querySelectorAll('svg[role="img"]')).filter(s => s.querySelector('title') && s.getBoundingClientRect().width > 100).length)`)
		if n == "0" || n == "1" || n == "2" {
			a.t.Errorf("%s: %s charts drawn on the report page, want the funnel, the trends and retention", a.audience, n)
		}
		if body := a.eval(`document.body.innerText`); !strings.Contains(body, "fewer than 5") && !strings.Contains(body, "minder dan 5") && !strings.Contains(body, "moins de 5") && !strings.Contains(body, "weniger als 5") {
			a.t.Errorf("%s: the report page never says a small number is hidden", a.audience)
		}
	}
	query := "?from=" + from + "&to=" + to
	for _, who := range []struct{ name, email, password, group string }{
		{"insights-programme-admin", w.orgs[0].email, staffPassword, "setting"},
		{"insights-platform-admin", adminEmail, adminPassword, "region"},
	} {
		tab := newAxeTab(t, browser, w.p.url("web"), engine, who.name)
		tab.signIn(who.email, who.password)
		for _, lang := range []string{"en", "nl", "fr", "de"} {
			tab.switchLanguage(lang)
			pg := axePage{name: "report", path: "/insights" + query + "&group_by=" + who.group, at: "/insights", then: charts}
			if lang == "en" {
				tab.audit(pg, lang, dir, phoneShotView, desktopView)
			} else {
				tab.audit(pg, lang, "", phoneView)
			}
		}
		tab.close()
	}
}
