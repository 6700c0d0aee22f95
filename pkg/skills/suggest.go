package skills

import (
	"sort"
	"strings"
	"unicode/utf8"
)

// Match classes, best first; a Score is the class divided by 100. The gaps
// leave room for the small penalty on a match in another language than the
// one asked, which should reorder matches within a class's neighbourhood but
// never push a label below a synonym of the same kind.
const (
	scoreLabelExact  = 100 // the whole label, as typed
	scoreLabelPrefix = 90  // the start of the label
	// An exact synonym ("koffiebranden", "heftruck") names the skill as
	// surely as its label, so it outranks a word buried in another label
	// ("SCA-certificaat koffiebranden"); it stays below 85, the least a
	// label-prefix match scores, so the first pass's early stop holds.
	scoreSynonymExact  = 84
	scoreLabelTokens   = 80 // every word typed starts a word of the label
	scoreSynonymPrefix = 65
	scoreSynonymTokens = 60
	scoreLabelTypo     = 40 // as above, with one word off by one edit
	scoreSynonymTypo   = 30

	otherLangPenalty = 5
	// wholeWordBonus lifts a prefix or word match whose last query word is
	// a whole word of the term: someone typing "koffie" more likely means
	// "Koffie branden" than "Koffiekaart". It stays below the gap to the
	// next class.
	wholeWordBonus = 2
)

// DefaultLimit is how many suggestions a limit of zero or less returns.
const DefaultLimit = 10

const (
	// maxLimit and maxQueryWords bound the work one request can cause,
	// such as a pasted paragraph.
	maxLimit      = 200
	maxQueryWords = 8
)

// SkillMatch is one skill suggestion.
type SkillMatch struct {
	Skill Skill
	// Matched is the label or synonym, in whichever language, that matched.
	Matched string
	// Score ranks suggestions, from 1 (the exact label in the asked
	// language) down to about 0.25 (a synonym with a typo in another
	// language).
	Score float64
}

// OccupationMatch is one occupation suggestion.
type OccupationMatch struct {
	Occupation Occupation
	// Matched is the label or synonym, in whichever language, that matched.
	Matched string
	// Score ranks suggestions like SkillMatch.Score.
	Score float64
}

// SuggestSkills returns up to limit skills (DefaultLimit when limit <= 0)
// whose labels or synonyms match q, best first. Matching ignores case and
// accents and looks in every language, favouring lang a little. Ranking:
// exact label, label prefix, every word a word prefix, then the same on
// synonyms, then one typo (one insertion, deletion, substitution or swap in
// a word of four letters or more). Ties go to the shorter matched text, then
// the smaller id. Every query word must match a word of the same label or
// synonym; the last may be the start of a word, as someone still typing
// gives it. No match yields an empty result.
func (t *Taxonomy) SuggestSkills(q string, lang Lang, limit int) []SkillMatch {
	hits := t.skillSearch.search(q, lang, limit)
	out := make([]SkillMatch, len(hits))
	for i, h := range hits {
		out[i] = SkillMatch{Skill: t.skills[h.entity], Matched: t.skillSearch.text(h.term), Score: h.score()}
	}
	return out
}

// SuggestOccupations is SuggestSkills for occupations, to start a role
// from a template.
func (t *Taxonomy) SuggestOccupations(q string, lang Lang, limit int) []OccupationMatch {
	hits := t.occSearch.search(q, lang, limit)
	out := make([]OccupationMatch, len(hits))
	for i, h := range hits {
		out[i] = OccupationMatch{Occupation: t.occupations[h.entity], Matched: t.occSearch.text(h.term), Score: h.score()}
	}
	return out
}

// hit is an entity's best match: rank packs the score above the inverted
// length of the matched text, so a higher rank is a better hit.
type hit struct {
	entity int32
	term   uint32
	rank   uint32
}

func (h hit) score() float64 { return float64(h.rank>>16) / 100 }

// better orders hits: higher rank, then smaller entity index, which is the
// smaller id because entities are sorted by id.
func better(a, b hit) bool {
	if a.rank != b.rank {
		return a.rank > b.rank
	}
	return a.entity < b.entity
}

// noToken marks a query word that equals no token.
const noToken = ^uint32(0)

// queryWord is one word of a query with the tokens it matches: ids lo..hi
// match as typed (as a prefix for the last word), exact is the token equal
// to the word, and typos[typoStart:typoEnd] lie within one edit.
type queryWord struct {
	text               string
	lo, hi, exact      uint32
	typoStart, typoEnd int
}

// scratch is the per-query working memory, pooled so a query allocates only
// its result. best and stamp are indexed by entity; an entity's best is
// valid only when its stamp equals gen, which spares clearing them.
type scratch struct {
	gen     uint32
	stamp   []uint32
	best    []hit
	touched []int32
	words   []string
	qwords  []queryWord
	typos   []uint32
	top     []hit
	langBit uint8
}

func newScratch(entities int) any {
	return &scratch{stamp: make([]uint32, entities), best: make([]hit, entities)}
}

// search runs in three passes, each only when the ones before found fewer
// than limit entities: labels starting with the query (scores of 85 and
// up), then every word matched as typed (80 and below), then one typo per
// word (40 and below). A later pass can never outrank an entity an earlier
// pass found, so stopping early changes nothing in the result, and the
// common short query over a large taxonomy stays cheap.
func (ix *searchIndex) search(q string, lang Lang, limit int) []hit {
	if limit <= 0 {
		limit = DefaultLimit
	}
	limit = min(limit, maxLimit)
	qnorm := normalize(q)
	if qnorm == "" || ix.entities == 0 {
		return nil
	}
	sc := ix.scratch.Get().(*scratch)
	defer ix.scratch.Put(sc)
	sc.reset(lang)
	sc.words = appendTokens(sc.words[:0], qnorm)
	if len(sc.words) > maxQueryWords {
		sc.words = sc.words[:maxQueryWords]
		qnorm = strings.Join(sc.words, " ")
	}
	ix.resolveWords(sc)
	ix.scanLabelPrefixes(sc, qnorm)
	if len(sc.touched) < limit && sc.everyWordFound() {
		ix.scanTokens(sc)
	}
	if len(sc.touched) < limit && ix.resolveTypos(sc) {
		ix.scanTypos(sc)
	}
	return sc.topHits(limit)
}

func (sc *scratch) reset(lang Lang) {
	sc.gen++
	if sc.gen == 0 { // wrapped: old stamps could collide with the new gen
		clear(sc.stamp)
		sc.gen = 1
	}
	sc.touched = sc.touched[:0]
	sc.langBit = 0
	if i := langIndex(lang); i >= 0 {
		sc.langBit = 1 << i
	}
}

// offer records term as a match of its entity with the given score, and
// keeps it when it beats the entity's best so far.
func (sc *scratch) offer(ix *searchIndex, term uint32, score int) {
	m := ix.termMeta[term]
	if m.langs&sc.langBit == 0 {
		score -= otherLangPenalty
	}
	h := hit{entity: m.entity, term: term, rank: uint32(score)<<16 | uint32(0xFFFF-m.normLen)}
	e := m.entity
	if sc.stamp[e] != sc.gen {
		sc.stamp[e] = sc.gen
		sc.best[e] = h
		sc.touched = append(sc.touched, e)
	} else if h.rank > sc.best[e].rank {
		sc.best[e] = h
	}
}

// resolveWords finds the tokens each query word matches as typed.
func (ix *searchIndex) resolveWords(sc *scratch) {
	sc.qwords = sc.qwords[:0]
	sc.typos = sc.typos[:0]
	for i, w := range sc.words {
		qw := queryWord{text: w, exact: noToken}
		qw.lo, qw.hi = ix.tokenRange(w, i == len(sc.words)-1)
		if qw.lo < qw.hi && ix.tokens[qw.lo] == w {
			qw.exact = qw.lo
		}
		sc.qwords = append(sc.qwords, qw)
	}
}

func (sc *scratch) everyWordFound() bool {
	for _, qw := range sc.qwords {
		if qw.lo == qw.hi {
			return false
		}
	}
	return true
}

// resolveTypos finds the tokens one edit away from each word long enough,
// and reports whether every word now matches something and some word has
// a typo match.
func (ix *searchIndex) resolveTypos(sc *scratch) bool {
	anyTypo := false
	for i := range sc.qwords {
		qw := &sc.qwords[i]
		qw.typoStart = len(sc.typos)
		if utf8.RuneCountInString(qw.text) >= minTypoRunes {
			sc.typos = ix.appendTypos(sc.typos, qw.text, qw.lo, qw.hi)
		}
		qw.typoEnd = len(sc.typos)
		if qw.lo == qw.hi && qw.typoStart == qw.typoEnd {
			return false
		}
		anyTypo = anyTypo || qw.typoStart < qw.typoEnd
	}
	return anyTypo
}

// tokenRange returns the ids of the tokens equal to w, or starting with w
// when prefix is set.
func (ix *searchIndex) tokenRange(w string, prefix bool) (lo, hi uint32) {
	n := len(ix.tokens)
	l := sort.SearchStrings(ix.tokens, w)
	if !prefix {
		if l < n && ix.tokens[l] == w {
			return uint32(l), uint32(l + 1)
		}
		return uint32(l), uint32(l)
	}
	h := l + sort.Search(n-l, func(i int) bool { return !strings.HasPrefix(ix.tokens[l+i], w) })
	return uint32(l), uint32(h)
}

// appendTypos appends the tokens exactly one edit away from w that are not
// already in lo..hi.
func (ix *searchIndex) appendTypos(dst []uint32, w string, lo, hi uint32) []uint32 {
	start := len(dst)
	probe := func(key uint32) {
		i := sort.Search(len(ix.typoKeys), func(i int) bool { return ix.typoKeys[i] >= key })
		for ; i < len(ix.typoKeys) && ix.typoKeys[i] == key; i++ {
			k := ix.typoToks[i]
			if (k >= lo && k < hi) || containsToken(dst[start:], k) || !oneEditApart(w, ix.tokens[k]) {
				continue
			}
			dst = append(dst, k)
		}
	}
	probe(hashWithout(w, 0, 0))
	for i, r := range w {
		probe(hashWithout(w, i, i+utf8.RuneLen(r)))
	}
	return dst
}

func containsToken(list []uint32, k uint32) bool {
	for _, x := range list {
		if x == k {
			return true
		}
	}
	return false
}

// scanLabelPrefixes offers every label that starts with the query.
func (ix *searchIndex) scanLabelPrefixes(sc *scratch, qnorm string) {
	n := len(ix.labelNorms)
	lo := sort.SearchStrings(ix.labelNorms, qnorm)
	hi := lo + sort.Search(n-lo, func(i int) bool { return !strings.HasPrefix(ix.labelNorms[lo+i], qnorm) })
	for i, t := range ix.labelTerms[lo:hi] {
		score := scoreLabelPrefix
		switch norm := ix.labelNorms[lo+i]; {
		case len(norm) == len(qnorm):
			score = scoreLabelExact
		case norm[len(qnorm)] == ' ':
			score += wholeWordBonus
		}
		sc.offer(ix, t, score)
	}
}

// scanTokens offers every term holding a token of the query word with the
// fewest postings and matching the other words too.
func (ix *searchIndex) scanTokens(sc *scratch) {
	driver, cost := 0, -1
	for i, qw := range sc.qwords {
		if c := int(ix.postOff[qw.hi] - ix.postOff[qw.lo]); cost < 0 || c < cost {
			driver, cost = i, c
		}
	}
	qw := sc.qwords[driver]
	if len(sc.qwords) == 1 {
		ix.scanOneWord(sc, qw)
		return
	}
	for _, term := range ix.postings[ix.postOff[qw.lo]:ix.postOff[qw.hi]] {
		ix.considerWords(sc, term, driver)
	}
}

// scanTypos offers the terms that match only with a typo. Such a term holds
// a typo token of some word, so those postings are the candidates; when a
// word matches nothing as typed, its typo postings alone suffice.
func (ix *searchIndex) scanTypos(sc *scratch) {
	typoCost := func(qw queryWord) int {
		c := 0
		for _, k := range sc.typos[qw.typoStart:qw.typoEnd] {
			c += int(ix.postOff[k+1] - ix.postOff[k])
		}
		return c
	}
	words := sc.qwords
	for i, qw := range sc.qwords {
		if qw.lo == qw.hi && (len(words) != 1 || typoCost(qw) < typoCost(words[0])) {
			words = sc.qwords[i : i+1]
		}
	}
	single := len(sc.qwords) == 1
	for _, qw := range words {
		for _, k := range sc.typos[qw.typoStart:qw.typoEnd] {
			for _, term := range ix.postings[ix.postOff[k]:ix.postOff[k+1]] {
				if single {
					sc.offer(ix, term, classScore(classTypo, ix.termMeta[term].label(), false))
				} else {
					ix.considerTerm(sc, term)
				}
			}
		}
	}
}

// considerWords is considerTerm without typos, the hot loop of a query of
// several words over common words: the driver word is known to match, and
// each other word needs one range test per token of the term (an unsigned
// subtraction turns lo <= k < hi into one comparison).
func (ix *searchIndex) considerWords(sc *scratch, term uint32, driver int) {
	toks := ix.termToks[ix.termTokOff[term]:ix.termTokOff[term+1]]
	for i, qw := range sc.qwords {
		if i == driver {
			continue
		}
		found := false
		for _, k := range toks {
			if k-qw.lo < qw.hi-qw.lo {
				found = true
				break
			}
		}
		if !found {
			return
		}
	}
	ix.offerClassified(sc, term, toks, false)
}

// scanOneWord is the hot loop for the most common query, a single word
// without typos: every posting of its tokens matches, and the first token
// alone tells exact, prefix and word matches apart.
func (ix *searchIndex) scanOneWord(sc *scratch, qw queryWord) {
	for _, term := range ix.postings[ix.postOff[qw.lo]:ix.postOff[qw.hi]] {
		toks := ix.termToks[ix.termTokOff[term]:ix.termTokOff[term+1]]
		class, whole := classWords, false
		if first := toks[0]; first >= qw.lo && first < qw.hi {
			class, whole = classPrefix, first == qw.exact
			if len(toks) == 1 && whole {
				class = classExact
			}
		} else if qw.exact != noToken {
			whole = containsToken(toks, qw.exact)
		}
		sc.offer(ix, term, classScore(class, ix.termMeta[term].label(), whole))
	}
}

// considerTerm checks every query word against a candidate term, allowing
// one typo per word, and offers it with its class.
func (ix *searchIndex) considerTerm(sc *scratch, term uint32) {
	toks := ix.termToks[ix.termTokOff[term]:ix.termTokOff[term+1]]
	typo := false
	for _, qw := range sc.qwords {
		switch matchWord(toks, qw, sc.typos) {
		case wordMissing:
			return
		case wordTypo:
			typo = true
		}
	}
	ix.offerClassified(sc, term, toks, typo)
}

func (ix *searchIndex) offerClassified(sc *scratch, term uint32, toks []uint32, typo bool) {
	last := sc.qwords[len(sc.qwords)-1]
	class, whole := classWords, false
	switch {
	case typo:
		class = classTypo
	case startsWithQuery(toks, sc.qwords):
		class, whole = classPrefix, toks[len(sc.qwords)-1] == last.exact
		if whole && len(toks) == len(sc.qwords) {
			class = classExact
		}
	default:
		whole = last.exact != noToken && containsToken(toks, last.exact)
	}
	sc.offer(ix, term, classScore(class, ix.termMeta[term].label(), whole))
}

// classScore is the score of a match class, with the whole-word bonus
// where it applies.
func classScore(class int, label, whole bool) int {
	score := classScores[class][b2i(label)]
	if whole && (class == classPrefix || class == classWords) {
		score += wholeWordBonus
	}
	return score
}

// startsWithQuery reports whether the term's text starts with the query:
// the words before the last are its first tokens, and the last word starts
// the next token.
func startsWithQuery(toks []uint32, qwords []queryWord) bool {
	k := len(qwords)
	if len(toks) < k {
		return false
	}
	for i, qw := range qwords[:k-1] {
		if toks[i] != qw.exact {
			return false
		}
	}
	last := qwords[k-1]
	return toks[k-1] >= last.lo && toks[k-1] < last.hi
}

const (
	wordMissing = iota
	wordTypo
	wordFound
)

func matchWord(toks []uint32, qw queryWord, typoList []uint32) int {
	found := wordMissing
	for _, k := range toks {
		if k >= qw.lo && k < qw.hi {
			return wordFound
		}
		if found == wordMissing && containsToken(typoList[qw.typoStart:qw.typoEnd], k) {
			found = wordTypo
		}
	}
	return found
}

// Match classes of a term, indexing classScores.
const (
	classExact = iota
	classPrefix
	classWords
	classTypo
)

// classScores holds the score per class for a synonym (0) and a label (1).
var classScores = [4][2]int{
	classExact:  {scoreSynonymExact, scoreLabelExact},
	classPrefix: {scoreSynonymPrefix, scoreLabelPrefix},
	classWords:  {scoreSynonymTokens, scoreLabelTokens},
	classTypo:   {scoreSynonymTypo, scoreLabelTypo},
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// topHits returns the limit best touched entities in order, keeping a small
// sorted array rather than sorting everything touched.
func (sc *scratch) topHits(limit int) []hit {
	top := sc.top[:0]
	for _, e := range sc.touched {
		h := sc.best[e]
		if len(top) == limit && !better(h, top[len(top)-1]) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return better(h, top[i]) })
		if len(top) < limit {
			top = append(top, hit{})
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = h
	}
	sc.top = top
	if len(top) == 0 {
		return nil
	}
	out := make([]hit, len(top))
	copy(out, top)
	return out
}
