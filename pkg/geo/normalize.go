package geo

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldings spells the letters that Unicode does not decompose into a base
// letter and a mark, the way people without the key type them.
var foldings = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
	'þ': "th", 'ł': "l", 'ħ': "h", 'ı': "i", 'ŧ': "t", 'ŋ': "n",
}

// appendNormalized appends the search form of s to dst: accents stripped,
// lower case, and every run of spaces, hyphens, apostrophes and other
// punctuation turned into one space, so that "'s-Gravenhage" and
// "s gravenhage", or "Saint-Étienne" and "saint etienne", meet.
func appendNormalized(dst []byte, s string) []byte {
	start := len(dst)
	if !isASCII(s) {
		// NFKD rather than NFD also folds full-width and ligature forms
		// that some keyboards and copy-pastes produce.
		s = norm.NFKD.String(s)
	}
	space := true // at the start, a separator would only be trimmed
	for _, r := range s {
		switch {
		case r < utf8.RuneSelf && ('a' <= r && r <= 'z' || '0' <= r && r <= '9'):
			dst, space = append(dst, byte(r)), false
		case r < utf8.RuneSelf && 'A' <= r && r <= 'Z':
			dst, space = append(dst, byte(r)+'a'-'A'), false
		case r == '·' || unicode.Is(unicode.Mn, r):
			// Marks go with the letter before them; the Catalan middle
			// dot in "l·l" sits inside a word, not between two.
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if f, ok := foldings[r]; ok {
				dst = append(dst, f...)
			} else {
				dst = utf8.AppendRune(dst, r)
			}
			space = false
		case !space:
			dst, space = append(dst, ' '), true
		}
	}
	if space && len(dst) > start {
		dst = dst[:len(dst)-1]
	}
	return dst
}

// normalize returns the search form of s; see appendNormalized.
func normalize(s string) string {
	return string(appendNormalized(make([]byte, 0, len(s)), s))
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
