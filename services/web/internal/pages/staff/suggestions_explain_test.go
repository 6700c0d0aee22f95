package staff_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// nearMatchExplanation is the near match of issue 11 (2.1), as the one
// explanation model sends it: of seven essential skills two are met,
// three partly met (through a sibling, through a parent, and below the
// level asked) and two missing; of four optional skills one is met, one
// partly met and two missing.
func nearMatchExplanation(summary string) map[string]any {
	essential := fake.SkillGroup(
		[]any{
			fake.SkillFit("coffee-roasting", "Coffee roasting", 2, "met", 3, map[string]any{"hours": 420, "attested": true}),
			fake.SkillFit("espresso-preparation", "Espresso preparation", 2, "met", 2, map[string]any{"hours": 120}),
		},
		[]any{
			fake.SkillFit("coffee-cupping", "Coffee cupping", 1, "partly", 0, map[string]any{"relation": "sibling",
				"related": map[string]any{"skill": "coffee-roasting", "label": "Coffee roasting", "level": 3, "hours": 420, "attested": true,
					"family": map[string]any{"skill": "coffee-production", "label": "Coffee production"}}}),
			fake.SkillFit("latte-art", "Latte art", 2, "partly", 0, map[string]any{"relation": "parent",
				"related": map[string]any{"skill": "barista", "label": "Barista", "level": 3, "hours": 300, "attested": false}}),
			fake.SkillFit("milk-texturing", "Milk texturing", 2, "partly", 1, map[string]any{"relation": "below_level", "hours": 40}),
		},
		[]any{
			fake.SkillFit("forklift", "Forklift licence", 2, "missing", 0, fake.TrainedAt("logistics", "Logistics workshop")),
			fake.SkillFit("food-hygiene", "Food hygiene", 1, "missing", 0, fake.TrainedAt("catering", "Catering kitchen")),
		})
	optional := fake.SkillGroup(
		[]any{fake.SkillFit("cash-handling", "Cash handling", 1, "met", 2, nil)},
		[]any{fake.SkillFit("customer-service", "Customer service", 3, "partly", 1, map[string]any{"relation": "below_level"})},
		[]any{
			fake.SkillFit("bookkeeping", "Bookkeeping", 1, "missing", 0, nil),
			fake.SkillFit("stock-keeping", "Stock keeping", 2, "missing", 0, fake.TrainedAt("logistics", "")),
		})
	return map[string]any{
		"summary": summary, "skills": map[string]any{"essential": essential, "optional": optional},
		"distance_band": "15-30 km", "available_from": "2027-01", "schedule_fit": "full", "language_fit": "full", "day_release": false,
	}
}

// The summary the service writes for nearMatchExplanation.
const nearMatchSummary = "Near match: essential skills 2 met, 3 partly met, 2 missing of 7; optional skills 1 met, 1 partly met, 2 missing of 4; 15-30 km away"

// partlyMet and missingSkills are nearMatchExplanation's skills partly met
// and missing.
var (
	partlyMet     = []string{"Coffee cupping", "Latte art", "Milk texturing", "Customer service"}
	missingSkills = []string{"Forklift licence", "Food hygiene", "Bookkeeping", "Stock keeping"}
)

// details returns the inner HTML of the <details> with that id.
func details(t *testing.T, p webtest.Page, id string) string {
	t.Helper()
	m := regexp.MustCompile(`(?s)<details class="match-details" id="` + id + `">(.*?)</details>`).FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("page %s has no details %s:\n%s", p.URL.Path, id, p.Body)
	}
	return m[1]
}

// inOrder fails unless texts appear in html in this order.
func inOrder(t *testing.T, where, html string, texts ...string) {
	t.Helper()
	at := 0
	for _, s := range texts {
		i := strings.Index(html[at:], s)
		if i < 0 {
			t.Fatalf("%s: %q missing, or not after %q:\n%s", where, s, html[:at], html)
		}
		at += i + len(s)
	}
}

// notIn fails if html shows any of texts.
func notIn(t *testing.T, where, html string, texts ...string) {
	t.Helper()
	for _, s := range texts {
		if strings.Contains(html, s) {
			t.Errorf("%s shows %q:\n%s", where, s, html)
		}
	}
}

// TestRolesThatFitExplainEachSkillOnce: staff read the same explanation
// on the candidate page and the full list: the missing skills on one line
// per group, and the met and partly met ones with their reasons.
func TestRolesThatFitExplainEachSkillOnce(t *testing.T) {
	t.Parallel()
	coach, k, _, m := staffMatchingGateway(t)
	k.AddCandidate("c1", map[string]any{"consent": map[string]any{"matching": true}})
	it := fake.SuggestionItem(1, "e1", "near")
	it["explanation"] = nearMatchExplanation(strings.Replace(nearMatchSummary, "15-30 km", "22 km", 1))
	m.Set(func(f *fake.Matching) { f.Suggestions["c1"] = []map[string]any{it} })

	for _, path := range []string{"/candidates/c1", "/candidates/c1/suggestions"} {
		p := coach.Get(path)
		p.MustBeAt(t, path, http.StatusOK)
		p.MustContain(t, "Near match: essential skills 2 met, 3 partly met, 2 missing of 7",
			"Essential skills missing:</strong> Forklift licence (level 2 asked) — trained in: Logistics workshop; Food hygiene (level 1 asked) — trained in: Catering kitchen",
			"Optional skills missing:</strong> Bookkeeping (level 1 asked); Stock keeping (level 2 asked) — trained in: Logistics",
			"Full match: the candidate holds every essential skill, perhaps below the level asked.")
		gaps := strings.Join(regexp.MustCompile(`(?s)<p class="match-gaps">.*?</p>`).FindAllString(p.Body, -1), "\n")
		notIn(t, path+" missing", gaps, partlyMet...)
		why := details(t, p, "fit-1")
		inOrder(t, path+" why", why, "Essential skills", "Met (2)", "Coffee roasting", "Partly met (3)",
			"has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)",
			"has Barista (level 3), a broader skill that includes it", "level 1 of the level 2 asked", "Optional skills")
		notIn(t, path+" why", why, missingSkills...)
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
