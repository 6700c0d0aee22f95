package vocab

import "testing"

func TestSectorNames(t *testing.T) {
	if len(Sectors) != len(NACESections) {
		t.Fatalf("%d sectors for %d sections", len(Sectors), len(NACESections))
	}
	for i, s := range Sectors {
		if s.Code != NACESections[i:i+1] {
			t.Errorf("sector %d is %q, want %q", i, s.Code, NACESections[i:i+1])
		}
		for _, lang := range SectorLanguages {
			if s.Names[lang] == "" || SectorName(s.Code, lang) != s.Names[lang] {
				t.Errorf("%s has no %s name", s.Code, lang)
			}
		}
	}
	for _, tc := range []struct{ code, lang, want string }{
		{"I", "nl-BE", "Horeca: accommodatie en maaltijden"}, {"I", "FR", "Hébergement et restauration"},
		{"I", "de_AT", "Gastgewerbe"}, {"I", "pl", "Accommodation and food service"}, {"I", "", "Accommodation and food service"},
		{"V", "en", ""}, {"", "en", ""}, {"AB", "en", ""},
	} {
		if got := SectorName(tc.code, tc.lang); got != tc.want {
			t.Errorf("SectorName(%q, %q) = %q, want %q", tc.code, tc.lang, got, tc.want)
		}
	}
}
