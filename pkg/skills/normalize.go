package skills

import (
	"strings"

	"github.com/onward-jobs/onward/pkg/textkey"
)

// normalize is the search key of a label, synonym or query, shared with
// the place gazetteer through package textkey.
func normalize(s string) string { return textkey.Of(s) }

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
