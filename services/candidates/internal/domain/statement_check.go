package domain

import (
	"strings"
	"unicode"
)

// StatementFlag marks a word the checker thinks may reveal who or where
// the candidate is: Start and End are rune offsets into the text (End just
// past the word), Text the word or words themselves.
type StatementFlag struct {
	Kind  FlagKind
	Text  string
	Start int
	End   int
}

// FlagKind says why a word is flagged.
type FlagKind string

// The kinds of flag.
const (
	// FlagDigits is a word with a digit: a date, a case or cell number,
	// a house number, an age.
	FlagDigits FlagKind = "digits"
	// FlagName is a capitalised word that does not start a sentence.
	FlagName FlagKind = "name"
	// FlagPlace is a place name from the gazetteer, in any case.
	FlagPlace FlagKind = "place"
)

// PlaceNames answers whether a word or words name a place; the service
// backs it with the gazetteer (geo.Gazetteer.IsPlaceName).
type PlaceNames interface {
	IsPlaceName(name string) bool
}

// maxPlaceWords is the most words a place name the checker looks for may
// have ("Sint Martens Latem" is three; hyphenated names are one word).
const maxPlaceWords = 3

// commonWords are everyday words that some small place also bears. Written
// in lower case they are the word, not the place, and flagging them would
// teach reviewers to ignore flags; capitalised, they are still flagged.
var commonWords = map[string]bool{"job": true, "best": true, "hope": true, "born": true}

// CheckStatement flags what a reviewer should look at twice: words with
// digits, gazetteer place names (whole words, any case, up to three words
// long), and capitalised words that do not start a sentence, except "I"
// and its contractions. Words shorter than three letters are not looked
// up as places ("as" is a town in Belgium). It only helps the review; it
// decides nothing.
func CheckStatement(text string, places PlaceNames) []StatementFlag {
	runes := []rune(text)
	words := splitWords(runes)
	flags := []StatementFlag{}
	for i := 0; i < len(words); i++ {
		w := words[i]
		if w.digits {
			flags = append(flags, w.flag(runes, FlagDigits, w))
			continue
		}
		if n := placeAt(runes, words[i:], places); n > 0 {
			flags = append(flags, w.flag(runes, FlagPlace, words[i+n-1]))
			i += n - 1
			continue
		}
		if w.capitalised(runes) && !w.sentenceStart && !isFirstPerson(runes, w) {
			flags = append(flags, w.flag(runes, FlagName, w))
		}
	}
	return flags
}

// word is a run of letters and digits, with the apostrophes and hyphens
// inside it ("don't", "Sint-Niklaas"), at runes [start, end).
type word struct {
	start, end    int
	digits        bool
	sentenceStart bool
	// spaced says only spaces separate the word from the one before, so
	// the two may be one place name.
	spaced bool
}

func (w word) flag(runes []rune, kind FlagKind, last word) StatementFlag {
	return StatementFlag{Kind: kind, Text: string(runes[w.start:last.end]), Start: w.start, End: last.end}
}

func (w word) capitalised(runes []rune) bool { return unicode.IsUpper(runes[w.start]) }

// splitWords finds the words of runes and whether each starts a sentence:
// the first word, and any word after '.', '!', '?', '…' or a line break
// (quotes, brackets and dashes between do not matter).
func splitWords(runes []rune) []word {
	var words []word
	sentenceStart, spaced := true, false
	for i := 0; i < len(runes); {
		r := runes[i]
		if !isWordRune(r) {
			switch {
			case r == '.' || r == '!' || r == '?' || r == '…' || r == '\n':
				sentenceStart = true
			case unicode.IsSpace(r):
			default:
				spaced = false
			}
			if r == '\n' || !unicode.IsSpace(r) {
				spaced = false
			}
			i++
			continue
		}
		w := word{start: i, sentenceStart: sentenceStart, spaced: spaced && len(words) > 0}
		for i < len(runes) && (isWordRune(runes[i]) || isJoiner(runes, i)) {
			w.digits = w.digits || unicode.IsDigit(runes[i])
			i++
		}
		w.end = i
		words = append(words, w)
		sentenceStart, spaced = false, true
	}
	return words
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r)
}

// isJoiner reports whether runes[i] is an apostrophe or hyphen between
// two word runes, which keeps "don't" and "Sint-Niklaas" one word.
func isJoiner(runes []rune, i int) bool {
	switch runes[i] {
	case '\'', '’', '-', '‐':
		return i > 0 && i+1 < len(runes) && isWordRune(runes[i-1]) && isWordRune(runes[i+1])
	}
	return false
}

// placeAt returns how many of the words from the first (up to
// maxPlaceWords, separated by spaces only) name a place, longest first,
// or 0.
func placeAt(runes []rune, words []word, places PlaceNames) int {
	if places == nil {
		return 0
	}
	n := 1
	for n < min(len(words), maxPlaceWords) && words[n].spaced && !words[n].digits {
		n++
	}
	for ; n > 0; n-- {
		name := string(runes[words[0].start:words[n-1].end])
		if n == 1 && (len([]rune(name)) < 3 || commonWords[name]) {
			return 0
		}
		if places.IsPlaceName(name) {
			return n
		}
	}
	return 0
}

// isFirstPerson reports whether w is "I" or a contraction of it ("I'm",
// "I’ve").
func isFirstPerson(runes []rune, w word) bool {
	s := string(runes[w.start:w.end])
	if s == "I" {
		return true
	}
	rest, ok := strings.CutPrefix(s, "I'")
	if !ok {
		rest, ok = strings.CutPrefix(s, "I’")
	}
	return ok && rest != "" && strings.ToLower(rest) == rest
}
