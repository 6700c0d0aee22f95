package skills_test

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/skills/esco"
	"github.com/onward-jobs/onward/pkg/skills/internal/escogen"
)

// TestSuggestMatchesReference compares the indexed search with a slow,
// obviously correct reference that applies the documented ranking to every
// label and synonym, over a generated taxonomy and a few hundred queries.
// It guards the three-pass early exit, the token ranges and the typo index.
func TestSuggestMatchesReference(t *testing.T) {
	dir := t.TempDir()
	cfg := escogen.Config{Skills: 600, Occupations: 20, SkillsPerOccupation: 10, Langs: []string{"en", "nl", "fr", "de"}, Seed: 3}
	if err := escogen.Write(dir, cfg); err != nil {
		t.Fatal(err)
	}
	tax, err := esco.Import(os.DirFS(dir), esco.Options{})
	if err != nil {
		t.Fatal(err)
	}
	ref := newReference(tax.Skills())
	queries := queryMix(tax, 150)
	queries = append(queries, query{"a", skills.EN}, query{"ro", skills.FR}, query{"xx yy", skills.DE})
	for _, q := range queries {
		for _, limit := range []int{3, 10} {
			got := describe(tax.SuggestSkills(q.text, q.lang, limit))
			want := ref.suggest(q.text, q.lang, limit)
			if !slices.Equal(got, want) {
				t.Errorf("SuggestSkills(%q, %s, %d)\n got %v\nwant %v", q.text, q.lang, limit, got, want)
			}
		}
	}
}

func describe(ms []skills.SkillMatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = fmt.Sprintf("%s %.2f", m.Skill.ID, m.Score)
	}
	return out
}

type refTerm struct {
	entity int
	lang   skills.Lang
	label  bool
	norm   string
	tokens []string
}

type reference struct {
	skills []skills.Skill
	terms  []refTerm
}

func newReference(all []skills.Skill) *reference {
	r := &reference{skills: all}
	for e, s := range all {
		for _, l := range skills.Langs {
			if s.Labels[l] != "" {
				r.add(e, l, true, s.Labels[l])
			}
			for _, syn := range s.Synonyms[l] {
				r.add(e, l, false, syn)
			}
		}
	}
	return r
}

func (r *reference) add(e int, l skills.Lang, label bool, text string) {
	n := skills.Normalize(text)
	if n != "" {
		r.terms = append(r.terms, refTerm{e, l, label, n, strings.Fields(n)})
	}
}

// suggest is the documented ranking, applied term by term.
func (r *reference) suggest(q string, lang skills.Lang, limit int) []string {
	qn := skills.Normalize(q)
	words := strings.Fields(qn)
	if len(words) > 8 {
		words = words[:8]
		qn = strings.Join(words, " ")
	}
	type best struct{ score, length int }
	bests := map[int]best{}
	for _, term := range r.terms {
		score, ok := refScore(term, words, qn)
		if !ok || len(words) == 0 {
			continue
		}
		if term.lang != lang {
			score -= 5
		}
		b, seen := bests[term.entity]
		if !seen || score > b.score || score == b.score && len(term.norm) < b.length {
			bests[term.entity] = best{score, len(term.norm)}
		}
	}
	entities := make([]int, 0, len(bests))
	for e := range bests {
		entities = append(entities, e)
	}
	slices.SortFunc(entities, func(a, b int) int {
		if c := cmp.Compare(bests[b].score, bests[a].score); c != 0 {
			return c
		}
		if c := cmp.Compare(bests[a].length, bests[b].length); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	out := []string{}
	for _, e := range entities[:min(limit, len(entities))] {
		out = append(out, fmt.Sprintf("%s %.2f", r.skills[e].ID, float64(bests[e].score)/100))
	}
	return out
}

func refScore(term refTerm, words []string, qn string) (int, bool) {
	typo := false
	for i, w := range words {
		last := i == len(words)-1
		asTyped, oneOff := false, false
		for _, tok := range term.tokens {
			if tok == w || last && strings.HasPrefix(tok, w) {
				asTyped = true
			} else if utf8.RuneCountInString(w) >= 4 && skills.OneEditApart(w, tok) {
				oneOff = true
			}
		}
		switch {
		case asTyped:
		case oneOff:
			typo = true
		default:
			return 0, false
		}
	}
	pick := func(label, synonym int) int {
		if term.label {
			return label
		}
		return synonym
	}
	whole := slices.Contains(term.tokens, words[len(words)-1])
	bonus := 0
	if whole {
		bonus = 2
	}
	switch {
	case typo:
		return pick(40, 30), true
	case term.norm == qn:
		return pick(100, 70), true
	case strings.HasPrefix(term.norm, qn):
		// A whole word only when the query ends where a word of the term ends.
		if len(term.norm) > len(qn) && term.norm[len(qn)] != ' ' {
			bonus = 0
		}
		return pick(90, 65) + bonus, true
	default:
		return pick(80, 60) + bonus, true
	}
}
