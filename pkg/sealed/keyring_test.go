package sealed

import (
	"strings"
	"testing"
)

func TestKeyringRotation(t *testing.T) {
	k1, k2 := NewKey(), NewKey()
	old, err := ParseKeyring("k1:"+k1, "k1")
	if err != nil {
		t.Fatal(err)
	}
	kid, s := old.Seal([]byte("Jérôme"), []byte("c1/given_name"))
	if kid != "k1" || old.Current() != "k1" {
		t.Fatalf("sealed under %q, current %q; want k1", kid, old.Current())
	}

	rotated, err := ParseKeyring(" k1:"+k1+", k2:"+k2, "k2")
	if err != nil {
		t.Fatal(err)
	}
	got, err := rotated.Open(kid, s, []byte("c1/given_name"))
	if err != nil || string(got) != "Jérôme" {
		t.Fatalf("value sealed under the old key: %q %v", got, err)
	}
	kid2, s2 := rotated.Seal([]byte("Jérôme"), []byte("c1/given_name"))
	if kid2 != "k2" {
		t.Fatalf("new value sealed under %q, want k2", kid2)
	}
	if _, err := rotated.Open("k1", s2, []byte("c1/given_name")); err == nil {
		t.Fatal("a value sealed under k2 opened as k1")
	}
	if _, err := rotated.Open(kid2, s2, []byte("c2/given_name")); err == nil {
		t.Fatal("a value opened under another context")
	}
	if _, err := old.Open("k2", s2, []byte("c1/given_name")); err == nil || !strings.Contains(err.Error(), "k2") {
		t.Fatalf("unknown key id: %v", err)
	}
}

func TestParseKeyringRejectsBadSpecsWithoutLeakingKeys(t *testing.T) {
	key := NewKey()
	short := "c2hvcnRrZXlzaG9ydGtleQ=="
	cases := map[string]struct{ spec, current string }{
		"empty":            {"", "k1"},
		"no colon":         {key, "k1"},
		"empty kid":        {":" + key, ""},
		"short key":        {"k1:" + short, "k1"},
		"duplicate kid":    {"k1:" + key + ",k1:" + key, "k1"},
		"current missing":  {"k1:" + key, "k2"},
		"not base64":       {"k1:" + strings.Repeat("!", 44), "k1"},
		"current is empty": {"k1:" + key, ""},
	}
	for name, c := range cases {
		_, err := ParseKeyring(c.spec, c.current)
		if err == nil {
			t.Errorf("%s: accepted", name)
			continue
		}
		if strings.Contains(err.Error(), key) || strings.Contains(err.Error(), short) {
			t.Errorf("%s: error reveals key material: %v", name, err)
		}
	}
}
