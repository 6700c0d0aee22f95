package skills

import (
	"fmt"
	"sync"
	"testing"
)

func TestSuggestFirstHits(t *testing.T) {
	tax := testTaxonomy(t)
	for _, tc := range []struct {
		q         string
		lang      Lang
		wantSkill string
		matched   string
		score     float64
	}{
		{"barista", EN, "barista-skills", "Barista skills", 0.92},
		{"Barista", EN, "barista-skills", "Barista skills", 0.92},
		{"BARISTA", NL, "barista-skills", "Baristavaardigheden", 0.90},
		{"BARISTA SK", NL, "barista-skills", "Barista skills", 0.85},
		{"baristta", EN, "barista-skills", "Barista skills", 0.40},
		{"koffie branden", NL, "coffee-roasting", "Koffie branden", 1},
		{"koffie bra", NL, "coffee-roasting", "Koffie branden", 0.90},
		{"branden koffie", NL, "coffee-roasting", "Koffie branden", 0.82},
		{"kofie branden", NL, "coffee-roasting", "Koffie branden", 0.40},
		{"torrefaction", FR, "coffee-roasting", "Torréfaction du café", 0.92},
		{"Kaffeerösten", DE, "coffee-roasting", "Kaffeerösten", 1},
		{"kaffeerosten", EN, "coffee-roasting", "Kaffeerösten", 0.95},
		{"haccp", FR, "food-hygiene", "HACCP", 0.84},
		{"espreso", EN, "espresso-preparation", "Espresso preparation", 0.40},
		{"latte art", DE, "latte-art", "Latte art", 1},
		{"samenwerken", EN, "teamwork", "Samenwerken", 0.95},
		{"roasting coffee", EN, "coffee-roasting", "Coffee roasting", 0.82},
		{"roasting coffee b", EN, "coffee-roasting", "roasting coffee beans", 0.65},
		{"staplerf", DE, "forklift-operation", "Staplerfahren", 0.65},
		{"stapler", DE, "forklift-licence", "Staplerschein", 0.90},
	} {
		t.Run(fmt.Sprintf("%s/%s", tc.lang, tc.q), func(t *testing.T) {
			got := tax.SuggestSkills(tc.q, tc.lang, 5)
			if len(got) == 0 {
				t.Fatalf("no suggestions, want %s", tc.wantSkill)
			}
			first := got[0]
			if first.Skill.ID != tc.wantSkill || first.Matched != tc.matched || first.Score != tc.score {
				t.Errorf("first = %s %q %.2f, want %s %q %.2f (all: %v)",
					first.Skill.ID, first.Matched, first.Score, tc.wantSkill, tc.matched, tc.score, skillIDs(got))
			}
			for i := 1; i < len(got); i++ {
				if got[i].Score > got[i-1].Score {
					t.Errorf("scores not in order: %v", skillIDs(got))
				}
			}
		})
	}
}

func TestSuggestOccupations(t *testing.T) {
	tax := testTaxonomy(t)
	for _, tc := range []struct {
		q    string
		lang Lang
		want string
	}{
		{"barista", EN, "barista"},
		{"Barista", FR, "barista"},
		{"baristta", EN, "barista"},
		{"koffiebarista", NL, "barista"},
		{"keuken", NL, "kitchen-assistant"},
		{"cariste", FR, "forklift-driver"},
		{"heftruck", NL, "forklift-driver"},
	} {
		got := tax.SuggestOccupations(tc.q, tc.lang, 3)
		if len(got) == 0 || got[0].Occupation.ID != tc.want {
			t.Errorf("SuggestOccupations(%q, %s) = %v, want %s first", tc.q, tc.lang, occupationIDs(got), tc.want)
		}
	}
}

func TestSuggestMisses(t *testing.T) {
	tax := testTaxonomy(t)
	for _, q := range []string{"", "  !? ", "xyzzy", "tem", "koffie roasting", "barista barista zzz"} {
		if got := tax.SuggestSkills(q, EN, 10); len(got) != 0 {
			t.Errorf("SuggestSkills(%q) = %v, want nothing", q, skillIDs(got))
		}
	}
}

// TestSuggestWholeWordFirst: "koffie" as typed is more likely the word
// koffie than the start of koffiekaart, even though that label is shorter.
func TestSuggestWholeWordFirst(t *testing.T) {
	tax, err := New("t", []Skill{
		{ID: "coffee-menu", Kind: KindKnowledge, Labels: map[Lang]string{EN: "Coffee menu", NL: "Koffiekaart"}},
		{ID: "coffee-roasting", Kind: KindSkill, Labels: map[Lang]string{EN: "Coffee roasting", NL: "Koffie branden"}},
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	got := tax.SuggestSkills("Koffie", NL, 5)
	if len(got) != 2 || got[0].Skill.ID != "coffee-roasting" || got[0].Score != 0.92 || got[1].Score != 0.90 {
		t.Errorf("got %v", skillIDs(got))
	}
	if got := tax.SuggestSkills("Koffiek", NL, 5); len(got) == 0 || got[0].Skill.ID != "coffee-menu" {
		t.Errorf("got %v", skillIDs(got))
	}
}

func TestSuggestRankingTies(t *testing.T) {
	tax := testTaxonomy(t)
	got := tax.SuggestSkills("forklift", EN, 10)
	want := []string{"forklift-licence (Forklift licence)", "forklift-operation (Forklift operation)"}
	if fmt.Sprint(skillIDs(got)) != fmt.Sprint(want) {
		t.Errorf("equal scores should go to the shorter label: got %v, want %v", skillIDs(got), want)
	}
}

func TestSuggestLimit(t *testing.T) {
	tax := testTaxonomy(t)
	if got := tax.SuggestSkills("c", EN, 2); len(got) != 2 {
		t.Errorf("limit 2 gave %d", len(got))
	}
	all := tax.SuggestSkills("c", EN, 0)
	if len(all) == 0 || len(all) > DefaultLimit {
		t.Errorf("limit 0 should mean the default, got %d", len(all))
	}
}

// TestSuggestPassesAgree checks that stopping after an early pass never
// changes the result: with a limit as large as the taxonomy every pass
// runs, and the first results must be the same as with a small limit.
func TestSuggestPassesAgree(t *testing.T) {
	tax := testTaxonomy(t)
	for _, q := range []string{"c", "co", "coffee", "koffie", "bari", "forklif", "roast", "espreso"} {
		small := skillIDs(tax.SuggestSkills(q, EN, 2))
		large := skillIDs(tax.SuggestSkills(q, EN, 100))
		if len(large) < len(small) || fmt.Sprint(large[:len(small)]) != fmt.Sprint(small) {
			t.Errorf("%q: limit 2 gave %v, limit 100 starts %v", q, small, large)
		}
	}
}

func TestSuggestConcurrently(t *testing.T) {
	tax := testTaxonomy(t)
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range 200 {
				q := []string{"barista", "koffie branden", "baristta", "forklift", "x"}[(g+i)%5]
				tax.SuggestSkills(q, Langs[i%4], 5)
				tax.SuggestOccupations(q, Langs[i%4], 5)
			}
		}()
	}
	wg.Wait()
	if got := tax.SuggestSkills("koffie branden", NL, 1); len(got) != 1 || got[0].Skill.ID != "coffee-roasting" {
		t.Errorf("after concurrent use: %v", skillIDs(got))
	}
}
