package app_test

import (
	"encoding/json"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/nicksnyder/go-i18n/v2/i18n"

	"github.com/onward-jobs/onward/services/web/internal/app"
	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestEveryMessageExistsInEveryLanguage compares every locale file of
// every package with its English twin: the same message ids, and a
// plural wherever English has one (with at least the "one" and "other"
// forms). No id may be defined by two families, where one would silently
// replace the other.
func TestEveryMessageExistsInEveryLanguage(t *testing.T) {
	owner := map[string]string{}
	families := 0
	for _, fsys := range app.MessageFiles() {
		english, _ := fs.Glob(fsys, "locales/*en.json")
		for _, f := range english {
			families++
			family := strings.TrimSuffix(path.Base(f), "en.json")
			en := webtest.Messages(t, fsys, family+"en")
			for id := range en {
				if other, taken := owner[id]; taken {
					t.Errorf("message %q is in both %sen.json and %sen.json", id, other, family)
				}
				owner[id] = family
			}
			for _, lang := range webtest.Languages[1:] {
				other := webtest.Messages(t, fsys, family+lang)
				for id, msg := range en {
					translated, ok := other[id]
					if !ok {
						t.Errorf("%s%s.json lacks message %q", family, lang, id)
						continue
					}
					if _, isPlural := msg.(map[string]any); isPlural {
						forms, ok := translated.(map[string]any)
						if !ok || forms["one"] == nil || forms["other"] == nil {
							t.Errorf("%s%s.json: message %q lacks the plural forms one and other", family, lang, id)
						}
					}
				}
				for id := range other {
					if _, ok := en[id]; !ok {
						t.Errorf("%s%s.json has message %q, which English lacks", family, lang, id)
					}
				}
			}
		}
	}
	if families < 7 {
		t.Fatalf("found only %d message families; are the page packages' Locales registered?", families)
	}
}

// usedMessageIDs collects the message ids that the kit's and the page
// packages' code and templates name literally. Ids built from a prefix
// and a value are each package's own tests' to check.
func usedMessageIDs(t *testing.T) []string {
	t.Helper()
	ids := map[string]bool{}
	add := func(re *regexp.Regexp, text, prefix, suffix string) {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if len(m) > 2 && m[2] != "" {
				continue // a prefix such as "Field_" + name
			}
			ids[prefix+m[1]+suffix] = true
		}
	}
	literal := regexp.MustCompile(`\bT\(?\s*"([A-Za-z_]+)"(\s*\+)?`)
	fieldName := regexp.MustCompile(`\(field \. "([a-z_]+)"`)
	hint := regexp.MustCompile(`\(field \. "[a-z_]+" "[a-z]+" "[a-z-]+" "([A-Za-z]+)"\)`)
	pickerText := regexp.MustCompile(`\b(?:LabelID|HintID):\s*"([A-Za-z_]+)"`)
	messagePage := regexp.MustCompile(`Message\(c, [^,]+, "([A-Za-z]+)"\)`)
	dirs, _ := filepath.Glob(filepath.Join("..", "pages", "*"))
	for _, dir := range append(dirs, filepath.Join("..", "kit")) {
		tmpls, _ := filepath.Glob(filepath.Join(dir, "templates", "*.html"))
		for _, f := range tmpls {
			buf, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			add(literal, string(buf), "", "")
			add(fieldName, string(buf), "Field_", "")
			add(hint, string(buf), "", "")
		}
		code, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		for _, f := range code {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			buf, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			add(literal, string(buf), "", "")
			add(pickerText, string(buf), "", "")
			add(messagePage, string(buf), "", "Title")
			add(messagePage, string(buf), "", "Body")
		}
	}
	for _, r := range []string{kit.RoleAdmin, kit.RoleOrgAdmin, kit.RoleMember} {
		ids["Role_"+r] = true
	}
	for _, k := range []string{kit.KindEmployer, kit.KindProgramme} {
		ids["KindTitle_"+k] = true
	}
	for _, k := range []string{"skill", "knowledge", "certificate", "transversal"} {
		ids["SkillKind_"+k] = true
	}
	for _, code := range kit.LanguageCodes {
		ids["Lang_"+code] = true
	}
	for _, level := range kit.CEFRLevels {
		ids["Cefr_"+level] = true
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

// TestEveryUsedMessageIsTranslated renders every message in use in every
// language with sample data: none may be missing, fall back to English or
// leave a placeholder empty.
func TestEveryUsedMessageIsTranslated(t *testing.T) {
	used := usedMessageIDs(t)
	if len(used) < 300 {
		t.Fatalf("found only %d message ids in use; is the scan broken?", len(used))
	}
	bundle := i18n.NewBundle(kit.Languages()[0])
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, fsys := range app.MessageFiles() {
		files, _ := fs.Glob(fsys, "locales/*.json")
		for _, f := range files {
			buf, _ := fs.ReadFile(fsys, f)
			if _, err := bundle.ParseMessageFileBytes(buf, path.Base(f)); err != nil {
				t.Fatal(err)
			}
		}
	}
	data := map[string]any{"Count": 2, "Name": "N", "Org": "O", "Role": "R", "Email": "E", "Kind": "K", "Limit": 12, "Max": 100,
		"Query": "Q", "Text": "T", "Country": "C", "Population": "1,000", "Level": 2,
		"Title": "T", "Status": "S", "List": "L", "Phrase": "P", "Suggestion": "G", "Field": "F",
		"Day": "6", "Month": "M", "Year": "2026", "Date": "D", "Time": "12:00", "Km": "30",
		"From": "F", "To": "T", "Reached": "9", "Base": "30", "Rate": "50%", "Ratio": "0.60", "Best": "B"}
	for _, lang := range webtest.Languages {
		l := i18n.NewLocalizer(bundle, lang)
		for _, id := range used {
			got, tag, err := l.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: 2})
			if err != nil || tag.String() != lang || strings.Contains(got, "<no value>") {
				t.Errorf("%s: message %q is missing or lacks data: %q (%s, %v)", lang, id, got, tag, err)
			}
		}
	}
}
