package results

import (
	"context"
	"errors"
	"sync"
	"testing"
)

// listSource is a store of one list per role, counting its reads.
type listSource struct {
	mu    sync.Mutex
	lists map[string]Shortlist
	reads int
}

func (s *listSource) Shortlist(_ context.Context, roleID string) (Shortlist, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.reads++
	return s.lists[roleID], nil
}

// flakyStamps holds stamps in memory, or fails every call while down.
type flakyStamps struct {
	mu    sync.Mutex
	m     map[string]string
	down  bool
	calls int
}

func (f *flakyStamps) SetStamp(_ context.Context, roleID, stamp string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.down {
		return errors.New("redis is down")
	}
	f.m[roleID] = stamp
	return nil
}

func (f *flakyStamps) ForgetStamp(_ context.Context, roleID string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	delete(f.m, roleID)
	return nil
}

func (f *flakyStamps) Stamp(_ context.Context, roleID string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls++
	if f.down {
		return "", errors.New("redis is down")
	}
	return f.m[roleID], nil
}

// TestShortlistReaderServesOnlyTheNewestWrite: a list is read from the
// store once and then from memory while its stamp is the newest; a write
// under a new stamp is read at once; while the stamps cannot be read
// (Redis down) every read goes to the store, so nothing older than what
// is stored is ever served; a list without a stamp is never cached.
func TestShortlistReaderServesOnlyTheNewestWrite(t *testing.T) {
	ctx := context.Background()
	src := &listSource{lists: map[string]Shortlist{"r1": {RoleID: "r1", RoleVersion: 1, Stamp: "s1"}, "old": {RoleID: "old", RoleVersion: 1}}}
	stamps := &flakyStamps{m: map[string]string{"r1": "s1"}}
	r := NewShortlistReader(src, stamps, 8)
	read := func(role string) Shortlist {
		t.Helper()
		sl, err := r.Shortlist(ctx, role)
		if err != nil {
			t.Fatal(err)
		}
		return sl
	}
	for range 3 {
		if sl := read("r1"); sl.RoleVersion != 1 {
			t.Fatalf("version %d; want 1", sl.RoleVersion)
		}
	}
	if src.reads != 1 {
		t.Fatalf("three reads of an unchanged list read the store %d times; want 1", src.reads)
	}

	stamps.m["r1"] = "s2" // a writer announces its write first
	src.lists["r1"] = Shortlist{RoleID: "r1", RoleVersion: 2, Stamp: "s2"}
	if sl := read("r1"); sl.RoleVersion != 2 {
		t.Fatalf("after a new write: version %d; want 2", sl.RoleVersion)
	}

	stamps.down = true
	src.lists["r1"] = Shortlist{RoleID: "r1", RoleVersion: 3, Stamp: "s3"}
	if sl := read("r1"); sl.RoleVersion != 3 {
		t.Fatalf("with Redis down: version %d; want the stored 3", sl.RoleVersion)
	}

	stamps.down = false
	before := src.reads
	read("old")
	read("old")
	if src.reads-before != 2 {
		t.Fatalf("a list without a stamp was served from memory")
	}
}

// TestShortlistReaderMemoryIsBounded: the reader keeps at most its size
// of lists, the least recently read leaving first.
func TestShortlistReaderMemoryIsBounded(t *testing.T) {
	src := &listSource{lists: map[string]Shortlist{}}
	stamps := &flakyStamps{m: map[string]string{}}
	for _, id := range []string{"a", "b", "c", "d"} {
		src.lists[id] = Shortlist{RoleID: id, Stamp: "s-" + id}
		stamps.m[id] = "s-" + id
	}
	r := NewShortlistReader(src, stamps, 2)
	for _, id := range []string{"a", "b", "c", "d", "d"} {
		if _, err := r.Shortlist(context.Background(), id); err != nil {
			t.Fatal(err)
		}
	}
	if r.Cached() != 2 || src.reads != 4 {
		t.Fatalf("cached %d lists after %d store reads; want 2 and 4", r.Cached(), src.reads)
	}
}
