package admin

import (
	"encoding/json"
	"io/fs"
	"regexp"
	"testing"
)

// readFamily reads one language of the admin message family.
func readFamily(t *testing.T, lang string) map[string]any {
	t.Helper()
	buf, err := fs.ReadFile(Locales, "locales/admin."+lang+".json")
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]any{}
	if err := json.Unmarshal(buf, &out); err != nil {
		t.Fatalf("admin.%s.json: %v", lang, err)
	}
	return out
}

func TestEveryAdminMessageExistsInEveryLanguage(t *testing.T) {
	en := readFamily(t, "en")
	for _, lang := range []string{"nl", "fr", "de"} {
		other := readFamily(t, lang)
		for id := range en {
			if _, ok := other[id]; !ok {
				t.Errorf("%s lacks %s", lang, id)
			}
		}
		for id := range other {
			if _, ok := en[id]; !ok {
				t.Errorf("%s has %s, which English lacks", lang, id)
			}
		}
	}
}

// TestEveryMessageTheTemplatesNameIsTranslated reads the message ids the
// templates name literally and checks each in every language, from this
// family or the kit's.
func TestEveryMessageTheTemplatesNameIsTranslated(t *testing.T) {
	p, c := newTestPages(t)
	names, _ := fs.Glob(templateFiles, "templates/*.html")
	ids := map[string]bool{}
	re := regexp.MustCompile(`\.T "([A-Za-z_]+)"`)
	for _, name := range names {
		buf, _ := fs.ReadFile(templateFiles, name)
		for _, m := range re.FindAllStringSubmatch(string(buf), -1) {
			ids[m[1]] = true
		}
	}
	if len(ids) < 40 {
		t.Fatalf("found only %d message ids; is the scan broken?", len(ids))
	}
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		c.Request().Header.Set("Accept-Language", lang)
		v := p.k.NewView(c, "/")
		for id := range ids {
			// "Copied" reads the same as its id in English.
			if v.T(id, "Org", "O", "Email", "E", "Name", "N", "Count", 2) == id && !(id == "Copied" && lang == "en") {
				t.Errorf("%s: no message %s", lang, id)
			}
		}
	}
}
