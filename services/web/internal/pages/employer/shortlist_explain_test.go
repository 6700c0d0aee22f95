package employer_test

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

// nearMatchEntry is a shortlist entry carrying nearMatchExplanation.
func nearMatchEntry(alias string) map[string]any {
	e := fake.ShortlistEntry(alias, "near")
	e["explanation"] = nearMatchExplanation(nearMatchSummary)
	return e
}

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

// TestShortlistExplainsEachSkillOnce is issue 11 (2.1): a near match's
// card lists every skill once. "Why this candidate" names the skills met
// and partly met, essential first, each partly met one with its reason in
// plain words; "What is missing" names only the missing ones, essential
// apart from optional, with where they are trained. Every count comes
// from the service's counts and agrees with its summary.
func TestShortlistExplainsEachSkillOnce(t *testing.T) {
	t.Parallel()
	b, e, m := shortlistSession(t)
	e.AddRole("r1", "Barista", "open")
	m.Set(func(f *fake.Matching) { f.Shortlists["r1"] = []map[string]any{nearMatchEntry("Q4R5")} })

	p := b.Get("/roles/r1/shortlist")
	p.MustBeAt(t, "/roles/r1/shortlist", http.StatusOK)
	p.MustContain(t, nearMatchSummary, `What is missing <span class="match-count">(2 essential, 2 optional)</span>`,
		"still lacks at least one essential skill itself")

	why := details(t, p, "why-1")
	inOrder(t, "why", why,
		"Essential skills", "7 asked",
		"Met (2)", "Coffee roasting", "level 3, level 2 asked; 420 hours, attested",
		"Espresso preparation", "level 2, the level asked; 120 hours",
		"Partly met (3)",
		"Coffee cupping", "has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)",
		"Latte art", "has Barista (level 3), a broader skill that includes it",
		"Milk texturing", "level 1 of the level 2 asked; 40 hours",
		"A related skill is not the skill asked for",
		"Optional skills", "4 asked", "Met (1)", "Cash handling", "Partly met (1)", "Customer service", "level 1 of the level 3 asked")
	notIn(t, "why", why, missingSkills...)
	if n := strings.Count(why, "A related skill is not"); n != 1 {
		t.Errorf("the related-skill note shows %d times, want once", n)
	}

	missing := details(t, p, "missing-1")
	inOrder(t, "what is missing", missing,
		"Essential skills", "Missing (2)", "Forklift licence", "level 2 asked", "trained in: Logistics workshop",
		"Food hygiene", "trained in: Catering kitchen",
		"Optional skills", "Missing (2)", "Bookkeeping", "Stock keeping", "trained in: Logistics")
	notIn(t, "what is missing", missing, partlyMet...)
	notIn(t, "what is missing", missing, "Coffee roasting", "Cash handling")

	// The same in Dutch, from the same counts.
	nl := b.Get("/lang/nl?next=/roles/r1/shortlist")
	nl.MustContain(t, `Wat ontbreekt <span class="match-count">(2 essentiële, 2 optionele)</span>`, "Deels voldaan (3)",
		"heeft Coffee roasting (niveau 3), een nauw verwante vaardigheid uit dezelfde familie (Coffee production)",
		"niveau 1 van het gevraagde niveau 2")
	notIn(t, "what is missing (nl)", details(t, nl, "missing-1"), partlyMet...)
}
