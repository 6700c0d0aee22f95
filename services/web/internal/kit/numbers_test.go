package kit

import "testing"

// TestPercentAndDecimalFollowTheLanguage: the reports' rates and ratios
// are written the reader's way, with the right decimal sign and the
// French and German space before the percent sign.
func TestPercentAndDecimalFollowTheLanguage(t *testing.T) {
	tr := mustLoadTranslator()
	cases := []struct {
		lang, percent, decimal string
	}{
		{"en", "45%", "0.67"},
		{"nl", "45%", "0,67"},
		{"fr", "45\u00a0%", "0,67"},
		{"de", "45\u00a0%", "0,67"},
	}
	for _, c := range cases {
		l := tr.localizer(c.lang)
		if got := l.Percent(0.449); got != c.percent {
			t.Errorf("%s: Percent(0.449) = %q, want %q", c.lang, got, c.percent)
		}
		if got := l.Decimal(2.0/3, 2); got != c.decimal {
			t.Errorf("%s: Decimal(2/3, 2) = %q, want %q", c.lang, got, c.decimal)
		}
	}
}
