package kit

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// TestConsentTextFallsBackToEnglishAndFillsTheAlias: a text not published
// in the reader's language is shown in English, says so in the language's
// own name, and has the candidate's alias filled in.
func TestConsentTextFallsBackToEnglishAndFillsTheAlias(t *testing.T) {
	tr := mustLoadTranslator()
	text := api.ConsentText{Version: "2026-12", Texts: map[string][]string{"en": {"Hello {alias}."}, "nl": {"Hallo {alias}."}}}
	nl := ConsentTextIn(text, &View{Localizer: tr.localizer("nl"), Lang: "nl"}, "K7Q2")
	if nl.Fallback || nl.Lang != "nl" || nl.Paragraphs[0] != "Hallo K7Q2." {
		t.Errorf("nl = %+v", nl)
	}
	de := ConsentTextIn(text, &View{Localizer: tr.localizer("de"), Lang: "de"}, "K7Q2")
	if !de.Fallback || de.Lang != "en" || de.Paragraphs[0] != "Hello K7Q2." || de.FallbackLanguage != "English" {
		t.Errorf("de = %+v", de)
	}
	texts := ConsentTexts{Current: "2026-12", Items: []api.ConsentText{text}}
	if got := texts.CurrentIn(&View{Localizer: tr.localizer("nl"), Lang: "nl"}, "K7Q2"); got.Version != "2026-12" || got.Paragraphs[0] != "Hallo K7Q2." {
		t.Errorf("current = %+v", got)
	}
	if got := (ConsentTexts{Current: "2027-01"}).CurrentIn(&View{Localizer: tr.localizer("en"), Lang: "en"}, "K7Q2"); got.Version != "2027-01" || got.Paragraphs != nil {
		t.Errorf("an unlisted current text = %+v", got)
	}
}
