package employer_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

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
	p.MustContain(t, fake.NearMatchSummary, `What is missing <span class="match-count">(2 essential, 2 optional)</span>`,
		"still lacks at least one essential skill itself")

	why := p.Details(t, "why-1")
	webtest.InOrder(t, "why", why,
		"Essential skills", "7 asked",
		"Met (2)", "Coffee roasting", "level 3, level 2 asked; 420 hours, attested",
		"Espresso preparation", "level 2, the level asked; 120 hours",
		"Partly met (3)",
		"Coffee cupping", "has Coffee roasting (level 3), a closely related skill in the same family (Coffee production)",
		"Latte art", "has Barista (level 3), a broader skill that includes it",
		"Milk texturing", "level 1 of the level 2 asked; 40 hours",
		"A related skill is not the skill asked for",
		"Optional skills", "4 asked", "Met (1)", "Cash handling", "Partly met (1)", "Customer service", "level 1 of the level 3 asked")
	webtest.NotIn(t, "why", why, fake.NearMatchMissing...)
	if n := strings.Count(why, "A related skill is not"); n != 1 {
		t.Errorf("the related-skill note shows %d times, want once", n)
	}

	missing := p.Details(t, "missing-1")
	webtest.InOrder(t, "what is missing", missing,
		"Essential skills", "Missing (2)", "Forklift licence", "level 2 asked", "trained in: Logistics workshop",
		"Food hygiene", "trained in: Catering kitchen",
		"Optional skills", "Missing (2)", "Bookkeeping", "Stock keeping", "trained in: Logistics")
	webtest.NotIn(t, "what is missing", missing, fake.NearMatchPartly...)
	webtest.NotIn(t, "what is missing", missing, "Coffee roasting", "Cash handling")

	// The same in Dutch, from the same counts.
	nl := b.Get("/lang/nl?next=/roles/r1/shortlist")
	nl.MustContain(t, `Wat ontbreekt <span class="match-count">(2 essentiële, 2 optionele)</span>`, "Deels voldaan (3)",
		"heeft Coffee roasting (niveau 3), een nauw verwante vaardigheid uit dezelfde familie (Coffee production)",
		"niveau 1 van het gevraagde niveau 2")
	webtest.NotIn(t, "what is missing (nl)", nl.Details(t, "missing-1"), fake.NearMatchPartly...)
}

// nearMatchEntry is a shortlist entry carrying fake.NearMatchExplanation.
func nearMatchEntry(alias string) map[string]any {
	e := fake.ShortlistEntry(alias, "near")
	e["explanation"] = fake.NearMatchExplanation(fake.NearMatchSummary)
	return e
}
