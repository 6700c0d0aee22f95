package lru

import "testing"

// TestCacheEvictsTheLeastRecentlyUsed: a full cache drops the value read
// or written longest ago, so its memory stays bounded.
func TestCacheEvictsTheLeastRecentlyUsed(t *testing.T) {
	c := New[int](2)
	c.Put("a", 1)
	c.Put("b", 2)
	if v, ok := c.Get("a"); !ok || v != 1 {
		t.Fatalf("a = %d, %v", v, ok)
	}
	c.Put("c", 3) // b is the least recently used
	if _, ok := c.Get("b"); ok {
		t.Fatal("b survived although it was the least recently used")
	}
	for key, want := range map[string]int{"a": 1, "c": 3} {
		if v, ok := c.Get(key); !ok || v != want {
			t.Fatalf("%s = %d, %v; want %d", key, v, ok, want)
		}
	}
	c.Put("a", 10)
	c.Remove("c")
	if v, _ := c.Get("a"); v != 10 || c.Len() != 1 {
		t.Fatalf("a = %d, len %d; want 10, 1", v, c.Len())
	}
}
