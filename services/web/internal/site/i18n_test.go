package site

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
)

// readMessages returns one locale file's messages by id.
func readMessages(t *testing.T, lang string) map[string]any {
	t.Helper()
	buf, err := localeFiles.ReadFile("locales/" + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf, &m); err != nil {
		t.Fatalf("%s.json: %v", lang, err)
	}
	return m
}

// TestEveryMessageExistsInEveryLanguage compares every locale file with
// its English twin: the same message ids, and a plural wherever English
// has one (with at least the "one" and "other" forms; French also has
// "many", for whole millions).
func TestEveryMessageExistsInEveryLanguage(t *testing.T) {
	families, _ := fs.Glob(localeFiles, "locales/*en.json")
	if len(families) < 4 {
		t.Fatalf("found only %d English locale files", len(families))
	}
	for _, f := range families {
		family := strings.TrimSuffix(path.Base(f), "en.json")
		en := readMessages(t, family+"en")
		for _, lang := range langCodes[1:] {
			other := readMessages(t, family+lang)
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

// requireMessages fails for each id that a language of the locale family
// lacks: for ids the code builds from a prefix and a value, which the scan
// of message uses cannot see.
func requireMessages(t *testing.T, family string, ids []string) {
	t.Helper()
	for _, lang := range langCodes {
		msgs := readMessages(t, family+lang)
		for _, id := range ids {
			if msgs[id] == nil {
				t.Errorf("%s%s.json lacks message %q", family, lang, id)
			}
		}
	}
}

// usedMessageIDs collects every message id the code and templates use,
// including the ones they build from a prefix and a domain value.
func usedMessageIDs(t *testing.T) []string {
	t.Helper()
	ids := map[string]bool{}
	add := func(re *regexp.Regexp, text, prefix, suffix string) {
		for _, m := range re.FindAllStringSubmatch(text, -1) {
			if len(m) > 2 && m[2] != "" {
				continue // a prefix such as "Field_" + name, counted below
			}
			ids[prefix+m[1]+suffix] = true
		}
	}
	literal := regexp.MustCompile(`\bT\(?\s*"([A-Za-z_]+)"(\s*\+)?`)
	fieldName := regexp.MustCompile(`\(field \. "([a-z_]+)"`)
	hint := regexp.MustCompile(`\(field \. "[a-z_]+" "[a-z]+" "[a-z-]+" "([A-Za-z]+)"\)`)
	// Pickers name their label and hint messages in a pickerSpec.
	pickerText := regexp.MustCompile(`\b(?:LabelID|HintID):\s*"([A-Za-z_]+)"`)
	messagePage := regexp.MustCompile(`"(Error(?:[A-OQ-Z][A-Za-z]+|P[a-qs-z][A-Za-z]*))"`) // not ErrorPrefix
	_ = fs.WalkDir(templateFiles, "templates", func(path string, d fs.DirEntry, _ error) error {
		if d.IsDir() {
			return nil
		}
		buf, _ := templateFiles.ReadFile(path)
		add(literal, string(buf), "", "")
		add(fieldName, string(buf), "Field_", "")
		add(hint, string(buf), "", "")
		return nil
	})
	goFiles, _ := filepath.Glob("*.go")
	for _, f := range goFiles {
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
	for _, m := range fieldMessages {
		ids[m.id] = true
	}
	for _, r := range []string{roleAdmin, roleOrgAdmin, roleMember} {
		ids["Role_"+string(r)] = true
	}
	for _, r := range []string{roleOrgAdmin, roleMember} {
		ids["RoleHint_"+string(r)] = true
		ids["RoleTitle_"+string(r)] = true
	}
	for _, k := range []string{kindEmployer, kindProgramme} {
		ids["Kind_"+string(k)] = true
		ids["KindTitle_"+string(k)] = true
	}
	for _, p := range programmeTypes {
		ids["Prog_"+string(p)] = true
	}
	for _, k := range []string{"skill", "knowledge", "certificate", "transversal"} {
		ids["SkillKind_"+k] = true
	}
	for _, c := range exploreCountries {
		ids["Country_"+c] = true
	}
	out := make([]string, 0, len(ids))
	for id := range ids {
		out = append(out, id)
	}
	slices.Sort(out)
	return out
}

func TestEveryUsedMessageIsTranslated(t *testing.T) {
	used := usedMessageIDs(t)
	if len(used) < 50 {
		t.Fatalf("found only %d message ids in use; is the scan broken?", len(used))
	}
	tr := mustLoadTranslator()
	for _, lang := range langCodes {
		l := tr.localizer(lang)
		data := map[string]any{"Count": 2, "Name": "N", "Org": "O", "Role": "R", "Email": "E", "Kind": "K", "Limit": 12, "Max": 100,
			"Query": "Q", "Text": "T", "Country": "C", "Population": "1,000", "Level": 2,
			"Title": "T", "Status": "S", "List": "L", "Phrase": "P", "Suggestion": "G", "Field": "F",
			"Day": "6", "Month": "M", "Year": "2026", "Date": "D", "Time": "12:00"}
		for _, id := range used {
			got, tag, err := l.l.LocalizeWithTag(&i18n.LocalizeConfig{MessageID: id, TemplateData: data, PluralCount: 2})
			if err != nil || tag.String() != lang || strings.Contains(got, "<no value>") {
				t.Errorf("%s: message %q is missing or lacks data: %q (%s, %v)", lang, id, got, tag, err)
			}
		}
	}
}

func TestLocalPathRefusesOtherSites(t *testing.T) {
	cases := map[string]string{
		"/signup":                    "/signup",
		"/invitations/abc?x=1":       "/invitations/abc?x=1",
		"":                           "/",
		"https://evil.example/":      "/",
		"//evil.example/":            "/",
		"/\\evil.example":            "/",
		"/%0d%0aSet-Cookie:x":        "/%0d%0aSet-Cookie:x",
		"javascript:alert(1)":        "/",
		"/ok\r\nLocation: elsewhere": "/",
	}
	for in, want := range cases {
		if got := localPath(in); got != want {
			t.Errorf("localPath(%q) = %q, want %q", in, got, want)
		}
	}
}
