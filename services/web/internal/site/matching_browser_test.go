package site_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserMatchExplanations shows issue 11 (2.1 and 2.7) as people see
// it, on a phone and a desktop: an employer opens a near match's "Why
// this candidate" and "What is missing" on the shortlist, and a coach the
// same explanation among a candidate's roles that fit, then a candidate
// without consent, whose section links to the consent page.
func TestBrowserMatchExplanations(t *testing.T) {
	e, m, k := fake.NewEmployers(t), fake.NewMatching(t), fake.NewCandidates(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL, "CANDIDATES_URL": k.URL})
	e.AddRole("r1", "Barista", "open")
	k.AddCandidate("c1", map[string]any{"consent": map[string]any{"matching": true}})
	k.AddCandidate("c2", map[string]any{"given_name": "Omar", "family_name": "Haddad"})
	fit := fake.SuggestionItem(1, "e1", "near")
	fit["title"] = "Barista"
	fit["explanation"] = nearMatchExplanation(strings.Replace(nearMatchSummary, "15-30 km", "22 km", 1))
	m.Set(func(f *fake.Matching) {
		f.Shortlists["r1"] = []map[string]any{fake.ShortlistEntry("K7Q2", "full"), nearMatchEntry("Q4R5")}
		f.Suggestions["c1"] = []map[string]any{fit, fake.SuggestionItem(2, "e1", "full")}
		f.States["c2"] = "no_consent"
	})
	employerEmail := webtest.UniqueEmail(t)
	webtest.NewBrowser(t, g).SignUp("Café De Hoek", "Ana", employerEmail).MustBeAt(t, "/home", http.StatusOK)
	coachEmail := webtest.ProgrammeAdminEmail(t, g)

	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phone := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	phone.SignIn(employerEmail, "39-phone-employer-signed-in")
	phone.Open("/roles/r1/shortlist", "40-phone-shortlist", "Full matches", "Near matches", nearMatchSummary)
	phone.OpenDetails("why-2", "missing-2")
	phone.Check("/roles/r1/shortlist", "41-phone-shortlist-near-explained",
		"Partly met (3)", "has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)",
		"has Barista (level 3), a broader skill that includes it", "level 1 of the level 2 asked",
		"A related skill is not the skill asked for", "(2 essential, 2 optional)", "trained in: Logistics workshop")
	phone.MustNotShow("#missing-2", partlyMet...)
	phone.MustNotShow("#why-2", missingSkills...)
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

	coachCtx, cancelCoach := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancelCoach()
	coach := chrome.NewTab(t, coachCtx, g.URL, dir).Phone()
	coach.SignIn(coachEmail, "39-phone-coach-signed-in")
	coach.Open("/candidates/c1", "46-phone-candidate-roles-that-fit", "Roles that fit",
		"Full match: the candidate holds every essential skill, perhaps below the level asked.",
		"Essential skills missing: Forklift licence (level 2 asked)")
	coach.OpenDetails("fit-1")
	coach.Check("/candidates/c1", "47-phone-candidate-fit-explained", "has Barista (level 3), a broader skill that includes it")
	coach.MustNotShow(".match-gaps", partlyMet...)
	coach.Open("/candidates/c1/suggestions", "48-phone-suggestions", "Roles that fit", "Role number 2")
	coach.Open("/candidates/c2", "49-phone-candidate-no-consent", "Record consent to see roles that fit")
	coach.Open("/candidates/c2/suggestions", "50-phone-suggestions-no-consent", "Record consent to see roles that fit")
	coach.MustNotShow("main", "try again in a few minutes", "Page not found")
	coach.Submit(`a[href="/candidates/c2/consent"]`, "/candidates/c2/consent", "51-phone-consent-page")
}
