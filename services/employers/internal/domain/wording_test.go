package domain

import (
	"strings"
	"testing"
)

// wantWording is one flag a test expects: where, what, and the language of
// its suggestion.
type wantWording struct {
	field, phrase, lang string
}

func TestCheckWordingFindsPhrases(t *testing.T) {
	tests := []struct {
		name, title, description string
		want                     []wantWording
	}{
		// English.
		{name: "en clean record", description: "Kitchen porter. Applicants must have a clean record.",
			want: []wantWording{{"description", "clean record", "en"}}},
		{name: "en clean criminal record", description: "We require a clean criminal record.",
			want: []wantWording{{"description", "clean criminal record", "en"}}},
		{name: "en no criminal record", description: "Only candidates with no criminal record.",
			want: []wantWording{{"description", "no criminal record", "en"}}},
		{name: "en must pass a background check", description: "All staff must pass a background check before starting.",
			want: []wantWording{{"description", "must pass a background check", "en"}}},
		{name: "en background check required", description: "Forklift licence. Background check required.",
			want: []wantWording{{"description", "Background check required", "en"}}},
		{name: "en criminal background check", description: "We run a criminal background check on every hire.",
			want: []wantWording{{"description", "criminal background check", "en"}}},
		{name: "en no convictions", description: "No convictions, please.",
			want: []wantWording{{"description", "No convictions", "en"}}},
		{name: "en no ex-offenders", description: "Warehouse work. No ex-offenders.",
			want: []wantWording{{"description", "No ex-offenders", "en"}}},
		{name: "en certificate of good conduct required", description: "Certificate of good conduct required.",
			want: []wantWording{{"description", "Certificate of good conduct required", "en"}}},
		{name: "en spotless record", description: "A spotless record is essential.",
			want: []wantWording{{"description", "spotless record is essential", "en"}}},
		{name: "en need not apply", description: "Felons need not apply.",
			want: []wantWording{{"description", "Felons need not apply", "en"}}},
		{name: "en in title", title: "Delivery driver – clean record required",
			want: []wantWording{{"title", "clean record required", "en"}}},

		// Dutch.
		{name: "nl blanco strafblad", description: "Je hebt een blanco strafblad.",
			want: []wantWording{{"description", "blanco strafblad", "nl"}}},
		{name: "nl geen strafblad", description: "Eisen: rijbewijs B, geen strafblad.",
			want: []wantWording{{"description", "geen strafblad", "nl"}}},
		{name: "nl VOG verplicht", description: "Magazijnmedewerker. VOG verplicht.",
			want: []wantWording{{"description", "VOG verplicht", "nl"}}},
		{name: "nl VOG vereist", description: "Voor deze functie is een VOG vereist.",
			want: []wantWording{{"description", "VOG vereist", "nl"}}},
		{name: "nl verklaring omtrent het gedrag", description: "Verklaring Omtrent het Gedrag (VOG) is verplicht.",
			want: []wantWording{{"description", "Verklaring Omtrent het Gedrag (VOG) is verplicht", "nl"}}},
		{name: "nl goed gedrag en zeden", description: "Bewijs van goed gedrag en zeden.",
			want: []wantWording{{"description", "Bewijs van goed gedrag en zeden", "nl"}}},
		{name: "nl uittreksel strafregister", description: "Uittreksel uit het strafregister vereist.",
			want: []wantWording{{"description", "Uittreksel uit het strafregister vereist", "nl"}}},
		{name: "nl geen veroordelingen", description: "Geen veroordelingen.",
			want: []wantWording{{"description", "Geen veroordelingen", "nl"}}},
		{name: "nl antecedentenonderzoek", description: "Wij doen een antecedentenonderzoek.",
			want: []wantWording{{"description", "antecedentenonderzoek", "nl"}}},

		// French.
		{name: "fr casier judiciaire vierge", description: "Casier judiciaire vierge.",
			want: []wantWording{{"description", "Casier judiciaire vierge", "fr"}}},
		{name: "fr pas de casier judiciaire", description: "Permis B, pas de casier judiciaire.",
			want: []wantWording{{"description", "pas de casier judiciaire", "fr"}}},
		{name: "fr ne pas avoir de casier judiciaire", description: "Ne pas avoir de casier judiciaire.",
			want: []wantWording{{"description", "pas avoir de casier judiciaire", "fr"}}},
		{name: "fr extrait de casier judiciaire exigé", description: "Extrait de casier judiciaire exigé.",
			want: []wantWording{{"description", "Extrait de casier judiciaire exigé", "fr"}}},
		{name: "fr extrait du casier bulletin 3", description: "Un extrait du casier judiciaire (bulletin n°3) sera demandé.",
			want: []wantWording{{"description", "extrait du casier judiciaire (bulletin n°3) sera demandé", "fr"}}},
		{name: "fr vérification des antécédents", description: "Vérification des antécédents à l'embauche.",
			want: []wantWording{{"description", "Vérification des antécédents", "fr"}}},
		{name: "fr aucune condamnation", description: "Aucune condamnation.",
			want: []wantWording{{"description", "Aucune condamnation", "fr"}}},

		// German.
		{name: "de einwandfreies Führungszeugnis", description: "Einwandfreies Führungszeugnis.",
			want: []wantWording{{"description", "Einwandfreies Führungszeugnis", "de"}}},
		{name: "de polizeiliches Führungszeugnis erforderlich", description: "Ein polizeiliches Führungszeugnis erforderlich.",
			want: []wantWording{{"description", "polizeiliches Führungszeugnis erforderlich", "de"}}},
		{name: "de keine Vorstrafen", description: "Staplerschein, keine Vorstrafen.",
			want: []wantWording{{"description", "keine Vorstrafen", "de"}}},
		{name: "de sauberes Führungszeugnis", description: "Sie haben ein sauberes Führungszeugnis.",
			want: []wantWording{{"description", "sauberes Führungszeugnis", "de"}}},
		{name: "de Hintergrundüberprüfung", description: "Eine Hintergrundüberprüfung ist erforderlich.",
			want: []wantWording{{"description", "Hintergrundüberprüfung ist erforderlich", "de"}}},

		// Accents, case, punctuation and spacing.
		{name: "fr upper case", description: "Casier Judiciaire VIERGE",
			want: []wantWording{{"description", "Casier Judiciaire VIERGE", "fr"}}},
		{name: "fr without accents", description: "Verification des antecedents.",
			want: []wantWording{{"description", "Verification des antecedents", "fr"}}},
		{name: "de without umlaut", description: "Einwandfreies Fuhrungszeugnis.",
			want: []wantWording{{"description", "Einwandfreies Fuhrungszeugnis", "de"}}},
		{name: "de umlaut spelt ue", description: "Polizeiliches Fuehrungszeugnis erforderlich",
			want: []wantWording{{"description", "Polizeiliches Fuehrungszeugnis erforderlich", "de"}}},
		{name: "de soft hyphen", description: "Sauberes Führungs\u00adzeugnis",
			want: []wantWording{{"description", "Sauberes Führungs\u00adzeugnis", "de"}}},
		{name: "decomposed accents", description: "Casier judiciaire vierge exige\u0301.",
			want: []wantWording{{"description", "Casier judiciaire vierge exige\u0301", "fr"}}},
		{name: "en hyphen and spaces", description: "CLEAN-record, BACKGROUND\t check  REQUIRED",
			want: []wantWording{{"description", "CLEAN-record", "en"}, {"description", "BACKGROUND\t check  REQUIRED", "en"}}},
		{name: "a line break ends the phrase", description: "Applicants must pass a\n background check",
			want: []wantWording{{"description", "background check", "en"}}},
		{name: "de hyphenated", description: "Hintergrund-Überprüfung",
			want: []wantWording{{"description", "Hintergrund-Überprüfung", "de"}}},

		// Both fields, several phrases, several languages.
		{name: "both fields",
			title:       "Magazijnier (VOG verplicht)",
			description: "Zuivere Koffie zoekt een roaster. Geen strafblad. Aussi: casier judiciaire vierge; keine Vorstrafen.",
			want: []wantWording{
				{"title", "VOG verplicht", "nl"},
				{"description", "Geen strafblad", "nl"},
				{"description", "casier judiciaire vierge", "fr"},
				{"description", "keine Vorstrafen", "de"},
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := CheckWording(tt.title, tt.description, "en")
			checkWordingFlags(t, tt.title, tt.description, got, tt.want)
		})
	}
}

func TestCheckWordingLeavesOtherUsesAlone(t *testing.T) {
	texts := []string{
		"Good record keeping is part of the job.",
		"You clean the records room every Friday.",
		"A background in catering helps.",
		"Keep the kitchen clean. Record fridge temperatures twice a day.",
		"We keep a clean record of every delivery.",
		"A clean driving record is needed for the van.",
		"Criminal record? No problem: we judge skills.",
		"Chaque employé dispose d'un casier propre.",
		"Un casier vide par personne au vestiaire.",
		"We check the background music licence yearly.",
		"Kennis van HACCP en een goed gedrag op de werkvloer.",
		"Das Zeugnis der Ausbildung bitte mitbringen.",
		// Denials: the employer says there is no such requirement.
		"No background check required.",
		"We don't ask for a clean record.",
		"With or without a criminal record, you are welcome.",
		"There is no criminal record check.",
		"Background check: not required",
		"A background check is not required.",
		"Geen VOG nodig.",
		"Een VOG is niet nodig voor deze functie.",
		"Met of zonder strafblad: iedereen is welkom.",
		"Une vérification des antécédents n'est pas exigée.",
		"Sans vérification des antécédents.",
		"Ein Führungszeugnis ist nicht erforderlich.",
		"Kein polizeiliches Führungszeugnis nötig.",
		"",
		"   \n\t ",
	}
	for _, text := range texts {
		for _, lang := range []string{"en", "nl", "fr", "de"} {
			if got := CheckWording(text, text, lang); len(got) != 0 {
				t.Errorf("CheckWording(%q, %q, %q) = %+v, want no flags", text, text, lang, got)
			}
		}
	}
}

func TestCheckWordingEmpty(t *testing.T) {
	if got := CheckWording("", "", "en"); got != nil {
		t.Errorf("CheckWording of empty fields = %+v, want nil", got)
	}
}

func TestCheckWordingReasonLanguage(t *testing.T) {
	tests := []struct {
		lang, want string
	}{
		{"en", "en"}, {"nl", "nl"}, {"fr", "fr"}, {"de", "de"},
		{"NL", "nl"}, {"nl-BE", "nl"}, {"fr_BE", "fr"}, {" de-AT ", "de"},
		{"es", "en"}, {"pl", "en"}, {"", "en"}, {"zz-nl", "en"},
	}
	for _, tt := range tests {
		t.Run(tt.lang, func(t *testing.T) {
			got := CheckWording("Clean record", "Keine Vorstrafen. Pas de casier judiciaire. Geen VOG verplicht, wel een VOG vereist.", tt.lang)
			if len(got) != 4 {
				t.Fatalf("got %d flags, want 4: %+v", len(got), got)
			}
			for _, f := range got {
				if want := wordingReasons[tt.want][wordingRecord]; f.Phrase != "VOG vereist" && f.Reason != want {
					t.Errorf("%q: Reason = %q, want %q", f.Phrase, f.Reason, want)
				}
			}
			// The suggestion follows the phrase, not the asked language.
			if got[0].Suggestion != wordingSuggestions["en"][wordingRecord] {
				t.Errorf("Suggestion for %q = %q, want the English one", got[0].Phrase, got[0].Suggestion)
			}
			if got[1].Suggestion != wordingSuggestions["de"][wordingRecord] {
				t.Errorf("Suggestion for %q = %q, want the German one", got[1].Phrase, got[1].Suggestion)
			}
			if f := got[3]; f.Phrase != "VOG vereist" || f.Reason != wordingReasons[tt.want][wordingCertificate] ||
				f.Suggestion != wordingSuggestions["nl"][wordingCertificate] {
				t.Errorf("VOG flag = %+v", f)
			}
		})
	}
}

func TestWordingTextsComplete(t *testing.T) {
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		for kind := wordingRecord; kind < wordingKinds; kind++ {
			if wordingReasons[lang][kind] == "" || wordingSuggestions[lang][kind] == "" {
				t.Errorf("%s: kind %d lacks a reason or a suggestion", lang, kind)
			}
		}
	}
	for _, r := range wordingRules {
		if _, ok := wordingSuggestions[r.lang]; !ok {
			t.Errorf("rule %q: no suggestions in %q", r.patterns[0], r.lang)
		}
	}
	if len(wordingPatterns) == 0 {
		t.Fatal("no patterns compiled")
	}
}

// checkWordingFlags compares flags with the phrases wanted, in order, and
// checks every flag's offsets against its field.
func checkWordingFlags(t *testing.T, title, description string, got []WordingFlag, want []wantWording) {
	t.Helper()
	langOf := wordingSuggestionLangs()
	for _, f := range got {
		text := map[string]string{"title": title, "description": description}[f.Field]
		if f.Start < 0 || f.End > len(text) || f.Start >= f.End || text[f.Start:f.End] != f.Phrase {
			t.Errorf("flag %+v: offsets do not give the phrase in %s %q", f, f.Field, text)
		}
		if f.Reason == "" || f.Suggestion == "" {
			t.Errorf("flag %+v lacks a reason or a suggestion", f)
		}
	}
	if len(got) != len(want) {
		t.Fatalf("got %d flags, want %d: %s", len(got), len(want), wordingDescribe(got))
	}
	for i, w := range want {
		f := got[i]
		if f.Field != w.field || f.Phrase != w.phrase {
			t.Errorf("flag %d = %s %q, want %s %q", i, f.Field, f.Phrase, w.field, w.phrase)
		}
		if lang := langOf[f.Suggestion]; lang != w.lang {
			t.Errorf("flag %d %q: suggestion %q is in %q, want %q", i, f.Phrase, f.Suggestion, lang, w.lang)
		}
	}
}

// wordingSuggestionLangs maps every suggestion to its language.
func wordingSuggestionLangs() map[string]string {
	m := map[string]string{}
	for lang, ss := range wordingSuggestions {
		for _, s := range ss {
			m[s] = lang
		}
	}
	for _, r := range wordingRules {
		if r.suggestion != "" {
			m[r.suggestion] = r.lang
		}
	}
	return m
}

func wordingDescribe(flags []WordingFlag) string {
	var b strings.Builder
	for _, f := range flags {
		b.WriteString("\n\t" + f.Field + " " + `"` + f.Phrase + `"`)
	}
	return b.String()
}

// FuzzCheckWording checks that any input, valid UTF-8 or not, gives flags
// whose offsets hold their phrase, in order and without overlap.
func FuzzCheckWording(f *testing.F) {
	for _, s := range []string{
		"Clean record required", "Casier Judiciaire VIERGE", "Fu\u0308hrungszeugnis erforderlich",
		"geen\u00adstrafblad", "\xffVOG\xfe verplicht", "½ background check", "",
	} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, title, description string) {
		end := map[string]int{}
		for _, fl := range CheckWording(title, description, "en") {
			text := title
			if fl.Field == "description" {
				text = description
			}
			if fl.Start < end[fl.Field] || fl.End > len(text) || fl.Start >= fl.End || text[fl.Start:fl.End] != fl.Phrase {
				t.Fatalf("bad flag %+v in %q", fl, text)
			}
			end[fl.Field] = fl.End
		}
	})
}
