package feed

import (
	"context"
	"errors"
	"fmt"
	"hash/fnv"
	"math"
	"sync"

	"github.com/onward-jobs/onward/pkg/errs"
)

// tombstone is the version recorded for an aggregate the owner no longer
// has: higher than any real version, so no late fetch can bring it back.
const tombstone = math.MaxInt64

// stripes is how many per-id locks a shelf has; ids hash onto them.
const stripes = 64

// shelf keeps one kind of aggregate (candidates or roles) of the index in
// step with its owner. It knows the version of everything it has seen:
// what the index holds, and, in absent, the versions of aggregates the
// index must not hold (no consent, not open) and tombstones of those the
// owner no longer has.
type shelf[T any] struct {
	kind   string
	ops    shelfOps[T]
	locks  [stripes]sync.Mutex
	mu     sync.Mutex // guards absent
	absent map[string]int64
}

// shelfOps are the index operations and owner calls for one kind.
type shelfOps[T any] struct {
	key      func(T) (id string, version int64)
	live     func(T) bool // belongs in the index
	indexed  func(id string) (int64, bool)
	upsert   func(T)
	remove   func(id string) bool
	versions func() map[string]int64
	fetch    func(ctx context.Context, id string) (T, error)
}

func newShelf[T any](kind string, ops shelfOps[T]) *shelf[T] {
	return &shelf[T]{kind: kind, ops: ops, absent: map[string]int64{}}
}

func (s *shelf[T]) lock(id string) func() {
	h := fnv.New32a()
	h.Write([]byte(id))
	m := &s.locks[h.Sum32()%stripes]
	m.Lock()
	return m.Unlock
}

// state returns the version known for id (0 when none) and whether the
// index holds it. Callers hold id's lock, or accept a passing answer.
func (s *shelf[T]) state(id string) (int64, bool) {
	if v, ok := s.ops.indexed(id); ok {
		return v, true
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.absent[id], false
}

func (s *shelf[T]) setAbsent(id string, v int64) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if v == 0 {
		delete(s.absent, id)
		return
	}
	s.absent[id] = v
}

// apply puts v into the index, or takes it out when it does not belong
// there, unless a version at least as new is known already. It reports
// whether anything changed and whether the index holds the aggregate.
func (s *shelf[T]) apply(v T) (changed, present bool) {
	id, version := s.ops.key(v)
	defer s.lock(id)()
	if cur, in := s.state(id); version <= cur {
		return false, in
	}
	if s.ops.live(v) {
		s.ops.upsert(v)
		s.setAbsent(id, 0)
		return true, true
	}
	s.ops.remove(id)
	s.setAbsent(id, version)
	return true, false
}

// gone removes id for good: the owner no longer has it. It reports whether
// anything changed.
func (s *shelf[T]) gone(id string) bool {
	defer s.lock(id)()
	cur, _ := s.state(id)
	removed := s.ops.remove(id)
	s.setAbsent(id, tombstone)
	return removed || cur != tombstone
}

// erased reports whether the owner no longer has id: the shelf keeps its
// tombstone.
func (s *shelf[T]) erased(id string) bool {
	v, in := s.state(id)
	return !in && v == tombstone
}

// forget drops the tombstone of an aggregate the owner no longer lists,
// once a reconciliation has passed since it went.
func (s *shelf[T]) forget(id string) {
	defer s.lock(id)()
	if cur, in := s.state(id); !in && cur == tombstone {
		s.setAbsent(id, 0)
	}
}

// ensure makes sure the index reflects at least version min of id,
// fetching it from the owner when it does not yet. An owner that answers
// 404 makes it gone. It reports whether the index holds the aggregate and
// whether this call changed anything.
func (s *shelf[T]) ensure(ctx context.Context, id string, min int64) (present, changed bool, err error) {
	if cur, in := s.state(id); cur >= min {
		return in, false, nil
	}
	v, err := s.ops.fetch(ctx, id)
	if errors.Is(err, errs.NotFound) {
		return false, s.gone(id), nil
	}
	if err != nil {
		return false, false, fmt.Errorf("fetch %s %s: %w", s.kind, id, err)
	}
	changed, present = s.apply(v)
	if _, version := s.ops.key(v); version < min {
		return present, changed, fmt.Errorf("%s %s: the owner answered version %d, older than %d", s.kind, id, version, min)
	}
	return present, changed, nil
}

// snapshot returns every version the shelf knows: the index's and the
// absent ones, tombstones included.
func (s *shelf[T]) snapshot() map[string]int64 {
	out := s.ops.versions()
	s.mu.Lock()
	defer s.mu.Unlock()
	for id, v := range s.absent {
		if _, in := out[id]; !in {
			out[id] = v
		}
	}
	return out
}

// known returns the versions of everything the shelf has seen that the
// owner has (tombstones left out), for comparing instances.
func (s *shelf[T]) known() map[string]int64 {
	out := s.snapshot()
	for id, v := range out {
		if v == tombstone {
			delete(out, id)
		}
	}
	return out
}
