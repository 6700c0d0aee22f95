package domain

import "testing"

// TestCheckWordingAgeAndAppearance: age and appearance wording and its kin
// is flagged in all four languages, with its category.
func TestCheckWordingAgeAndAppearance(t *testing.T) {
	const age, looks = WordingCategoryAge, WordingCategoryAppearance
	tests := []struct {
		text, phrase, lang, category string
	}{
		// English: age.
		{"We want someone young and energetic.", "young and energetic", "en", age},
		{"Young, dynamic person for our bar.", "Young, dynamic", "en", age},
		{"Join our young team in Gent!", "young team", "en", age},
		{"Ideal for a recent graduate.", "recent graduate", "en", age},
		{"You are a digital native.", "digital native", "en", age},
		{"Max 30 years.", "Max 30 years", "en", age},
		{"Applicants aged 18-30 years old.", "aged 18-30 years old", "en", age},
		{"You are younger than 35.", "younger than 35", "en", age},
		{"Maximum age 40.", "Maximum age 40", "en", age},
		{"Max. 2 years of experience.", "Max. 2 years of experience", "en", age},
		{"Fresh out of college? Apply!", "Fresh out of college", "en", age},
		{"Young and motivated colleagues wanted", "Young and motivated", "en", age},
		{"Digitale Kompetenz: Sie sind Digital Native.", "Digital Native", "en", age},
		// English: appearance.
		{"Well-groomed and friendly.", "Well-groomed", "en", looks},
		{"A presentable person for the front desk.", "presentable person", "en", looks},
		{"Representative appearance required.", "Representative appearance", "en", looks},
		{"Good-looking waiters wanted.", "Good-looking", "en", looks},
		{"A neat appearance.", "neat appearance", "en", looks},
		{"We hire young women for the bar.", "young women", "en", age},
		{"No visible tattoos.", "No visible tattoos", "en", looks},
		{"Attractive women for the bar.", "Attractive women", "en", looks},

		// Dutch: age.
		{"Ben jij jong en dynamisch?", "jong en dynamisch", "nl", age},
		{"Je komt in een jong team.", "jong team", "nl", age},
		{"Wij zoeken een jonge hond!", "jonge hond", "nl", age},
		{"Ideaal voor pas afgestudeerden.", "pas afgestudeerden", "nl", age},
		{"Leeftijd max. 30 jaar.", "max. 30 jaar", "nl", age},
		{"Je bent tussen de 18 en 25 jaar oud.", "tussen de 18 en 25 jaar oud", "nl", age},
		{"Je bent niet ouder dan 35.", "niet ouder dan 35", "nl", age},
		{"Wij zoeken jonge collega's.", "jonge collega's", "nl", age},
		// Dutch: appearance.
		{"Je hebt een representatief uiterlijk.", "representatief uiterlijk", "nl", looks},
		{"Verzorgd uiterlijk is een must.", "Verzorgd uiterlijk", "nl", looks},
		{"Je ziet er verzorgd uit.", "Je ziet er verzorgd uit", "nl", looks},
		{"Geen zichtbare tatoeages.", "Geen zichtbare tatoeages", "nl", looks},

		// French: age.
		{"Vous êtes jeune et dynamique.", "jeune et dynamique", "fr", age},
		{"Poste idéal pour un jeune diplômé.", "jeune diplômé", "fr", age},
		{"Rejoignez une équipe jeune.", "équipe jeune", "fr", age},
		{"Vous avez moins de 30 ans.", "moins de 30 ans", "fr", age},
		{"Âgé de 20 à 35 ans.", "Âgé de 20 à 35 ans", "fr", age},
		{"Natif du numérique, vous maîtrisez les réseaux.", "Natif du numérique", "fr", age},
		{"Vous êtes jeunes et motivés.", "jeunes et motivés", "fr", age},
		// French: appearance.
		{"Présentation soignée exigée.", "Présentation soignée", "fr", looks},
		{"Bonne présentation.", "Bonne présentation", "fr", looks},
		{"Physique agréable.", "Physique agréable", "fr", looks},
		{"Vous êtes bien présentée.", "êtes bien présentée", "fr", looks},

		// German: age.
		{"Du bist jung und dynamisch.", "jung und dynamisch", "de", age},
		{"Wir sind ein junges, dynamisches Team.", "junges, dynamisches", "de", age},
		{"Verstärke unser junges Team!", "junges Team", "de", age},
		{"Max. 30 Jahre alt.", "Max. 30 Jahre alt", "de", age},
		{"Sie sind nicht älter als 35.", "nicht älter als 35", "de", age},
		{"Im Alter zwischen 20 und 30 Jahren.", "Im Alter zwischen 20 und 30 Jahren", "de", age},
		{"Frisch von der Uni?", "Frisch von der Uni", "de", age},
		{"Höchstalter 40.", "Höchstalter", "de", age},
		{"Wir suchen junge Kollegen.", "junge Kollegen", "de", age},
		// German: appearance.
		{"Eine gepflegte Erscheinung.", "gepflegte Erscheinung", "de", looks},
		{"Gepflegtes Äußeres.", "Gepflegtes Äußeres", "de", looks},
		{"Gepflegtes Aeusseres", "Gepflegtes Aeusseres", "de", looks},
		{"Ein gepflegtes Erscheinungsbild.", "gepflegtes Erscheinungsbild", "de", looks},
		{"Repräsentatives Auftreten.", "Repräsentatives Auftreten", "de", looks},
		{"Keine sichtbaren Tattoos.", "Keine sichtbaren Tattoos", "de", looks},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := CheckWording("", tt.text, "en")
			checkWordingFlags(t, "", tt.text, got, []wantWording{{"description", tt.phrase, tt.lang}})
			if len(got) == 1 && got[0].Category != tt.category {
				t.Errorf("category %q, want %q", got[0].Category, tt.category)
			}
		})
	}
}

// TestCheckWordingAgeAndAppearanceLeavesOrdinaryTextAlone: the words of the
// rules in their other senses are no flag.
func TestCheckWordingAgeAndAppearanceLeavesOrdinaryTextAlone(t *testing.T) {
	texts := []string{
		// Plants, companies, the people a role serves.
		"You pot young plants and water the seedlings.",
		"Care for young trees in the nursery.",
		"Je verpot jonge planten en stekjes.",
		"Vous rempotez les jeunes plants.",
		"Sie topfen Jungpflanzen und junge Pflanzen um.",
		"We are a young and dynamic company.",
		"Nous sommes une entreprise jeune et dynamique.",
		"Wij zijn een jong en dynamisch bedrijf.",
		"Ein junges und dynamisches Unternehmen.",
		"You support young people in their first job.",
		"Begleitung von Jugendlichen unter 25 Jahren.",
		"Work with young people under 25 years old.",
		"Begeleiding van jongeren onder de 25 jaar.",
		"A junior cook role: you learn on the job.",
		// Durations, hours and legal minimums.
		"A fixed-term contract of max 2 years.",
		"Max 40 hours a week.",
		"You are at least 18 years old.",
		"Minimum age 18 for serving alcohol.",
		"Maximaal 2 jaar contract, 38 uur per week.",
		"Mindestens 18 Jahre alt.",
		"Vous avez au moins 18 ans.",
		"We have 30 years of experience in catering.",
		// Pay, products, gardens.
		"An attractive salary and a good team.",
		"Een aantrekkelijk salaris.",
		"Un salaire attractif.",
		"Ein attraktives Gehalt.",
		"You keep the lawns well groomed.",
		"Keep the display presentable and tidy.",
		"Een verzorgde presentatie van de gerechten.",
		"Une bonne présentation des produits.",
		"Un travail physique agréable en plein air.",
		"Ein ansprechendes Erscheinungsbild des Ladens.",
		"Schlanke Prozesse im Lager.",
		"Good knowledge of the digital till.",
		// Denials.
		"You don't need to be young and dynamic.",
		"Take a good look at the stock every morning.",
		"Cheese aged 24 to 36 months.",
		"Fromage affiné, âgé de 24 à 36 mois.",
		"You pick up the children straight from school.",
		"A shelter for young women and their children.",
		"Wohngruppe für junge Frauen.",
		"Begeleiding van jonge vrouwen en moeders.",
		"Un foyer pour jeunes femmes.",
		"Je verzorgt jonge honden en katten.",
		"Un bon physique n'est pas requis, seulement de la motivation.",
		"Seine Äußerungen waren gepflegt und ansprechend.",
		"Tattoos are welcome.",
	}
	for _, text := range texts {
		if got := CheckWording("", text, "en"); len(got) != 0 {
			t.Errorf("CheckWording(%q) = %s, want no flags", text, wordingDescribe(got))
		}
	}
}

// TestCheckWordingAgeReasonLanguage: the reason follows the asked language,
// the suggestion the phrase's.
func TestCheckWordingAgeReasonLanguage(t *testing.T) {
	got := CheckWording("Jung und dynamisch", "Présentation soignée.", "nl-BE")
	if len(got) != 2 {
		t.Fatalf("got %s", wordingDescribe(got))
	}
	if got[0].Reason != wordingReasons["nl"][wordingAge] || got[0].Suggestion != wordingSuggestions["de"][wordingAge] ||
		got[0].Category != WordingCategoryAge || got[0].Field != "title" {
		t.Errorf("age flag: %+v", got[0])
	}
	if got[1].Reason != wordingReasons["nl"][wordingAppearance] || got[1].Suggestion != wordingSuggestions["fr"][wordingAppearance] ||
		got[1].Category != WordingCategoryAppearance {
		t.Errorf("appearance flag: %+v", got[1])
	}
	if f := CheckWording("", "Clean record required.", "en"); len(f) != 1 || f[0].Category != WordingCategoryRecord {
		t.Errorf("record flag: %+v", f)
	}
}
