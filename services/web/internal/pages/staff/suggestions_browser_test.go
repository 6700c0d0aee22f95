package staff_test

import (
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserMatchExplanations shows issue 11 (2.1 and 2.7) as staff see
// it on a phone: a coach opens a near match's explanation among a
// candidate's roles that fit, then a candidate without consent, whose
// section links to the consent page. Employers read the same explanation
// on the shortlist (internal/pages/employer).
func TestBrowserMatchExplanations(t *testing.T) {
	e, m, k := fake.NewEmployers(t), fake.NewMatching(t), fake.NewCandidates(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL, "CANDIDATES_URL": k.URL})
	k.AddCandidate("c1", map[string]any{"consent": map[string]any{"matching": true}})
	k.AddCandidate("c2", map[string]any{"given_name": "Omar", "family_name": "Haddad"})
	fit := fake.SuggestionItem(1, "e1", "near")
	fit["title"] = "Barista"
	fit["explanation"] = fake.NearMatchExplanation(strings.Replace(fake.NearMatchSummary, "15-30 km", "22 km", 1))
	m.Set(func(f *fake.Matching) {
		f.Suggestions["c1"] = []map[string]any{fit, fake.SuggestionItem(2, "e1", "full")}
		f.States["c2"] = "no_consent"
	})
	coachEmail := webtest.ProgrammeAdminEmail(t, g)

	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	coach := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	coach.SignIn(coachEmail, "39-phone-coach-signed-in")
	coach.Open("/candidates/c1", "46-phone-candidate-roles-that-fit", "Roles that fit",
		"Full match: the candidate holds every essential skill, perhaps below the level asked.",
		"Essential skills missing: Forklift licence (level 2 asked)")
	coach.OpenDetails("fit-1")
	coach.Check("/candidates/c1", "47-phone-candidate-fit-explained", "has Barista (level 3), a broader skill that includes it")
	coach.MustNotShow(".match-gaps", fake.NearMatchPartly...)
	coach.Open("/candidates/c1/suggestions", "48-phone-suggestions", "Roles that fit", "Role number 2")
	coach.Open("/candidates/c2", "49-phone-candidate-no-consent", "Record consent to see roles that fit")
	coach.Open("/candidates/c2/suggestions", "50-phone-suggestions-no-consent", "Record consent to see roles that fit")
	coach.MustNotShow("main", "try again in a few minutes", "Page not found")
	coach.Submit(`a[href="/candidates/c2/consent"]`, "/candidates/c2/consent", "51-phone-consent-page")
}
