package site

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"testing"
)

// readStaffMessages returns the staff pages' messages in one language.
func readStaffMessages(t *testing.T, lang string) map[string]any {
	t.Helper()
	buf, err := localeFiles.ReadFile("locales/staff." + lang + ".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf, &m); err != nil {
		t.Fatalf("staff.%s.json: %v", lang, err)
	}
	return m
}

func TestStaffMessagesExistInEveryLanguage(t *testing.T) {
	en, nl := readStaffMessages(t, "en"), readStaffMessages(t, "nl")
	for id := range en {
		if _, ok := nl[id]; !ok {
			t.Errorf("staff message %q has no Dutch translation", id)
		}
	}
	for id := range nl {
		if _, ok := en[id]; !ok {
			t.Errorf("staff message %q exists in Dutch only", id)
		}
	}
}

// TestStaffMessagesInUseAreTranslated checks the ids the staff pages use,
// including the ones built from a vocabulary, in both languages.
func TestStaffMessagesInUseAreTranslated(t *testing.T) {
	used := map[string]bool{}
	literal := regexp.MustCompile(`"(Staff[A-Za-z0-9_]*[A-Za-z0-9])"`)
	staffField := regexp.MustCompile(`StaffField "([a-z_]+)"`)
	files, _ := filepath.Glob("staff_*.go")
	tmpls, _ := filepath.Glob("templates/staff_*.html")
	for _, f := range append(append(files, tmpls...), "templates/home.html") {
		if filepath.Ext(f) == ".go" && regexp.MustCompile(`_test\.go$`).MatchString(f) {
			continue
		}
		buf, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range literal.FindAllStringSubmatch(string(buf), -1) {
			used[m[1]] = true
		}
		for _, m := range staffField.FindAllStringSubmatch(string(buf), -1) {
			used["StaffField_"+m[1]] = true
		}
	}
	for _, k := range programmeKinds {
		used["StaffKind_"+k] = true
	}
	for _, st := range candidateSettings {
		used["StaffSetting_"+st], used["StaffSettingHint_"+st] = true, true
	}
	for _, f := range []string{"programme", "from", "to", "hours", "skill", "level", "evidence", "date"} {
		used["StaffErrPortfolio_"+f] = true
	}
	for _, m := range candidateFields {
		used[m.msg] = true
	}
	if len(used) < 150 {
		t.Fatalf("found only %d staff message ids; is the scan broken?", len(used))
	}
	tr := mustLoadTranslator()
	for _, lang := range langCodes {
		msgs := readStaffMessages(t, lang)
		for id := range used {
			if _, ok := msgs[id]; !ok {
				t.Errorf("%s: staff message %q is missing", lang, id)
			}
		}
		if got := tr.localizer(lang).T("StaffHours", "Count", 1); got == "StaffHours" {
			t.Errorf("%s: the staff locale file was not loaded", lang)
		}
	}
}
