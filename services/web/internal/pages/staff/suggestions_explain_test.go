package staff_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestRolesThatFitExplainEachSkillOnce: staff read the same explanation
// on the candidate page and the full list: the missing skills on one line
// per group, and the met and partly met ones with their reasons.
func TestRolesThatFitExplainEachSkillOnce(t *testing.T) {
	t.Parallel()
	coach, k, _, m := staffMatchingGateway(t)
	k.AddCandidate("c1", map[string]any{"consent": map[string]any{"matching": true}})
	it := fake.SuggestionItem(1, "e1", "near")
	it["explanation"] = fake.NearMatchExplanation(strings.Replace(fake.NearMatchSummary, "15-30 km", "22 km", 1))
	m.Set(func(f *fake.Matching) { f.Suggestions["c1"] = []map[string]any{it} })

	for _, path := range []string{"/candidates/c1", "/candidates/c1/suggestions"} {
		p := coach.Get(path)
		p.MustBeAt(t, path, http.StatusOK)
		p.MustContain(t, "Near match: essential skills 2 met, 3 partly met, 2 missing of 7",
			"Essential skills missing:</strong> Forklift licence (level 2 asked) — trained in: Logistics workshop; Food hygiene (level 1 asked) — trained in: Catering kitchen",
			"Optional skills missing:</strong> Bookkeeping (level 1 asked); Stock keeping (level 2 asked) — trained in: Logistics",
			"Full match: the candidate holds every essential skill, perhaps below the level asked.")
		gaps := strings.Join(regexp.MustCompile(`(?s)<p class="match-gaps">.*?</p>`).FindAllString(p.Body, -1), "\n")
		webtest.NotIn(t, path+" missing", gaps, fake.NearMatchPartly...)
		why := p.Details(t, "fit-1")
		webtest.InOrder(t, path+" why", why, "Essential skills", "Met (2)", "Coffee roasting", "Partly met (3)",
			"has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)",
			"has Barista (level 3), a broader skill that includes it", "level 1 of the level 2 asked", "Optional skills")
		webtest.NotIn(t, path+" why", why, fake.NearMatchMissing...)
	}
}

// TestRolesThatFitAskForConsentOrWait is issue 11 (2.7): a candidate
// without consent to matching is asked for it, with a link to the consent
// page, on the candidate page and the full list, never an outage or a
// page not found; a candidate matching has not taken in yet is told the
// roles appear in a moment.
func TestRolesThatFitAskForConsentOrWait(t *testing.T) {
	t.Parallel()
	coach, k, _, m := staffMatchingGateway(t)
	k.AddCandidate("c1", map[string]any{})
	k.AddCandidate("c2", map[string]any{"consent": map[string]any{"matching": true}})
	m.Set(func(f *fake.Matching) {
		f.States["c1"], f.States["c2"] = "no_consent", "pending"
		f.Suggestions["c1"] = []map[string]any{fake.SuggestionItem(1, "e1", "full")}
	})

	for _, path := range []string{"/candidates/c1", "/candidates/c1/suggestions"} {
		p := coach.Get(path)
		p.MustBeAt(t, path, http.StatusOK)
		p.MustContain(t, "Record consent to see roles that fit", "has not agreed to matching yet",
			`<a class="btn btn-small" href="/candidates/c1/consent">Record consent</a>`)
		p.MustNotContain(t, "try again in a few minutes", "Page not found", "Role number 1", "cannot be shown")
	}
	coach.Get("/lang/nl?next=/candidates/c1/suggestions").MustContain(t, "Leg de toestemming vast om passende vacatures te zien",
		`href="/candidates/c1/consent"`)
	coach.Get("/lang/en?next=/candidates/c1").MustBeAt(t, "/candidates/c1", http.StatusOK)

	for _, path := range []string{"/candidates/c2", "/candidates/c2/suggestions"} {
		p := coach.Get(path)
		p.MustBeAt(t, path, http.StatusOK)
		p.MustContain(t, "The roles that fit will appear here in a moment.", `href="`+path+`">Look again</a>`)
		p.MustNotContain(t, "try again in a few minutes", "Record consent to see")
	}
}
