package insights_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
)

// chartsDrawn is true when the page has its three charts, each drawn at a
// size above zero and no wider than its column.
const chartsDrawn = `(() => {
  const svgs = [...document.querySelectorAll("svg.chart-svg")];
  return svgs.length === 3 && svgs.every(s => {
    const r = s.getBoundingClientRect(), col = s.closest(".chart").getBoundingClientRect();
    return r.width > 100 && r.height > 100 && r.right <= col.right + 0.5;
  });
})()`

// TestBrowserReportAndSharing walks the report pages in a real browser.
// At a phone's size (390×844) Sam, a programme organisation's
// administrator, opens the report from his home page (three charts drawn
// at a size above zero, the tables behind them opened), splits it by
// setting and shares the reports with Stad Kortrijk by its id; the
// observer then finds its id and the link on its home page and reads
// the report. At a desktop's size (1280 wide) the platform
// administrator reads the whole platform's report with the employers,
// and Sam his report split by region. Every step checks the address, the
// text and that a phone never scrolls sideways, and keeps a screenshot.
func TestBrowserReportAndSharing(t *testing.T) {
	s := newReportStack(t)
	email := webtest.ProgrammeAdminEmail(t, s.g)
	s.in.AddOrg(orgOf(t, webtest.SignIn(t, s.g, email, webtest.StrongPassword)), "Koffiebranderij Kortrijk", "programme")
	_, observerID, observerEmail := s.addOrganisation(t, "Stad Kortrijk", "observer")
	ctx := testkit.Chromium(t, 4*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")

	phone := chrome.NewTab(t, ctx, s.g.URL, dir).Phone()
	phone.SignIn(email, "insights-01-phone-home")
	phone.Check("/home", "insights-01-phone-home", "Outcomes and fairness", "See the report")
	phone.Submit(`a[href="/insights"]`, "/insights", "insights-02-phone-report",
		"Outcomes and fairness", "From registration to a job", "Still in work", "Month by month", "fewer than 5")
	phone.WaitFor(chartsDrawn)
	phone.Do(chromedp.Click(chromedp.CSS(`#chart-funnel-heading ~ details > summary`), chromedp.NodeVisible))
	phone.Do(chromedp.Click(chromedp.CSS(`#chart-retention-heading ~ details > summary`), chromedp.NodeVisible))
	phone.Check("/insights", "insights-03-phone-tables-open", "People at each step, and the share of the step before", "Share of the step before")
	phone.Do(chromedp.SetValue(chromedp.ID("group_by"), "setting"))
	phone.Submit(`form.insights-form button[type="submit"]`, "/insights", "insights-04-phone-by-setting",
		"Each group's funnel", "In a detention house", "below four fifths of the best share")
	phone.WaitFor(chartsDrawn)
	phone.Open("/insights/sharing", "insights-05-phone-sharing", "Share your reports", "Your reports are not shared with anyone.")
	phone.Fill(map[string]string{"observer_id": observerID})
	phone.Submit(`form[action="/insights/sharing"] button[type="submit"]`, "/insights/sharing", "insights-06-phone-shared",
		"Your reports are now shared.", "Stad Kortrijk", "Stop sharing")

	obsCtx, cancelObs := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelObs()
	obs := chrome.NewTab(t, obsCtx, s.g.URL, dir).Phone()
	obs.SignIn(observerEmail, "insights-07-phone-observer-home")
	obs.Check("/home", "insights-07-phone-observer-home", "Shared reports", "Your organisation's id", "Open the shared reports")
	obs.Submit(`a[href="/insights"]`, "/insights", "insights-08-phone-observer-report", "Koffiebranderij Kortrijk, ", "Does every group get the same chances?")
	obs.WaitFor(chartsDrawn)

	deskCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	desktop := chrome.NewTab(t, deskCtx, s.g.URL, dir).Desktop()
	desktop.Navigate("/login")
	desktop.Fill(map[string]string{"email": s.g.AdminEmail, "password": webtest.AdminPassword})
	desktop.Submit(`main form button[type="submit"]`, "/home", "insights-09-desktop-admin-home", "Outcomes and fairness")
	desktop.Submit(`a[href="/insights"]`, "/insights", "insights-10-desktop-platform", "The whole platform, ", "Employers", "Koffiebranderij Kortrijk")
	desktop.WaitFor(chartsDrawn)

	sam, cancelSam := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelSam()
	samDesk := chrome.NewTab(t, sam, s.g.URL, dir).Desktop()
	samDesk.SignIn(email, "insights-11-desktop-home")
	samDesk.Navigate("/insights?group_by=region")
	samDesk.Check("/insights", "insights-12-desktop-by-region", "Flanders", "How long it takes", "A flag is a question, not a verdict")
	samDesk.WaitFor(chartsDrawn)
}
