package skills

import "testing"

func TestParseLang(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Lang
		ok   bool
	}{
		{"nl", NL, true}, {"NL", NL, true}, {"nl-BE", NL, true}, {"nl_BE", NL, true},
		{" fr-CA ", FR, true}, {"de", DE, true}, {"en-GB", EN, true},
		{"es", EN, false}, {"", EN, false}, {"-nl", EN, false},
	} {
		got, ok := ParseLang(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("ParseLang(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestLevels(t *testing.T) {
	for l := Supervised; l <= Instructor; l++ {
		if !l.Valid() {
			t.Errorf("level %d should be valid", l)
		}
		seen := map[string]bool{}
		for _, lang := range Langs {
			d := l.Description(lang)
			if d == "" || seen[d] && lang != EN {
				t.Errorf("level %d has no own description in %s: %q", l, lang, d)
			}
			seen[d] = true
		}
	}
	if got := Independent.Description("es"); got != "Works independently" {
		t.Errorf("unsupported language should fall back to English, got %q", got)
	}
	for _, l := range []Level{0, 5, -1} {
		if l.Valid() || l.Description(EN) != "" {
			t.Errorf("level %d should be invalid and have no description", l)
		}
	}
	if Supervised.Description(NL) != "Werkt onder begeleiding" || Instructor.Description(DE) != "Kann andere anleiten" {
		t.Error("descriptions changed; update docs/skills.md with them")
	}
}

func TestLabelFallsBackToEnglish(t *testing.T) {
	s := Skill{Labels: map[Lang]string{EN: "Latte art", NL: "Latte art (nl)"}}
	if s.Label(NL) != "Latte art (nl)" || s.Label(DE) != "Latte art" || s.Label("xx") != "Latte art" {
		t.Errorf("Label fallback wrong: %q %q", s.Label(NL), s.Label(DE))
	}
	o := Occupation{Labels: map[Lang]string{EN: "Barista", FR: ""}}
	if o.Label(FR) != "Barista" {
		t.Errorf("an empty label should fall back to English, got %q", o.Label(FR))
	}
}
