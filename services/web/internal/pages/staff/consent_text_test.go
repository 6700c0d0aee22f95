package staff

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// TestConsentTextFallsBackToEnglishAndFillsTheAlias: a text not published
// in the reader's language is shown in English and says so.
func TestConsentTextFallsBackToEnglishAndFillsTheAlias(t *testing.T) {
	text := api.ConsentText{Version: "2026-12", Texts: map[string][]string{"en": {"Hello {alias}."}, "nl": {"Hallo {alias}."}}}
	nl := consentTextIn(text, "nl", "K7Q2")
	if nl.Fallback || nl.Lang != "nl" || nl.Paragraphs[0] != "Hallo K7Q2." {
		t.Errorf("nl = %+v", nl)
	}
	de := consentTextIn(text, "de", "K7Q2")
	if !de.Fallback || de.Lang != "en" || de.Paragraphs[0] != "Hello K7Q2." || de.FallbackLanguage() != "English" {
		t.Errorf("de = %+v", de)
	}
}
