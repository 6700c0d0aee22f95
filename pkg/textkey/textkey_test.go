package textkey

import "testing"

func TestOf(t *testing.T) {
	cases := map[string]string{
		"Liège":             "liege",
		"LIEGE":             "liege",
		"Kaffeerösten":      "kaffeerosten",
		"Straße":            "strasse",
		"'s-Gravenhage":     "s gravenhage",
		"  Saint-Étienne ":  "saint etienne",
		"Œuvre  d'art":      "oeuvre d art",
		"Sant Adrià":        "sant adria",
		"col·lecció":        "colleccio",
		"Ørsta":             "orsta",
		"Łódź":              "lodz",
		"ﬁliaal":            "filiaal",
		"koffie branden":    "koffie branden",
		"HACCP-certificaat": "haccp certificaat",
		"...":               "",
		"":                  "",
		"Ελλάδα":            "ελλαδα",
	}
	for in, want := range cases {
		if got := Of(in); got != want {
			t.Errorf("Of(%q) = %q, want %q", in, got, want)
		}
		if got := string(Append([]byte("x|"), in)); got != "x|"+want {
			t.Errorf("Append(%q) = %q, want %q", in, got, "x|"+want)
		}
	}
}

// TestPlacesAndSkills holds the cases the gazetteer and the taxonomy
// relied on before they shared this package.
func TestPlacesAndSkills(t *testing.T) {
	cases := map[string]string{
		"Kortrijk":                "kortrijk",
		"'s-Gravenhage":           "s gravenhage",
		"s gravenhage":            "s gravenhage",
		"Saint-Étienne":           "saint etienne",
		"  saint   etienne ":      "saint etienne",
		"Liège":                   "liege",
		"Straßburg":               "strassburg",
		"Łódź":                    "lodz",
		"Tromsø":                  "tromso",
		"Ålesund":                 "alesund",
		"Reykjavík":               "reykjavik",
		"Braine-l'Alleud":         "braine l alleud",
		"Braine-l’Alleud":         "braine l alleud",
		"Frankfurt (Oder)":        "frankfurt oder",
		"Sant Martí de Tous":      "sant marti de tous",
		"Castellò d'Empúries":     "castello d empuries",
		"Col·legi":                "collegi",
		"ＫＯＲＴＲＩＪＫ":                "kortrijk",
		"Þingeyri":                "thingeyri",
		"---":                     "",
		"":                        "",
		"Київ":                    "киів", // marks go in every script: ї is і with a diaeresis
		"Torréfaction du café!":   "torrefaction du cafe",
		"  Kaffee-Rösten  ":       "kaffee rosten",
		"Straße":                  "strasse",
		"Œuvre, ÉLAN":             "oeuvre elan",
		"l'hygiène alimentaire":   "l hygiene alimentaire",
		"CACES® R489":             "caces r489",
		"e\u0301te\u0301":         "ete", // already decomposed accents
		"coffee roasting":         "coffee roasting",
		"forklift   --  licence ": "forklift licence",
		"!!!":                     "",
		"Ærø København":           "aero kobenhavn",
	}
	for in, want := range cases {
		if got := Of(in); got != want {
			t.Errorf("Of(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestIsKey(t *testing.T) {
	for s, want := range map[string]bool{"koffie branden": true, "a": true, "koffie  branden": false, " a": false, "A": false, "é": false, "": false} {
		if IsKey(s) != want {
			t.Errorf("IsKey(%q) = %v, want %v", s, !want, want)
		}
	}
}
