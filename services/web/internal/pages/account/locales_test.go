package account

import (
	"encoding/json"
	"io/fs"
	"maps"
	"slices"
	"testing"
)

// TestAccountMessagesInEveryLanguage checks that the account family has
// the same messages, none empty, in English, Dutch, French and German.
func TestAccountMessagesInEveryLanguage(t *testing.T) {
	read := func(lang string) map[string]string {
		buf, err := fs.ReadFile(Locales, "locales/account."+lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(buf, &m); err != nil {
			t.Fatalf("account.%s.json: %v", lang, err)
		}
		return m
	}
	en := read("en")
	want := slices.Sorted(maps.Keys(en))
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		m := read(lang)
		if got := slices.Sorted(maps.Keys(m)); !slices.Equal(got, want) {
			t.Errorf("account.%s.json has %v, want %v", lang, got, want)
		}
		for id, msg := range m {
			if msg == "" {
				t.Errorf("account.%s.json: %s is empty", lang, id)
			}
		}
	}
}
