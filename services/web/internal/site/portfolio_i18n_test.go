package site

import (
	"encoding/json"
	"testing"
)

// The portfolio pages keep their messages in their own locale files, which
// the package's message tests do not compare; this test does.
func TestPortfolioMessagesExistInBothLanguages(t *testing.T) {
	files := map[string]map[string]any{}
	for _, lang := range []string{"en", "nl"} {
		buf, err := localeFiles.ReadFile("locales/portfolio." + lang + ".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(buf, &m); err != nil {
			t.Fatalf("portfolio.%s.json: %v", lang, err)
		}
		files[lang] = m
	}
	for id := range files["en"] {
		if _, ok := files["nl"][id]; !ok {
			t.Errorf("message %q has no Dutch translation", id)
		}
	}
	for id := range files["nl"] {
		if _, ok := files["en"][id]; !ok {
			t.Errorf("message %q exists in Dutch only", id)
		}
	}
	// Messages the code builds from a prefix and a value.
	var built []string
	for id := range portfolioNoticeMessages {
		built = append(built, id)
	}
	for _, a := range auditActions {
		built = append(built, "PortfolioAction_"+a)
	}
	for _, p := range auditPurposes {
		built = append(built, "PortfolioPurpose_"+p)
	}
	for _, id := range built {
		if files["en"][id] == nil || files["nl"][id] == nil {
			t.Errorf("message %q is missing", id)
		}
	}
}
