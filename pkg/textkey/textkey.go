// Package textkey turns names people type into search keys, so that the
// skills taxonomy and the place gazetteer treat a query the same way:
// "Liège", "LIEGE" and "liege" are one key, "Kaffeerösten" matches
// "kaffeerosten", and "'s-Gravenhage" matches "s gravenhage".
package textkey

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// foldings spell letters that have no decomposition the way a person
// without the key on their keyboard types them.
var foldings = map[rune]string{
	'ß': "ss", 'æ': "ae", 'œ': "oe", 'ø': "o", 'đ': "d", 'ð': "d",
	'þ': "th", 'ł': "l", 'ħ': "h", 'ı': "i", 'ŧ': "t", 'ŋ': "n",
}

// Append appends the key of s to dst: compatibility-decomposed (NFKD),
// combining marks dropped, lower case, the letters above folded, and every
// run of other characters (spaces, punctuation, symbols) one space, with
// none at either end. A middle dot joins ("l·l" is "ll"), as in Catalan.
func Append(dst []byte, s string) []byte {
	start := len(dst)
	if !isASCII(s) {
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

// Of returns the key of s. A string that is already a key is returned as
// is, without a copy: most labels and queries are plain lower-case ASCII.
func Of(s string) string {
	if IsKey(s) {
		return s
	}
	return string(Append(make([]byte, 0, len(s)), s))
}

// IsKey reports whether s is already a key: lower-case ASCII letters and
// digits, single spaces between words, none at the ends.
func IsKey(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z', c >= '0' && c <= '9':
		case c == ' ' && s[i-1] != ' ':
		default:
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
