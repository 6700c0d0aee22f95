package enginegen_test

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/engine/enginegen"
)

// Sizes of the explanation property check.
const (
	explainCandidates  = 20_000
	explainRoles       = 1_000
	explainShortlists  = 150 // roles whose shortlists are explained
	explainSuggestions = 150 // candidates whose suggestions are explained
)

// TestExplanationsPartitionTheRequirements is the property behind every
// explanation a shortlist or suggestion list shows, over the generated
// data set: each skill the role asks for appears exactly once, in the
// group of its kind (essential or optional) and in one list (met, partly
// met, missing); no skill appears in two lists; the counts of each group
// are its lists' lengths and add up to the role's requirements; the status
// agrees with the credit the score counts; and the match is full exactly
// when the candidate holds every essential skill itself. It also requires
// the data to exercise every case, so the check cannot pass vacuously.
func TestExplanationsPartitionTheRequirements(t *testing.T) {
	tax := skills.Default()
	g := enginegen.New(2026, tax, geo.Default())
	cands := g.Candidates(explainCandidates, today)
	roles := g.Roles(explainRoles, today)
	ix := engine.NewIndex(tax)
	for _, c := range cands {
		ix.UpsertCandidate(c)
	}
	for _, r := range roles {
		ix.UpsertRole(r)
	}
	var seen caseCounts
	check := func(role engine.Role, candidateID string, e engine.Entry) {
		t.Helper()
		ex, ok := ix.Explain(role.ID, candidateID, today)
		if !ok || !ex.Eligible || ex.Score != e.Score || ex.Match != e.Match {
			t.Fatalf("%s for %s: explained %v (%s) score %d %s, ranked %d %s",
				candidateID, role.ID, ex.Eligible, ex.Reason, ex.Score, ex.Match, e.Score, e.Match)
		}
		if err := ex.CheckAgainst(role); err != nil {
			t.Fatalf("%s for %s: %v", candidateID, role.ID, err)
		}
		if ex.Essential.Total() != len(role.Essential) || ex.Optional.Total() != len(role.Optional) {
			t.Fatalf("%s for %s: counts %d+%d, role asks %d+%d", candidateID, role.ID,
				ex.Essential.Total(), ex.Optional.Total(), len(role.Essential), len(role.Optional))
		}
		if len(ex.Essential.Met)+len(ex.Essential.Partly) == 0 {
			t.Fatalf("%s for %s: ranked without any essential credit", candidateID, role.ID)
		}
		if full := holdsEveryEssential(ex.Essential); full != (e.Match == engine.MatchFull) {
			t.Fatalf("%s for %s: match %s, but holds every essential skill itself: %v", candidateID, role.ID, e.Match, full)
		}
		seen.add(ex)
	}
	for _, role := range roles[:explainShortlists] {
		for _, e := range ix.Shortlist(role.ID, 100, today) {
			check(role, e.ID, e)
		}
	}
	byID := make(map[string]engine.Role, len(roles))
	for _, r := range roles {
		byID[r.ID] = r
	}
	for k := range explainSuggestions {
		c := cands[k*97%len(cands)]
		for _, e := range ix.Suggestions(c.ID, 50, today) {
			check(byID[e.ID], c.ID, engine.Entry{ID: c.ID, Score: e.Score, Match: e.Match})
		}
	}
	t.Logf("explained %d entries: %+v", seen.entries, seen)
	if seen.met == 0 || seen.belowLevel == 0 || seen.parent == 0 || seen.sibling == 0 || seen.missing == 0 ||
		seen.optional == 0 || seen.fullWithPartly == 0 {
		t.Errorf("the check is too easy: %+v", seen)
	}
}

// holdsEveryEssential reports whether the candidate holds every essential
// skill itself, at any level: what makes a full match.
func holdsEveryEssential(g engine.SkillGroup) bool {
	if len(g.Missing) > 0 {
		return false
	}
	for _, f := range g.Partly {
		if f.Level == 0 {
			return false
		}
	}
	return true
}

// caseCounts counts the cases the check met.
type caseCounts struct {
	entries, met, belowLevel, parent, sibling, missing, optional, fullWithPartly int
}

func (c *caseCounts) add(ex engine.Explanation) {
	c.entries++
	c.optional += ex.Optional.Total()
	for _, g := range []engine.SkillGroup{ex.Essential, ex.Optional} {
		c.met += len(g.Met)
		c.missing += len(g.Missing)
		for _, f := range g.Partly {
			switch f.Relation {
			case engine.RelationBelowLevel:
				c.belowLevel++
			case engine.RelationParent:
				c.parent++
			case engine.RelationSibling:
				c.sibling++
			}
		}
	}
	if ex.Match == engine.MatchFull && len(ex.Essential.Partly) > 0 {
		c.fullWithPartly++
	}
}
