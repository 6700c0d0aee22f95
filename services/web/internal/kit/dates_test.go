package kit

import (
	"testing"
	"time"
)

func TestDatesInTheReadersLanguage(t *testing.T) {
	tr := mustLoadTranslator()
	want := map[string][2]string{
		"en": {"20 November 2026", "6 December 2026, 19:05"},
		"nl": {"20 november 2026", "6 december 2026, 19:05"},
		"fr": {"20 novembre 2026", "6 décembre 2026 à 19:05"},
		"de": {"20. November 2026", "6. Dezember 2026, 19:05 Uhr"},
	}
	moment := time.Date(2026, 12, 6, 18, 5, 0, 0, time.UTC) // 19:05 in Brussels
	for lang, w := range want {
		l := tr.localizer(lang)
		if got := l.Date("2026-11-20"); got != w[0] {
			t.Errorf("%s: Date = %q, want %q", lang, got, w[0])
		}
		if got := l.DateTime(moment); got != w[1] {
			t.Errorf("%s: DateTime = %q, want %q", lang, got, w[1])
		}
	}
	if got := tr.localizer("en").Date("soon"); got != "soon" {
		t.Errorf("an unparsable date became %q", got)
	}
	if got := tr.localizer("nl").Number(75000); got != "75.000" {
		t.Errorf("nl: Number(75000) = %q, want 75.000", got)
	}
}
