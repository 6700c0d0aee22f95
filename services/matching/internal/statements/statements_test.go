package statements

import "testing"

func TestStore(t *testing.T) {
	s := New()
	s.Put("c1", "I roast coffee.")
	s.Put("c2", "I bake bread.")
	if got := s.Statement("c1"); got != "I roast coffee." {
		t.Errorf("c1 = %q", got)
	}
	s.Put("c1", "")
	s.Remove("c2")
	if s.Statement("c1") != "" || s.Statement("c2") != "" || s.Len() != 0 {
		t.Errorf("statements left: %d", s.Len())
	}
}
