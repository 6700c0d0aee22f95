package site

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
)

// TestCorrectionsBuiltMessagesExistInEveryLanguage checks the messages
// the corrections pages build from a vocabulary (reasons, change names,
// actions, notices), which the package's scan of literal ids cannot see.
func TestCorrectionsBuiltMessagesExistInEveryLanguage(t *testing.T) {
	var ids []string
	for _, r := range revocationReasons {
		ids = append(ids, "CorrectionsReason_"+string(r), "CorrectionsReasonHint_"+string(r))
	}
	for _, c := range auditChanges {
		ids = append(ids, "CorrectionsChange_"+c)
	}
	for _, a := range correctionActions {
		ids = append(ids, "CorrectionsAction_"+a)
	}
	for _, n := range correctionNotices {
		ids = append(ids, "CorrectionsNotice_"+n)
	}
	tr := mustLoadTranslator()
	for _, lang := range langCodes {
		msgs := readMessages(t, "corrections."+lang)
		for _, id := range ids {
			if _, ok := msgs[id]; !ok {
				t.Errorf("corrections.%s.json lacks %q", lang, id)
			}
		}
		v := &view{localizer: tr.localizer(lang)}
		if got := auditChangesText(v, []string{"day_release", "shoe_size"}); got == "day_release, shoe_size" {
			t.Errorf("%s: change names are not translated: %q", lang, got)
		}
	}
}

// TestConsentTextFallsBackToEnglishAndFillsTheAlias: a text not published
// in the reader's language is shown in English and says so.
func TestConsentTextFallsBackToEnglishAndFillsTheAlias(t *testing.T) {
	text := consentTextsFixture()
	nl := consentTextIn(text, "nl", "K7Q2")
	if nl.Fallback || nl.Lang != "nl" || nl.Paragraphs[0] != "Hallo K7Q2." {
		t.Errorf("nl = %+v", nl)
	}
	de := consentTextIn(text, "de", "K7Q2")
	if !de.Fallback || de.Lang != "en" || de.Paragraphs[0] != "Hello K7Q2." || de.FallbackLanguage() != "English" {
		t.Errorf("de = %+v", de)
	}
}

func consentTextsFixture() api.ConsentText {
	return api.ConsentText{Version: "2026-12", Texts: map[string][]string{"en": {"Hello {alias}."}, "nl": {"Hallo {alias}."}}}
}
