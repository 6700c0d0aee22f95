package skills

import "testing"

func TestSlug(t *testing.T) {
	for _, tc := range []struct {
		in   string
		max  int
		want string
	}{
		{"Coffee roasting (small batch)", 0, "coffee-roasting-small-batch"},
		{"Torréfaction du café", 0, "torrefaction-du-cafe"},
		{"apply health and safety standards", 20, "apply-health-and"},
		{"supercalifragilistic", 5, "super"},
		{"¿?", 0, ""},
	} {
		if got := Slug(tc.in, tc.max); got != tc.want {
			t.Errorf("Slug(%q, %d) = %q, want %q", tc.in, tc.max, got, tc.want)
		}
		if got := Slug(tc.in, tc.max); got != "" && !slugPattern.MatchString(got) {
			t.Errorf("Slug(%q) = %q is not a valid id", tc.in, got)
		}
	}
}

func TestOneEditApart(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"barista", "baristta", true}, // insertion
		{"barista", "barsta", true},   // deletion
		{"barista", "barixta", true},  // substitution
		{"barista", "barsita", true},  // swap
		{"barista", "barista", false}, // equal is not a typo
		{"barista", "bsritaa", false},
		{"abc", "bca", false},
		{"ab", "abcd", false},
		{"rösten", "rosten", true},
	} {
		if got := oneEditApart(tc.a, tc.b); got != tc.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v", tc.a, tc.b, got, tc.want)
		}
		if got := oneEditApart(tc.b, tc.a); got != tc.want {
			t.Errorf("oneEditApart(%q, %q) = %v, want %v (symmetry)", tc.b, tc.a, got, tc.want)
		}
	}
}
