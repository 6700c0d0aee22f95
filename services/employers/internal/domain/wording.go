package domain

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/onward-jobs/onward/pkg/textkey"
)

// WordingFlag is one phrase that may put justice-involved applicants off.
type WordingFlag struct {
	Field      string // "title" or "description"
	Phrase     string // the text as it appears in the input
	Start, End int    // byte offsets of Phrase in that field's original text
	Suggestion string // neutral wording, in the same language as the phrase
	Reason     string // one short sentence why, in the asked language (en/nl/fr/de; others → en)
	// Category is what the phrase is about: WordingCategoryRecord,
	// WordingCategoryAge or WordingCategoryAppearance.
	Category string
}

// CheckWording looks in a role's title and description for phrases that tell
// people with a record not to apply ("clean record", "must pass a background
// check", "blanco strafblad", "casier judiciaire vierge", "keine Vorstrafen"
// and the like), that ask for youth or an age band ("young and dynamic",
// "max 30 years", "recent graduate", "digital native"), or that ask for
// looks ("well-groomed", "representatief uiterlijk", "présentation
// soignée", "gepflegtes Äußeres"), in English, Dutch, French and German
// whatever lang is, and suggests neutral wording. It only warns: the caller decides what to show,
// and a role is never refused for its wording.
//
// Matching ignores case, accents and the punctuation or spacing between
// words, but not sentence breaks, and skips negated uses ("no background
// check required", "geen VOG nodig"). Start and End are byte offsets into the
// field as given, so text[Start:End] == Phrase. Flags come in field order
// (title first), then by position; no flag gives nil. Reason is in lang
// ("en", "nl", "fr", "de", or a tag such as "nl-BE"); any other lang gets
// English.
func CheckWording(title, description, lang string) []WordingFlag {
	reasons := wordingReasons[wordingLang(lang)]
	var flags []WordingFlag
	for _, f := range [...]struct{ name, text string }{{"title", title}, {"description", description}} {
		for _, m := range wordingFind(f.text) {
			r := m.pattern.rule
			suggestion := r.suggestion
			if suggestion == "" {
				suggestion = wordingSuggestions[r.lang][r.kind]
			}
			flags = append(flags, WordingFlag{
				Field:      f.name,
				Phrase:     f.text[m.start:m.end],
				Start:      m.start,
				End:        m.end,
				Suggestion: suggestion,
				Reason:     reasons[r.kind],
				Category:   r.kind.category(),
			})
		}
	}
	return flags
}

// wordingLang reduces a language tag to one of the languages with reasons.
func wordingLang(lang string) string {
	lang = strings.ToLower(strings.TrimSpace(lang))
	if i := strings.IndexAny(lang, "-_"); i >= 0 {
		lang = lang[:i]
	}
	if _, ok := wordingReasons[lang]; ok {
		return lang
	}
	return "en"
}

// Separator strength between two words of a text.
const (
	wordingSepSpace    = iota // spaces, hyphens, dashes, apostrophes, quotes, colons
	wordingSepClause          // commas, brackets, slashes
	wordingSepSentence        // full stops, ! ? ; line breaks, bullets
)

// wordingToken is one word of a text: its search key (lower case, accents
// dropped, as textkey folds it) and where it stands in the original.
type wordingToken struct {
	key        string
	start, end int // byte offsets in the original text
	sep        int // the strongest separator between it and the word before
}

// wordingTokens splits s into words, keeping each word's byte span. A word
// is a run of letters and digits; combining marks, invisible format
// characters such as the soft hyphen, and the Catalan middle dot stay
// within it.
func wordingTokens(s string) []wordingToken {
	var (
		toks  []wordingToken
		key   []byte
		start = -1
		end   int
		sep   = wordingSepSpace
	)
	flush := func() {
		if start >= 0 {
			toks = append(toks, wordingToken{key: string(key), start: start, end: end, sep: sep})
			key, start, sep = key[:0], -1, wordingSepSpace
		}
	}
	open := func(i int) {
		if start < 0 {
			start = i
		}
	}
	separate := func(strength int) {
		flush()
		sep = max(sep, strength)
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case 'a' <= r && r <= 'z' || '0' <= r && r <= '9':
			open(i)
			key, end = append(key, byte(r)), i+size
		case 'A' <= r && r <= 'Z':
			open(i)
			key, end = append(key, byte(r)+'a'-'A'), i+size
		case r == '.' && start >= 0 && wordingAbbreviations[string(key)]:
			separate(wordingSepSpace) // "max. 30 Jahre" is one phrase
		case r < utf8.RuneSelf:
			separate(wordingSepOf(r))
		case r == '·' || unicode.In(r, unicode.Mn, unicode.Me, unicode.Cf):
			if start >= 0 {
				end = i + size
			}
		default:
			folded := textkey.Of(string(r))
			if folded == "" {
				separate(wordingSepOf(r))
				break
			}
			// A letter may fold to more than one word ("½" is "1 2").
			for j, part := range strings.Split(folded, " ") {
				if j > 0 {
					flush()
				}
				open(i)
				key, end = append(key, part...), i+size
			}
		}
		i += size
	}
	flush()
	return toks
}

// wordingAbbreviations are words whose full stop marks an abbreviation,
// not the end of a sentence.
var wordingAbbreviations = map[string]bool{"max": true, "min": true, "ca": true, "approx": true, "mind": true, "resp": true, "bzw": true}

func wordingSepOf(r rune) int {
	switch r {
	case '.', '!', '?', ';', '\n', '\r', '\v', '\f', '•', '…', '¡', '¿', '。', '\u0085', '\u2028', '\u2029':
		return wordingSepSentence
	case ',', '(', ')', '[', ']', '{', '}', '/', '\\', '|', '<', '>':
		return wordingSepClause
	}
	return wordingSepSpace
}

// wordingWord is one word of a pattern; prefix words match any word that
// begins with them ("vorstrafe*" matches "vorstrafen").
type wordingWord struct {
	key    string
	prefix bool
	// number is set for "#" (any number) and "#age" (a number from
	// wordingMinAge to wordingMaxAge, so "max 30 years" is an age limit and
	// "max 2 years" a contract's length); "30s" counts as 30.
	number, age bool
}

// The numbers "#age" matches.
const (
	wordingMinAge = 15
	wordingMaxAge = 75
)

func (w wordingWord) matches(key string) bool {
	switch {
	case w.number:
		n, err := strconv.Atoi(strings.TrimSuffix(key, "s"))
		return err == nil && (!w.age || wordingMinAge <= n && n <= wordingMaxAge)
	case w.prefix:
		return strings.HasPrefix(key, w.key)
	}
	return key == w.key
}

// wordingStep is one place in a pattern: a choice of word sequences,
// possibly optional.
type wordingStep struct {
	alts     [][]wordingWord
	optional bool
}

// wordingPattern is a compiled phrase pattern of a rule.
type wordingPattern struct {
	rule  *wordingRule
	steps []wordingStep
	// notNext lists words that, right after the phrase, give it another
	// meaning ("clean record keeping"); notPrev words that do so right
	// before it ("une entreprise jeune et dynamique").
	notNext, notPrev []wordingWord
	// negative is set when the phrase starts with a negation itself ("no
	// criminal record"), so a negation before it does not cancel it.
	negative bool
	// without is set when the phrase starts with "without" or its
	// translations, so "with or without a criminal record" is no flag.
	without bool
}

// wordingCompile parses a pattern. Steps are separated by spaces; a step
// is a choice of alternatives separated by "|", optional in [brackets]; an
// alternative of several words joins them with "_" (or any punctuation);
// a trailing "*" makes its last word a prefix; "#" is any number and
// "#age" a number that can be an age; a step "!a|b" lists words that must
// not follow the phrase, "<a|b" words that must not come right before it. Words are folded as textkey folds text,
// so patterns keep their accents; ä, ö and ü also match ae, oe and ue.
func wordingCompile(rule *wordingRule, src string) *wordingPattern {
	p := &wordingPattern{rule: rule}
	for _, field := range strings.Fields(src) {
		if field[0] == '!' || field[0] == '<' {
			for _, alt := range strings.Split(field[1:], "|") {
				words := wordingWords(src, alt)
				if len(words) != 1 {
					panic("wording: lookaround " + alt + " in " + src + " is not one word")
				}
				if field[0] == '!' {
					p.notNext = append(p.notNext, words...)
				} else {
					p.notPrev = append(p.notPrev, words...)
				}
			}
			continue
		}
		var step wordingStep
		if strings.HasPrefix(field, "[") && strings.HasSuffix(field, "]") {
			step.optional, field = true, field[1:len(field)-1]
		}
		for _, alt := range strings.Split(field, "|") {
			step.alts = append(step.alts, wordingWords(src, alt))
			if t := wordingTransliterated(alt); t != alt {
				step.alts = append(step.alts, wordingWords(src, t))
			}
		}
		p.steps = append(p.steps, step)
	}
	if len(p.steps) == 0 || p.steps[0].optional && len(p.steps) == 1 {
		panic("wording: empty pattern " + src)
	}
	for _, alt := range p.steps[0].alts {
		if wordingNegators[alt[0].key] {
			p.negative = true
		}
		if wordingWithouts[alt[0].key] {
			p.without = true
		}
	}
	return p
}

func wordingWords(src, alt string) []wordingWord {
	switch alt {
	case "#":
		return []wordingWord{{number: true}}
	case "#age":
		return []wordingWord{{number: true, age: true}}
	}
	prefix := strings.HasSuffix(alt, "*")
	key := textkey.Of(strings.TrimSuffix(alt, "*"))
	if key == "" {
		panic("wording: empty alternative in " + src)
	}
	var words []wordingWord
	for _, k := range strings.Split(key, " ") {
		words = append(words, wordingWord{key: k})
	}
	words[len(words)-1].prefix = prefix
	return words
}

// wordingTransliterated spells German umlauts as people without them on
// the keyboard do: "Führungszeugnis" as "Fuehrungszeugnis".
func wordingTransliterated(s string) string {
	return strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "Ä", "Ae", "Ö", "Oe", "Ü", "Ue").Replace(s)
}

// ends returns the token indexes where the pattern can end when it starts
// at toks[i]. Words of one phrase may be split by clause punctuation but
// not by a sentence break.
func (p *wordingPattern) ends(toks []wordingToken, i int) []int {
	var out []int
	var walk func(step, at int)
	walk = func(step, at int) {
		if step == len(p.steps) {
			if at > i {
				out = append(out, at)
			}
			return
		}
		s := p.steps[step]
		for _, alt := range s.alts {
			if n := wordingSeq(toks, at, at == i, alt); n > 0 {
				walk(step+1, at+n)
			}
		}
		if s.optional {
			walk(step+1, at)
		}
	}
	walk(0, i)
	return out
}

// wordingSeq reports how many tokens from toks[at] the words match, or 0.
func wordingSeq(toks []wordingToken, at int, first bool, words []wordingWord) int {
	if at+len(words) > len(toks) {
		return 0
	}
	for j, w := range words {
		t := toks[at+j]
		if (j > 0 || !first) && t.sep >= wordingSepSentence {
			return 0
		}
		if !w.matches(t.key) {
			return 0
		}
	}
	return len(words)
}

// longest returns the end of the longest match at toks[i] that is not
// followed by one of the pattern's notNext words, or -1.
func (p *wordingPattern) longest(toks []wordingToken, i int) int {
	best := -1
	if i > 0 && toks[i].sep < wordingSepSentence {
		for _, w := range p.notPrev {
			if w.matches(toks[i-1].key) {
				return best
			}
		}
	}
	for _, e := range p.ends(toks, i) {
		if e <= best || p.followedByExcluded(toks, e) {
			continue
		}
		best = e
	}
	return best
}

func (p *wordingPattern) followedByExcluded(toks []wordingToken, e int) bool {
	if e >= len(toks) || toks[e].sep >= wordingSepSentence {
		return false
	}
	for _, w := range p.notNext {
		if w.matches(toks[e].key) {
			return true
		}
	}
	return false
}

// negated reports whether the phrase toks[i:e] is denied rather than asked
// for: a negation shortly before it in the same clause ("we don't ask for a
// clean record", "geen VOG verplicht"), unless the phrase is a negation
// itself, or shortly after it ("background check not required", "casier
// vierge n'est pas exigé").
func (p *wordingPattern) negated(toks []wordingToken, i, e int) bool {
	for k := i - 1; k >= 0 && k >= i-4; k-- {
		if toks[k+1].sep >= wordingSepClause {
			break
		}
		if p.without && k == i-1 && wordingAlternatives[toks[k].key] {
			return true
		}
		if !p.negative && wordingNegators[toks[k].key] {
			return true
		}
	}
	for k := e; k < len(toks) && k < e+2; k++ {
		if toks[k].sep >= wordingSepClause {
			break
		}
		if wordingDenials[toks[k].key] {
			return true
		}
	}
	return false
}

type wordingMatch struct {
	pattern    *wordingPattern
	start, end int // byte offsets
}

// wordingFind returns the leftmost-longest, non-overlapping matches in s.
func wordingFind(s string) []wordingMatch {
	toks := wordingTokens(s)
	var out []wordingMatch
	for i := 0; i < len(toks); {
		best, end := (*wordingPattern)(nil), -1
		for _, p := range wordingPatterns {
			if e := p.longest(toks, i); e > end {
				best, end = p, e
			}
		}
		switch {
		case best == nil:
			i++
		case best.negated(toks, i, end):
			i = end
		default:
			out = append(out, wordingMatch{pattern: best, start: toks[i].start, end: toks[end-1].end})
			i = end
		}
	}
	return out
}

// wordingPatterns are all rules' patterns, compiled once.
var wordingPatterns = func() []*wordingPattern {
	var ps []*wordingPattern
	for i := range wordingRules {
		r := &wordingRules[i]
		for _, src := range r.patterns {
			ps = append(ps, wordingCompile(r, src))
		}
	}
	return ps
}()
