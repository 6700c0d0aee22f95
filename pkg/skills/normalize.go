package skills

import (
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// foldRune maps the letters that Unicode decomposition leaves alone to
// what a person without the key would type: "Straße" is searched as
// "strasse", "œuvre" as "oeuvre". An empty result means no special case.
func foldRune(r rune) string {
	switch r {
	case 'ß':
		return "ss"
	case 'æ':
		return "ae"
	case 'œ':
		return "oe"
	case 'ø':
		return "o"
	case 'ł':
		return "l"
	case 'đ', 'ð':
		return "d"
	case 'þ':
		return "th"
	case 'ı':
		return "i"
	}
	return ""
}

// foldTableSize covers ASCII, Latin-1 and Latin Extended-A and -B, every
// letter Dutch, French and German use.
const foldTableSize = 0x250

// foldTable holds the folded form of each rune below foldTableSize: the
// lower-case letters left after decomposition and dropping accents, or ""
// for a rune that separates words. Decomposing rune by rune through a table
// is several times faster than normalizing whole strings, which matters
// when the full ESCO is indexed at start.
var foldTable = func() (t [foldTableSize]string) {
	for r := range rune(foldTableSize) {
		t[r] = foldSlow(r)
	}
	return t
}()

// foldSlow folds one rune the long way: canonical decomposition, accents
// dropped, lower case, the special cases of foldRune.
func foldSlow(r rune) string {
	var b strings.Builder
	for _, d := range norm.NFD.String(string(r)) {
		if unicode.Is(unicode.Mn, d) {
			continue
		}
		d = unicode.ToLower(d)
		if f := foldRune(d); f != "" {
			b.WriteString(f)
		} else if unicode.IsLetter(d) || unicode.IsDigit(d) {
			b.WriteRune(d)
		}
	}
	return b.String()
}

// normalize folds s for search: accents stripped (NFD without combining
// marks), lower case, and every run of punctuation or space turned into a
// single space, trimmed at both ends. "Torréfaction du café!" becomes
// "torrefaction du cafe". Tokens are the space-separated parts.
func normalize(s string) string {
	if isNormalized(s) {
		return s // common for ESCO's lower-case English labels; saves a copy
	}
	var b strings.Builder
	b.Grow(len(s))
	pendingSpace := false
	emit := func(f string) {
		if f == "" {
			pendingSpace = true
			return
		}
		if pendingSpace && b.Len() > 0 {
			b.WriteByte(' ')
		}
		pendingSpace = false
		b.WriteString(f)
	}
	for _, r := range s {
		switch {
		case r < foldTableSize:
			emit(foldTable[r])
		case unicode.Is(unicode.Mn, r):
			// A combining accent after its letter: drop it without
			// splitting the word.
		default:
			emit(foldSlow(r))
		}
	}
	return b.String()
}

// isNormalized reports whether normalize would return s unchanged, checking
// only the common all-ASCII case.
func isNormalized(s string) bool {
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

// appendTokens appends the space-separated tokens of a normalized string to
// dst without allocating new strings.
func appendTokens(dst []string, normalized string) []string {
	for normalized != "" {
		i := strings.IndexByte(normalized, ' ')
		if i < 0 {
			return append(dst, normalized)
		}
		dst = append(dst, normalized[:i])
		normalized = normalized[i+1:]
	}
	return dst
}

// Slug turns a label into an id of the shape skills and occupations use:
// "Coffee roasting (small batch)" becomes "coffee-roasting-small-batch".
// Letters outside a–z after accent folding act as separators. The result is
// cut at a word boundary to at most maxLen bytes; it is "" when nothing is
// left.
func Slug(label string, maxLen int) string {
	var b strings.Builder
	dash := false
	for _, r := range normalize(label) {
		if (r >= 'a' && r <= 'z') || (r >= '0' && r <= '9') {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			dash = false
			b.WriteRune(r)
			continue
		}
		dash = true
	}
	s := b.String()
	if maxLen > 0 && len(s) > maxLen {
		cut := strings.LastIndexByte(s[:maxLen+1], '-')
		if cut <= 0 {
			cut = maxLen
		}
		s = strings.TrimRight(s[:cut], "-")
	}
	return s
}
