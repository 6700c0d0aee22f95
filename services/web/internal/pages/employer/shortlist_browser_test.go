package employer_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserShortlistExplanations shows issue 11 (2.1) as employers see
// it, on a phone and a desktop: a near match's "Why this candidate" and
// "What is missing" on the shortlist, each skill in one group only. Staff
// read the same explanation among a candidate's roles that fit
// (internal/pages/staff).
func TestBrowserShortlistExplanations(t *testing.T) {
	e, m := fake.NewEmployers(t), fake.NewMatching(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	e.AddRole("r1", "Barista", "open")
	m.Set(func(f *fake.Matching) {
		f.Shortlists["r1"] = []map[string]any{fake.ShortlistEntry("K7Q2", "full"), nearMatchEntry("Q4R5")}
	})
	employerEmail := webtest.UniqueEmail(t)
	webtest.NewBrowser(t, g).SignUp("Café De Hoek", "Ana", employerEmail).MustBeAt(t, "/home", http.StatusOK)

	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phone := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	phone.SignIn(employerEmail, "39-phone-employer-signed-in")
	phone.Open("/roles/r1/shortlist", "40-phone-shortlist", "Full matches", "Near matches", fake.NearMatchSummary)
	phone.OpenDetails("why-2", "missing-2")
	phone.Check("/roles/r1/shortlist", "41-phone-shortlist-near-explained",
		"Partly met (3)", "has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)",
		"has Barista (level 3), a broader skill that includes it", "level 1 of the level 2 asked",
		"A related skill is not the skill asked for", "(2 essential, 2 optional)", "trained in: Logistics workshop")
	phone.MustNotShow("#missing-2", fake.NearMatchPartly...)
	phone.MustNotShow("#why-2", fake.NearMatchMissing...)
	phone.Open("/lang/nl?next=/roles/r1/shortlist", "42-phone-shortlist-nl", "Bijna-matches")
	phone.OpenDetails("why-2", "missing-2")
	phone.Check("/roles/r1/shortlist", "43-phone-shortlist-near-explained-nl", "Deels voldaan (3)", "(2 essentiële, 2 optionele)")

	deskCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	desk := chrome.NewTab(t, deskCtx, g.URL, dir).Desktop()
	desk.SignIn(employerEmail, "39-desktop-employer-signed-in")
	desk.Open("/roles/r1/shortlist", "44-desktop-shortlist", "Q4R5")
	desk.OpenDetails("why-2", "missing-2")
	desk.Check("/roles/r1/shortlist", "45-desktop-shortlist-near-explained", "Met (2)", "Partly met (3)", "Missing (2)")
}
