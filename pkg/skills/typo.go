package skills

import "unicode/utf8"

// oneEditApart reports whether a and b differ by exactly one insertion,
// deletion, substitution or swap of two neighbouring runes (Damerau–
// Levenshtein distance 1 in its optimal-string-alignment form).
func oneEditApart(a, b string) bool {
	if a == b {
		return false
	}
	var bufA, bufB [64]rune
	ra, rb := toRunes(bufA[:0], a), toRunes(bufB[:0], b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) < len(rb) { // one rune inserted into ra at i
		return equalRunes(ra[i:], rb[i+1:])
	}
	if equalRunes(ra[i+1:], rb[i+1:]) { // substituted at i
		return true
	}
	return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && equalRunes(ra[i+2:], rb[i+2:])
}

func toRunes(dst []rune, s string) []rune {
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf {
			dst = append(dst, rune(s[i]))
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		dst = append(dst, r)
		i += n
	}
	return dst
}

func equalRunes(a, b []rune) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
