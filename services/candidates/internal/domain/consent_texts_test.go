package domain

import (
	"strings"
	"testing"
)

// TestConsentTextsArePinned: every version id names one text whose digest
// is pinned, so editing a published text in place fails here.
func TestConsentTextsArePinned(t *testing.T) {
	texts, err := ConsentTexts()
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, ct := range texts {
		if seen[ct.Version] {
			t.Errorf("version %s is published twice", ct.Version)
		}
		seen[ct.Version] = true
		if len(ct.Texts["en"]) == 0 || len(ct.Texts["nl"]) == 0 {
			t.Errorf("version %s lacks English or Dutch", ct.Version)
		}
	}
	if len(seen) != len(consentTextDigests) {
		t.Errorf("%d texts published, %d pinned", len(seen), len(consentTextDigests))
	}
	if _, ok := ConsentTextByVersion(CurrentConsentText); !ok {
		t.Errorf("the current text %s is not published", CurrentConsentText)
	}
}

// TestEditedConsentTextIsRefused: the same version id with any other
// wording has another digest, which the catalogue refuses.
func TestEditedConsentTextIsRefused(t *testing.T) {
	orig, _ := ConsentTextByVersion(CurrentConsentText)
	f := consentTextFile{Version: orig.Version, Texts: map[string][]string{}}
	for lang, ps := range orig.Texts {
		f.Texts[lang] = append([]string(nil), ps...)
	}
	if consentDigest(f) != orig.Digest {
		t.Fatal("the digest of an unchanged copy differs")
	}
	f.Texts["en"][0] = strings.Replace(f.Texts["en"][0], "skills", "skills and past", 1)
	if consentDigest(f) == orig.Digest {
		t.Error("an edited text keeps its digest")
	}
}
