package password

import (
	"strings"
	"testing"
)

func TestHashAndVerify(t *testing.T) {
	h, err := Hash("correct horse battery staple", Default)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("unexpected encoding %q", h)
	}
	if ok, err := Verify("correct horse battery staple", h); !ok || err != nil {
		t.Fatalf("right password rejected: %v", err)
	}
	if ok, _ := Verify("correct horse battery stapLe", h); ok {
		t.Fatal("wrong password accepted")
	}
	h2, _ := Hash("correct horse battery staple", Default)
	if h == h2 {
		t.Fatal("two hashes of one password must differ by salt")
	}
	if _, err := Verify("x", "$argon2id$v=19$garbage"); err == nil {
		t.Fatal("malformed hash accepted")
	}
}
