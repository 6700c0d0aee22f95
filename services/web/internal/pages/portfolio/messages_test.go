package portfolio

import (
	"encoding/json"
	"io/fs"
	"maps"
	"regexp"
	"slices"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// langs are the languages every message must exist in.
var langs = []string{"en", "nl", "fr", "de"}

// readFamily reads one message file of fsys, such as "portfolio.nl".
func readFamily(t *testing.T, fsys fs.FS, name string) map[string]any {
	t.Helper()
	buf, err := fs.ReadFile(fsys, "locales/"+name+".json")
	if err != nil {
		t.Fatal(err)
	}
	msgs := map[string]any{}
	if err := json.Unmarshal(buf, &msgs); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return msgs
}

// TestPortfolioMessagesInEveryLanguage checks that the family has the same
// messages in all four languages.
func TestPortfolioMessagesInEveryLanguage(t *testing.T) {
	want := slices.Sorted(maps.Keys(readFamily(t, Locales, "portfolio.en")))
	for _, lang := range langs[1:] {
		got := readFamily(t, Locales, "portfolio."+lang)
		for _, id := range want {
			if got[id] == nil {
				t.Errorf("portfolio.%s.json lacks %q", lang, id)
			}
		}
		if len(got) != len(want) {
			t.Errorf("portfolio.%s.json has %d messages, English %d", lang, len(got), len(want))
		}
	}
}

// TestPortfolioBuiltMessagesExist checks the messages whose ids the code
// builds from a value, in every language.
func TestPortfolioBuiltMessagesExist(t *testing.T) {
	built := []string{"PortfolioNoticeAttested", "PortfolioNoticeConsentGiven", "PortfolioNoticeConsentWithdrawn", "PortfolioNoticeErased"}
	for _, a := range kit.AuditActions {
		built = append(built, "PortfolioAction_"+a)
	}
	for _, p := range kit.AuditPurposes {
		built = append(built, "PortfolioPurpose_"+p)
	}
	for _, c := range kit.AuditChanges {
		built = append(built, "PortfolioChange_"+c)
	}
	for _, lang := range langs {
		msgs := readFamily(t, Locales, "portfolio."+lang)
		for _, id := range built {
			if msgs[id] == nil {
				t.Errorf("portfolio.%s.json lacks %q", lang, id)
			}
		}
	}
}

// TestPortfolioTemplatesUseKnownMessages checks every message id the
// templates name is in this family or the kit's, in every language.
func TestPortfolioTemplatesUseKnownMessages(t *testing.T) {
	ids := map[string]bool{}
	named := regexp.MustCompile(`\.T "([A-Za-z_0-9]+)"`)
	files, _ := fs.Glob(templateFiles, "templates/*.html")
	for _, f := range files {
		buf, _ := fs.ReadFile(templateFiles, f)
		for _, m := range named.FindAllSubmatch(buf, -1) {
			ids[string(m[1])] = true
		}
	}
	if len(ids) == 0 {
		t.Fatal("found no message ids in the templates")
	}
	for _, lang := range langs {
		own, core := readFamily(t, Locales, "portfolio."+lang), readFamily(t, kit.LocaleFiles, lang)
		for id := range ids {
			if own[id] == nil && core[id] == nil {
				t.Errorf("%s: no message %q for the templates", lang, id)
			}
		}
	}
}
