package sealed

import (
	"bytes"
	"testing"
)

func TestSealOpen(t *testing.T) {
	box, err := NewBox(NewKey())
	if err != nil {
		t.Fatal(err)
	}
	s := box.Seal([]byte("private key bytes"), []byte("kid-1"))
	if bytes.Contains(s, []byte("private key")) {
		t.Fatal("plaintext visible in sealed value")
	}
	got, err := box.Open(s, []byte("kid-1"))
	if err != nil || string(got) != "private key bytes" {
		t.Fatalf("open: %q %v", got, err)
	}
	if _, err := box.Open(s, []byte("kid-2")); err == nil {
		t.Fatal("value opened under another context")
	}
	other, _ := NewBox(NewKey())
	if _, err := other.Open(s, []byte("kid-1")); err == nil {
		t.Fatal("value opened with another key")
	}
	s[len(s)-1] ^= 1
	if _, err := box.Open(s, []byte("kid-1")); err == nil {
		t.Fatal("tampered value opened")
	}
	if _, err := NewBox("c2hvcnQ="); err == nil {
		t.Fatal("short key accepted")
	}
}
