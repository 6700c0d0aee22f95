package skills

import (
	"cmp"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
)

// searchIndex finds skills or occupations by any of their labels and
// synonyms in any language. Everything is computed once at load and stored
// in flat arrays (compressed rows rather than maps of slices), which keeps
// the full ESCO taxonomy within its memory budget and lets a query run
// without allocating beyond its result.
//
// A term is one normalized label or synonym of one entity; the same text in
// several languages of one entity is one term with several language bits.
// A token is one word of a term. Token ids are positions in the sorted token
// list, so all tokens starting with a prefix form one range of ids, and
// their postings form one contiguous run.
type searchIndex struct {
	entities int

	names      namesFunc
	termMeta   []termMeta
	termTokOff []uint32 // tokens of term t: termToks[termTokOff[t]:termTokOff[t+1]]
	termToks   []uint32

	// labelTerms lists the label terms sorted by their normalized text,
	// held in labelNorms, so the labels starting with a query are one range.
	labelTerms []uint32
	labelNorms []string

	tokens   []string // sorted and unique
	postOff  []uint32 // terms holding token k: postings[postOff[k]:postOff[k+1]]
	postings []uint32

	// typoKeys and typoToks, sorted by key, map the hash of a token and of
	// each of its one-rune deletions to the token: two words within one
	// edit share at least one such key (a deletion neighbourhood).
	typoKeys []uint32
	typoToks []uint32

	scratch sync.Pool
}

// termMeta is packed into twelve bytes because there is one per term. The
// original text is not stored: srcLang and srcSynonym find it again in the
// entity's labels or synonyms, which only the few results need.
type termMeta struct {
	entity     int32
	normLen    uint16 // length of the normalized text, for ties
	srcSynonym uint16 // index in the synonyms of srcLang, or isLabel
	langs      uint8  // bit i set when the term occurs in Langs[i]
	srcLang    uint8  // index in Langs of the first occurrence
}

// isLabel in termMeta.srcSynonym marks a label.
const isLabel = 0xFFFF

func (m termMeta) label() bool { return m.srcSynonym == isLabel }

// text returns the label or synonym a term was made from.
func (ix *searchIndex) text(term uint32) string {
	m := ix.termMeta[term]
	labels, synonyms := ix.names(int(m.entity))
	l := Langs[m.srcLang]
	if m.label() {
		return labels[l]
	}
	return synonyms[l][m.srcSynonym]
}

// Typo tolerance only applies to query words of at least minTypoRunes, as
// the issue asks; shorter dictionary words can still be reached by deleting
// one rune from such a query word.
const (
	minTypoRunes     = 4
	minTypoDictRunes = minTypoRunes - 1
)

// namesFunc returns the labels and synonyms of entity i.
type namesFunc func(i int) (map[Lang]string, map[Lang][]string)

func buildSearchIndex(n int, names namesFunc) *searchIndex {
	ix := &searchIndex{entities: n, names: names}
	norms := ix.addTerms(n, names)
	ix.buildTokens(norms)
	ix.buildLabelOrder(norms)
	ix.buildTypos()
	ix.scratch.New = func() any { return newScratch(ix.entities) }
	return ix
}

// addTerms normalizes every label and synonym and merges the ones that
// normalize alike within one entity. It returns the normalized texts, which
// are needed only while building.
func (ix *searchIndex) addTerms(n int, names namesFunc) []string {
	total := 0
	for e := range n {
		labels, synonyms := names(e)
		total += len(labels)
		for _, list := range synonyms {
			total += len(list)
		}
	}
	// Sized up front: append's spare capacity would be megabytes here.
	norms := make([]string, 0, total)
	ix.termMeta = make([]termMeta, 0, total)
	type termKey struct {
		norm  string
		label bool
	}
	seen := make(map[termKey]int)
	add := func(entity, lang int, text string, synonym int) {
		norm := normalize(text)
		if norm == "" {
			return
		}
		key := termKey{norm, synonym == isLabel}
		if t, ok := seen[key]; ok {
			ix.termMeta[t].langs |= 1 << lang
			return
		}
		seen[key] = len(ix.termMeta)
		ix.termMeta = append(ix.termMeta, termMeta{
			entity:     int32(entity),
			normLen:    uint16(min(len(norm), 0xFFFF)),
			srcSynonym: uint16(synonym),
			langs:      1 << lang,
			srcLang:    uint8(lang),
		})
		norms = append(norms, norm)
	}
	for e := range n {
		clear(seen)
		labels, synonyms := names(e)
		for li, l := range Langs {
			if label := labels[l]; label != "" {
				add(e, li, label, isLabel)
			}
		}
		for li, l := range Langs {
			for i, s := range synonyms[l][:min(len(synonyms[l]), isLabel)] {
				add(e, li, s, i)
			}
		}
	}
	return norms
}

// buildTokens assigns sorted token ids and builds both directions of the
// term–token relation.
func (ix *searchIndex) buildTokens(norms []string) {
	ids := make(map[string]uint32)
	var words []string
	wordCount := 0
	for _, norm := range norms {
		wordCount += strings.Count(norm, " ") + 1
	}
	ix.termTokOff = make([]uint32, 1, len(norms)+1)
	ix.termToks = make([]uint32, 0, wordCount)
	for _, norm := range norms {
		words = appendTokens(words[:0], norm)
		for _, w := range words {
			id, ok := ids[w]
			if !ok {
				w = strings.Clone(w) // let the normalized term itself be freed
				id = uint32(len(ix.tokens))
				ids[w] = id
				ix.tokens = append(ix.tokens, w)
			}
			ix.termToks = append(ix.termToks, id)
		}
		ix.termTokOff = append(ix.termTokOff, uint32(len(ix.termToks)))
	}
	// Renumber tokens in sorted order so that a prefix is a range of ids.
	order := make([]uint32, len(ix.tokens))
	for i := range order {
		order[i] = uint32(i)
	}
	slices.SortFunc(order, func(a, b uint32) int { return cmp.Compare(ix.tokens[a], ix.tokens[b]) })
	renumber := make([]uint32, len(order))
	sorted := make([]string, len(order))
	for newID, oldID := range order {
		renumber[oldID] = uint32(newID)
		sorted[newID] = ix.tokens[oldID]
	}
	ix.tokens = sorted
	for i, old := range ix.termToks {
		ix.termToks[i] = renumber[old]
	}
	ix.buildPostings()
}

func (ix *searchIndex) buildPostings() {
	counts := make([]uint32, len(ix.tokens)+1)
	ix.eachDistinctTermToken(func(_ int, k uint32) { counts[k+1]++ })
	for k := 1; k < len(counts); k++ {
		counts[k] += counts[k-1]
	}
	ix.postOff = counts
	ix.postings = make([]uint32, counts[len(counts)-1])
	fill := slices.Clone(counts[:len(counts)-1])
	ix.eachDistinctTermToken(func(t int, k uint32) {
		ix.postings[fill[k]] = uint32(t)
		fill[k]++
	})
}

// eachDistinctTermToken calls f once per term and token in it, in term
// order, so postings come out sorted by term.
func (ix *searchIndex) eachDistinctTermToken(f func(t int, k uint32)) {
	for t := range ix.termMeta {
		toks := ix.termToks[ix.termTokOff[t]:ix.termTokOff[t+1]]
		for i, k := range toks {
			if !slices.Contains(toks[:i], k) {
				f(t, k)
			}
		}
	}
}

// buildLabelOrder sorts the label terms by normalized text.
func (ix *searchIndex) buildLabelOrder(norms []string) {
	labels := 0
	for _, m := range ix.termMeta {
		if m.label() {
			labels++
		}
	}
	ix.labelTerms = make([]uint32, 0, labels)
	for t, m := range ix.termMeta {
		if m.label() {
			ix.labelTerms = append(ix.labelTerms, uint32(t))
		}
	}
	slices.SortFunc(ix.labelTerms, func(a, b uint32) int { return cmp.Compare(norms[a], norms[b]) })
	ix.labelNorms = make([]string, len(ix.labelTerms))
	for i, t := range ix.labelTerms {
		ix.labelNorms[i] = norms[t]
	}
}

// buildTypos fills the deletion neighbourhood of every token long enough to
// take part in a one-typo match.
func (ix *searchIndex) buildTypos() {
	type entry struct {
		key uint32
		tok uint32
	}
	var entries []entry
	for k, tok := range ix.tokens {
		n := utf8.RuneCountInString(tok)
		if n < minTypoDictRunes {
			continue
		}
		entries = append(entries, entry{hashWithout(tok, 0, 0), uint32(k)})
		if n < minTypoRunes {
			continue // a shorter deletion could only meet a query word under minTypoRunes
		}
		for i, r := range tok {
			entries = append(entries, entry{hashWithout(tok, i, i+utf8.RuneLen(r)), uint32(k)})
		}
	}
	slices.SortFunc(entries, func(a, b entry) int {
		if c := cmp.Compare(a.key, b.key); c != 0 {
			return c
		}
		return cmp.Compare(a.tok, b.tok)
	})
	entries = slices.Compact(entries)
	ix.typoKeys = make([]uint32, len(entries))
	ix.typoToks = make([]uint32, len(entries))
	for i, e := range entries {
		ix.typoKeys[i], ix.typoToks[i] = e.key, e.tok
	}
}

// hashWithout is the 32-bit FNV-1a hash of s with the bytes s[i:j] left
// out, so deletions are hashed without building the shorter strings. A
// collision only costs a rejected candidate: every match is verified.
func hashWithout(s string, i, j int) uint32 {
	const (
		offset = 2166136261
		prime  = 16777619
	)
	h := uint32(offset)
	for k := 0; k < len(s); k++ {
		if k == i {
			k = j
			if k >= len(s) {
				break
			}
		}
		h ^= uint32(s[k])
		h *= prime
	}
	return h
}
