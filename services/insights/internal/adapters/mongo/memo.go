package mongo

import "sync"

// memoLimit bounds a memo: past it, the memo starts again empty. A batch
// names a few thousand distinct keys at most, so a memo rarely fills.
const memoLimit = 1 << 16

// memo remembers a pure function's results. The absorber renders the
// same few thousand keys into addresses for every candidate of a batch
// (the same organisation, months and groups), and rendering one (joining,
// escaping, formatting a month) cost more than the rest of the fold.
type memo[K comparable, V any] struct {
	mu sync.RWMutex
	m  map[K]V
	f  func(K) V
}

func newMemo[K comparable, V any](f func(K) V) *memo[K, V] {
	return &memo[K, V]{m: map[K]V{}, f: f}
}

// get returns f(k), computed once while the memo holds it.
func (m *memo[K, V]) get(k K) V {
	m.mu.RLock()
	v, ok := m.m[k]
	m.mu.RUnlock()
	if ok {
		return v
	}
	v = m.f(k)
	m.mu.Lock()
	if len(m.m) >= memoLimit {
		m.m = map[K]V{}
	}
	m.m[k] = v
	m.mu.Unlock()
	return v
}
