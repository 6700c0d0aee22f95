package printout

import (
	"encoding/json"
	"slices"
	"testing"
)

// TestEveryLanguageHasEveryLabel: nl, fr and de carry exactly the labels
// English does, so no printout falls back to English halfway down a page.
func TestEveryLanguageHasEveryLabel(t *testing.T) {
	keys := func(lang string) []string {
		raw, err := localeFiles.ReadFile("locales/" + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatalf("%s.json: %v", lang, err)
		}
		var out []string
		for k := range m {
			out = append(out, k)
		}
		slices.Sort(out)
		return out
	}
	en := keys("en")
	for _, lang := range []string{"nl", "fr", "de"} {
		if got := keys(lang); !slices.Equal(got, en) {
			t.Errorf("%s.json has labels %v, want those of en.json %v", lang, got, en)
		}
		if newTranslator(lang).t("skills", nil) == newTranslator("en").t("skills", nil) {
			t.Errorf("%s prints the English heading for skills", lang)
		}
	}
}
