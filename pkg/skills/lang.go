package skills

import "strings"

// Lang is a language the taxonomy carries labels in, as a lower-case ISO
// 639-1 code.
type Lang string

// The languages of the taxonomy. English is required on every skill and
// occupation and is the fallback when a label is missing in another language.
const (
	EN Lang = "en"
	NL Lang = "nl"
	FR Lang = "fr"
	DE Lang = "de"
)

// Langs lists the supported languages in a fixed order, English first.
// Treat it as read-only.
var Langs = []Lang{EN, NL, FR, DE}

// langIndex returns the position of l in Langs, or -1 when l is not
// supported; the search index stores languages as bits in that order.
func langIndex(l Lang) int {
	for i, x := range Langs {
		if x == l {
			return i
		}
	}
	return -1
}

// ParseLang reads a language tag such as "nl", "NL", "nl-BE" or "nl_BE" and
// returns the supported language it names. Only the primary subtag counts,
// because a Flemish and a Dutch user share one set of labels. An unknown or
// empty tag yields EN and false, so callers can fall back without a second
// branch.
func ParseLang(s string) (Lang, bool) {
	s = strings.TrimSpace(s)
	if i := strings.IndexAny(s, "-_"); i >= 0 {
		s = s[:i]
	}
	l := Lang(strings.ToLower(s))
	if langIndex(l) < 0 {
		return EN, false
	}
	return l, true
}
