package results

import (
	"context"
	"reflect"
	"testing"
)

// TestMembershipReloadKeepsLocalWrites: a reload replaces what is held by
// what the store answered, except the lists this instance wrote or
// deleted while the store was being read, which are newer.
func TestMembershipReloadKeepsLocalWrites(t *testing.T) {
	m := newMembership()
	m.set("r1", []string{"a", "b"})
	m.set("r9", []string{"a"})
	n, err := m.reload(context.Background(), func(context.Context) ([]ListMembers, error) {
		m.drop("r1")               // deleted here while the store was read
		m.set("r3", []string{"d"}) // written here meanwhile
		return []ListMembers{{ID: "r1", Members: []string{"a"}}, {ID: "r2", Members: []string{"c", "a"}}}, nil
	})
	if err != nil || n != 2 {
		t.Fatal(n, err)
	}
	for member, want := range map[string][]string{"a": {"r2"}, "b": {}, "c": {"r2"}, "d": {"r3"}} {
		if got := m.listsWith(member); !reflect.DeepEqual(got, want) && (len(got) != 0 || len(want) != 0) {
			t.Errorf("lists with %s: %v, want %v", member, got, want)
		}
	}
	want := map[string][]string{"r2": {"c", "a"}, "r3": {"d"}}
	if got := m.snapshot(); !reflect.DeepEqual(got, want) {
		t.Errorf("after reload %v, want %v", got, want)
	}
	// A second reload trusts the store for lists not written since.
	if _, err := m.reload(context.Background(), func(context.Context) ([]ListMembers, error) {
		return []ListMembers{{ID: "r3", Members: []string{"e"}}}, nil
	}); err != nil {
		t.Fatal(err)
	}
	if got := m.snapshot(); !reflect.DeepEqual(got, map[string][]string{"r3": {"e"}}) {
		t.Errorf("after the second reload %v", got)
	}
	if got := m.listsWith("d"); len(got) != 0 {
		t.Errorf("d still held by %v", got)
	}
}
