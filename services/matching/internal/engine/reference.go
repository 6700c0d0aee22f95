package engine

import (
	"slices"

	"github.com/onward-jobs/onward/pkg/skills"
)

// ReferenceShortlist is the brute-force shortlist: it scores every
// consenting, available candidate against the role with the same functions as the
// index, sorts, and keeps the first k. It has no index at all, which makes
// it the yardstick the fast path must match exactly. Ids must be unique.
func ReferenceShortlist(cands []Candidate, role Role, tax *skills.Taxonomy, k int, today Day) []Entry {
	if !role.Open || k <= 0 {
		return nil
	}
	t := newSkillTable(tax)
	r := compileRole(&role, t)
	var ev evaluator
	out := []Entry{}
	for i := range cands {
		if !cands[i].Matchable() {
			continue
		}
		p := newProfile(&cands[i], t.intern)
		if score, full, ok := ev.score(r, &p, today); ok {
			out = append(out, Entry{ID: cands[i].ID, Score: score, Match: matchOf(full)})
		}
	}
	return firstK(out, k)
}

// ReferenceSuggestions is the brute-force list of the k best open roles
// for a candidate, on the same terms as ReferenceShortlist.
func ReferenceSuggestions(roles []Role, cand Candidate, tax *skills.Taxonomy, k int, today Day) []Entry {
	if !cand.Matchable() || k <= 0 {
		return nil
	}
	t := newSkillTable(tax)
	p := newProfile(&cand, t.intern)
	var ev evaluator
	out := []Entry{}
	for i := range roles {
		if !roles[i].Open {
			continue
		}
		r := compileRole(&roles[i], t)
		if score, full, ok := ev.score(r, &p, today); ok {
			out = append(out, Entry{ID: roles[i].ID, Score: score, Match: matchOf(full)})
		}
	}
	return firstK(out, k)
}

// firstK sorts entries best first and keeps k.
func firstK(out []Entry, k int) []Entry {
	slices.SortFunc(out, CompareEntries)
	if len(out) > k {
		out = out[:k]
	}
	return out
}
