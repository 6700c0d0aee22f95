package engine

import (
	"slices"
	"testing"

	"github.com/onward-jobs/onward/pkg/skills"
)

func TestSkillCredit(t *testing.T) {
	// The role needs coffee-roasting at level 2. coffee-production is its
	// parent; coffee-cupping shares that parent (a sibling).
	tests := []struct {
		name   string
		skill  Skill
		credit int32
		via    string
		full   bool
	}{
		{"exact at the minimum", Skill{ID: "coffee-roasting", Level: 2}, CreditFull, "", true},
		{"exact above the minimum", Skill{ID: "coffee-roasting", Level: 4}, CreditFull + 2*CreditPerLevelAbove, "", true},
		{"exact below the minimum", Skill{ID: "coffee-roasting", Level: 1}, CreditFull / 2, "", true},
		{"through the parent", Skill{ID: "coffee-production", Level: 3}, CreditFull * ParentCreditPercent / 100, "parent", false},
		{"through the parent, below", Skill{ID: "coffee-production", Level: 1}, CreditFull * ParentCreditPercent / 200, "parent", false},
		{"through a sibling", Skill{ID: "coffee-cupping", Level: 2}, CreditFull * SiblingCreditPercent / 100, "sibling", false},
		{"unrelated", Skill{ID: "forklift-operation", Level: 4}, 0, "", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tab := newSkillTable(newTestIndex().skills.tax)
			r := roaster("r1")
			c := housed("c1")
			c.Skills = []Skill{tt.skill}
			cr := compileRole(&r, tab)
			p := newProfile(&c, tab.intern)
			best := make([]reqBest, len(cr.reqs))
			skillCredits(cr, &p, best)
			if best[0].credit != tt.credit || (tt.credit > 0 && best[0].way.String() != tt.via) {
				t.Fatalf("credit %d via %q, want %d via %q", best[0].credit, best[0].way, tt.credit, tt.via)
			}
			if best[0].exact != tt.full {
				t.Fatalf("exact = %v, want %v", best[0].exact, tt.full)
			}
			ix := newTestIndex()
			ix.UpsertCandidate(c)
			ix.UpsertRole(r)
			ex, _ := ix.Explain("r1", "c1", today)
			if ex.Essential.Total() != 1 {
				t.Fatalf("essential %+v, want the one requirement", ex.Essential)
			}
			fit := append(append(append([]SkillFit{}, ex.Essential.Met...), ex.Essential.Partly...), ex.Essential.Missing...)[0]
			if fit.Credit != int(tt.credit) {
				t.Fatalf("explained credit %d, scored %d", fit.Credit, tt.credit)
			}
			if tt.via != "" && (fit.Related == nil || fit.Related.Skill != tt.skill.ID || fit.Related.Level != tt.skill.Level || string(fit.Relation) != tt.via) {
				t.Fatalf("fit %+v, want credit through %s", fit, tt.skill.ID)
			}
			if (fit.Status == StatusMissing) != (tt.credit == 0) {
				t.Fatalf("fit %+v with credit %d", fit, tt.credit)
			}
		})
	}
}

func TestFullBeforeNear(t *testing.T) {
	r := roaster("r1")
	r.Essential = append(r.Essential, Requirement{Skill: "coffee-cupping", MinLevel: 1})
	// weak holds both skills at level 1: a full match with a low score.
	weak := housed("weak")
	weak.Skills = []Skill{{ID: "coffee-roasting", Level: 1}, {ID: "coffee-cupping", Level: 1}}
	weak.Languages = nil
	// strong is excellent but lacks cupping (earning only sibling credit).
	strong := housed("strong")
	strong.Skills = []Skill{{ID: "coffee-roasting", Level: 4, Hours: 2000, Attested: true}, {ID: "green-coffee-grading", Level: 4}}
	strong.Certificates = []string{"a", "b", "c"}
	got := shortlistOne(t, r, today, strong, weak)
	if !slices.Equal(got, []string{"weak", "strong"}) {
		t.Fatalf("order %v, want the full match first", got)
	}
	ix := newTestIndex()
	ix.UpsertCandidate(weak)
	ix.UpsertCandidate(strong)
	ix.UpsertRole(r)
	es := ix.Shortlist("r1", 10, today)
	if es[0].Match != MatchFull || es[1].Match != MatchNear || es[1].Score <= es[0].Score {
		t.Fatalf("entries %+v: want a full match ranked above a higher-scoring near match", es)
	}
	ex, _ := ix.Explain("r1", "strong", today)
	if len(ex.Essential.Partly) != 1 || ex.Essential.Partly[0].Skill != "coffee-cupping" || ex.Essential.Partly[0].Relation != RelationSibling {
		t.Fatalf("partly met %+v, want coffee-cupping through a sibling", ex.Essential.Partly)
	}
}

func TestTiesBrokenByHashNotInsertionOrder(t *testing.T) {
	var cands []Candidate
	for _, id := range []string{"k", "b", "x", "a", "m", "q", "c"} {
		cands = append(cands, housed(id)) // identical profiles: equal scores
	}
	r := roaster("r1")
	first := shortlistOne(t, r, today, cands...)
	slices.Reverse(cands)
	second := shortlistOne(t, r, today, cands...)
	if !slices.Equal(first, second) || len(first) != len(cands) {
		t.Fatalf("orders differ: %v and %v", first, second)
	}
	if !slices.IsSortedFunc(first, func(a, b string) int {
		if IDHash(a) < IDHash(b) {
			return -1
		}
		return 1
	}) {
		t.Fatalf("equal scores not ordered by hash: %v", first)
	}
	// A partial shortlist keeps the same head.
	ix := newTestIndex()
	for _, c := range cands {
		ix.UpsertCandidate(c)
	}
	ix.UpsertRole(r)
	if got := ids(ix.Shortlist("r1", 3, today)); !slices.Equal(got, first[:3]) {
		t.Fatalf("top 3 %v, want %v", got, first[:3])
	}
}

func TestUpsertAndRemove(t *testing.T) {
	ix := newTestIndex()
	ix.UpsertRole(roaster("r1"))
	ix.UpsertCandidate(housed("c1"))
	ix.UpsertCandidate(housed("c2"))
	if got := len(ix.Shortlist("r1", 10, today)); got != 2 {
		t.Fatalf("shortlist of %d, want 2", got)
	}
	// Upsert replaces: c1 loses the skill.
	c1 := housed("c1")
	c1.Version = 2
	c1.Skills = []Skill{{ID: "forklift-operation", Level: 3}}
	ix.UpsertCandidate(c1)
	if got := ids(ix.Shortlist("r1", 10, today)); !slices.Equal(got, []string{"c2"}) {
		t.Fatalf("after replace %v", got)
	}
	if c, _ := ix.Candidate("c1"); c.Version != 2 {
		t.Fatalf("version %d, want 2", c.Version)
	}
	// Withdrawal of consent removes.
	c2 := housed("c2")
	c2.Consent = false
	ix.UpsertCandidate(c2)
	if _, ok := ix.Candidate("c2"); ok || len(ix.Shortlist("r1", 10, today)) != 0 {
		t.Fatal("a candidate without consent stays indexed")
	}
	if ix.RemoveCandidate("c2") || !ix.RemoveCandidate("c1") || ix.Stats().Candidates != 0 {
		t.Fatal("RemoveCandidate reports wrongly")
	}
	// Roles: closing removes, RemoveRole removes.
	ix.UpsertCandidate(housed("c3"))
	if got := ids(ix.Suggestions("c3", 10, today)); !slices.Equal(got, []string{"r1"}) {
		t.Fatalf("suggestions %v", got)
	}
	closed := roaster("r1")
	closed.Open = false
	ix.UpsertRole(closed)
	if _, ok := ix.Role("r1"); ok || ix.Shortlist("r1", 10, today) != nil || len(ix.Suggestions("c3", 10, today)) != 0 {
		t.Fatal("a closed role stays indexed")
	}
	ix.UpsertRole(roaster("r2"))
	if !ix.RemoveRole("r2") || ix.RemoveRole("r2") || len(ix.Suggestions("c3", 10, today)) != 0 {
		t.Fatal("RemoveRole did not remove")
	}
	cs, rs := ix.Versions()
	if len(cs) != 1 || cs["c3"] != 1 || len(rs) != 0 {
		t.Fatalf("versions %v %v", cs, rs)
	}
}

func TestCardHoldsNoIdentity(t *testing.T) {
	ix := newTestIndex()
	c := housed("c1")
	c.Alias = "K7Q2"
	c.OrgID = "org-secret"
	c.Certificates = []string{"forklift licence"}
	c.ProgrammeKinds = []string{"coffee_roastery"}
	ix.UpsertCandidate(c)
	ix.UpsertRole(roaster("r1"))
	card, ok := ix.Card("c1", "r1", today)
	if !ok {
		t.Fatal("no card")
	}
	if card.Alias != "K7Q2" || card.AvailableMonth != "2026-12" || card.DistanceBand != BandWithinLimit ||
		!card.DayRelease || card.ScheduleFit != FitFull || len(card.Skills) != 1 || card.Languages[0].Level != "C2" {
		t.Fatalf("card %+v", card)
	}
	text := fmtAll(card)
	for _, leak := range []string{"c1", "org-secret", "50.82", "3.26", "51.05", "2026-12-01", "2027-09-01", "2027-09", "Kortrijk"} {
		if containsFold(text, leak) {
			t.Errorf("card leaks %q: %s", leak, text)
		}
	}
}

// TestPlacedCandidateLeavesEveryList: a candidate placed and not still
// looking leaves the shortlists and has no suggestions; marked still
// looking (or the placement ended) they are back.
func TestPlacedCandidateLeavesEveryList(t *testing.T) {
	ix := newTestIndex()
	ix.UpsertRole(roaster("r1"))
	ix.UpsertRole(roaster("r2"))
	ix.UpsertCandidate(housed("c1"))
	ix.UpsertCandidate(housed("c2"))
	placed := housed("c1")
	placed.Version, placed.Unavailable = 2, true
	ix.UpsertCandidate(placed)
	for _, r := range []string{"r1", "r2"} {
		if got := ids(ix.Shortlist(r, 10, today)); !slices.Equal(got, []string{"c2"}) {
			t.Fatalf("shortlist of %s with c1 placed: %v", r, got)
		}
	}
	if _, ok := ix.Candidate("c1"); ok || len(ix.Suggestions("c1", 10, today)) != 0 {
		t.Fatal("a placed candidate stays indexed")
	}
	looking := housed("c1")
	looking.Version = 3
	ix.UpsertCandidate(looking)
	if got := ids(ix.Shortlist("r1", 10, today)); len(got) != 2 {
		t.Fatalf("shortlist with c1 still looking: %v", got)
	}
	if got := ReferenceShortlist([]Candidate{placed, housed("c2")}, roaster("r1"), skills.Default(), 10, today); len(got) != 1 || got[0].ID != "c2" {
		t.Fatalf("reference shortlist with c1 placed: %v", got)
	}
}
