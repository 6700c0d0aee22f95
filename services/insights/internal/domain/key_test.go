package domain

import (
	"errors"
	"slices"
	"testing"
)

func TestKeyStringRoundTrip(t *testing.T) {
	tests := []struct {
		key  Key
		want string
	}{
		{Key{"org-7", Cohort, MonthOf(at(t, "2025-03-14")), Setting, "released", MeasureOf(Hired)},
			"org-7|cohort|2025-03|setting|released|hired"},
		{Key{PlatformScope, Activity, MonthOf(at(t, "2024-12-31T23:59")), All, AllGroup, Unknown90},
			"*|activity|2024-12|all|all|unknown_90"},
		{Key{"o|1%", Cohort, MonthOf(at(t, "2025-01-01")), Occupation, "a|b%7C", NotWorking180},
			"o%7C1%25|cohort|2025-01|occupation|a%7Cb%257C|not_working_180"},
	}
	for _, tt := range tests {
		if got := tt.key.String(); got != tt.want {
			t.Errorf("String() = %q, want %q", got, tt.want)
		}
		back, err := ParseKey(tt.want)
		if err != nil || back != tt.key {
			t.Errorf("ParseKey(%q) = %+v, %v", tt.want, back, err)
		}
	}
	for _, bad := range []string{"", "a|cohort|2025-03|setting|x", "a|weekly|2025-03|setting|x|hired",
		"a|cohort|2025-13|setting|x|hired", "a|cohort|2025-03|shoe_size|x|hired",
		"a|cohort|2025-03|setting|x|promoted", "|cohort|2025-03|setting|x|hired"} {
		if _, err := ParseKey(bad); !errors.Is(err, ErrBadKey) {
			t.Errorf("ParseKey(%q): %v", bad, err)
		}
	}
}

func TestMeasureNames(t *testing.T) {
	for m := Measure(0); m.Valid(); m++ {
		if back, err := ParseMeasure(m.String()); err != nil || back != m {
			t.Errorf("ParseMeasure(%q) = %v, %v", m, back, err)
		}
		if s, ok := m.Step(); ok != (int(m) < StepCount) || (ok && MeasureOf(s) != m) {
			t.Errorf("%s.Step() = %v, %v", m, s, ok)
		}
	}
	if MeasureCount != StepCount+6 || Measure(MeasureCount).Valid() {
		t.Errorf("%d measures", MeasureCount)
	}
	if _, err := ParseMeasure("promoted"); !errors.Is(err, ErrUnknownMeasure) {
		t.Error(err)
	}
}

// TestTotals checks which keys add up to which: single-valued dimensions
// to the total, regions to their country too, overlapping ones to none.
func TestTotals(t *testing.T) {
	k := Key{"org-1", Cohort, MonthOf(at(t, "2025-03-01")), Region, "BE.VLG", MeasureOf(Asked)}
	total, country := k, k
	total.Dimension, total.Group = All, AllGroup
	country.Dimension, country.Group = Country, "BE"
	if got := k.Totals(); !slices.Equal(got, []Key{total, country}) {
		t.Errorf("region: %v", got)
	}
	for _, d := range Dimensions() {
		k.Dimension, k.Group = d, "g"
		n := len(k.Totals())
		switch {
		case d == Region:
		case d.Additive() && n != 1, !d.Additive() && n != 0:
			t.Errorf("%s has %d totals", d, n)
		}
	}
	for g, want := range map[[2]string]string{{"BE", "BE.VLG"}: "BE.VLG", {"BE", "VLG"}: "BE.VLG",
		{"BE", ""}: "BE.unknown", {"", "VLG"}: "unknown", {"", ""}: "unknown"} {
		if got := regionGroup(g[0], g[1]); got != want {
			t.Errorf("regionGroup%v = %s, want %s", g, got, want)
		}
	}
}

// TestContributionsAddUp checks the sums Totals promises on a walked
// candidate and a second one with another setting and no region.
func TestContributionsAddUp(t *testing.T) {
	a, b := walked(t), walked(t)
	b.CandidateID, b.Setting, b.Country, b.Region = "cand-2", "", "NL", ""
	counts := ContributionsOf(a, at(t, "2025-09-01")).Counts()
	counts.Add(ContributionsOf(b, at(t, "2025-09-01")).Counts())
	sums := map[Key]map[Dimension]int{}
	for k, n := range counts.Cells {
		for _, total := range k.Totals() {
			if sums[total] == nil {
				sums[total] = map[Dimension]int{}
			}
			sums[total][k.Dimension] += n
		}
	}
	if len(sums) == 0 {
		t.Fatal("no sums")
	}
	for total, byDim := range sums {
		for d, n := range byDim {
			if n != counts.Cells[total] {
				t.Errorf("%s: its %s groups add up to %d, it holds %d", total, d, n, counts.Cells[total])
			}
		}
	}
}
