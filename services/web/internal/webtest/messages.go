package webtest

import (
	"encoding/json"
	"io/fs"
	"testing"
)

// Languages are the languages every message family is written in.
var Languages = []string{"en", "nl", "fr", "de"}

// Messages reads one locale file (such as "staff.nl") of fsys's locales/
// folder: the messages by id.
func Messages(t testing.TB, fsys fs.FS, file string) map[string]any {
	t.Helper()
	buf, err := fs.ReadFile(fsys, "locales/"+file+".json")
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]any
	if err := json.Unmarshal(buf, &m); err != nil {
		t.Fatalf("%s.json: %v", file, err)
	}
	return m
}

// RequireMessages fails for each id that a language of the family (the
// file prefix, such as "staff.") lacks: for ids the code builds from a
// prefix and a value, which a scan of message uses cannot see.
func RequireMessages(t testing.TB, fsys fs.FS, family string, ids []string) {
	t.Helper()
	for _, lang := range Languages {
		msgs := Messages(t, fsys, family+lang)
		for _, id := range ids {
			if msgs[id] == nil {
				t.Errorf("%s%s.json lacks message %q", family, lang, id)
			}
		}
	}
}
