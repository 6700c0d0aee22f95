package geo

import "github.com/onward-jobs/onward/pkg/textkey"

// Typo tolerance: a query may be one edit (a letter dropped, added, changed,
// or two neighbours swapped) away from the start of a name, as long as the
// edit falls in a word of at least minTypoWord letters; in shorter words
// one edit reaches too many unrelated places to be a useful guess.
const (
	minTypoWord   = 5
	maxTypoQuery  = 48 // longer queries are pasted, not typed: no typo search
	maxTypoVarLen = maxTypoQuery + 1
)

// suggestTypos offers, at ScoreTypo, the entries whose keys start with a
// one-edit variant of the normalised query nq. Rather than comparing nq with
// every key, it spells out the variants and looks each up as a prefix: an
// edit at position j keeps nq[:j], so the index range for nq[:j] bounds
// every lookup for that position and shrinks quickly as j grows.
func (g *Gazetteer) suggestTypos(nq string, wantCountry int, r *ranker) {
	n := len(nq)
	if n > maxTypoQuery || !textkey.IsKey(nq) {
		return
	}
	var long [maxTypoQuery]bool
	if !markLongWords(nq, long[:n]) {
		return
	}
	var buf [maxTypoVarLen]byte
	lo, hi := 0, len(g.index)
	for j := 0; j < n && lo < hi; j++ {
		head := append(buf[:0], nq[:j]...)
		if long[j] || j > 0 && long[j-1] {
			for _, c := range g.alphabet { // insertion before nq[j]
				g.offerTypos(append(append(head, c), nq[j:]...), lo, hi, wantCountry, r)
			}
		}
		if long[j] && (j+1 == n || nq[j] != nq[j+1]) { // deletion of nq[j]
			g.offerTypos(append(head, nq[j+1:]...), lo, hi, wantCountry, r)
		}
		if long[j] && j+1 < n && long[j+1] && nq[j] != nq[j+1] { // swap
			g.offerTypos(append(append(head, nq[j+1], nq[j]), nq[j+2:]...), lo, hi, wantCountry, r)
		}
		// A change of the last letter is covered by its deletion: every key
		// starting with nq[:n-1] is already offered.
		if long[j] && j+1 < n {
			for _, c := range g.alphabet { // substitution of nq[j]
				if c != nq[j] {
					g.offerTypos(append(append(head, c), nq[j+1:]...), lo, hi, wantCountry, r)
				}
			}
		}
		lo, hi = g.prefixRange(nq[:j+1], lo, hi)
	}
}

// offerTypos offers every entry in [lo, hi) whose key starts with variant.
func (g *Gazetteer) offerTypos(variant []byte, lo, hi, wantCountry int, r *ranker) {
	from, to := g.prefixRange(string(variant), lo, hi)
	for i := from; i < to; i++ {
		e := &g.index[i]
		if wantCountry >= 0 && int(e.country) != wantCountry {
			continue
		}
		r.offer(candidate{score: ScoreTypo, population: e.population, place: e.place, entry: int32(i), alias: e.name >= 0})
	}
}

// markLongWords sets long[i] for each byte of nq inside a word of at least
// minTypoWord bytes, and reports whether there is any.
func markLongWords(nq string, long []bool) bool {
	found := false
	for start := 0; start < len(nq); {
		end := start
		for end < len(nq) && nq[end] != ' ' {
			end++
		}
		if end-start >= minTypoWord {
			found = true
			for i := start; i < end; i++ {
				long[i] = true
			}
		}
		start = end + 1
	}
	return found
}
