package service

import (
	"context"
	"sync"
	"testing"
	"time"
)

// memoryKeys is a SigningKeys store in memory whose first reads wait for
// each other, so two replicas starting together both find it empty.
type memoryKeys struct {
	mu    sync.Mutex
	keys  []SigningKey
	start sync.WaitGroup // released when both replicas have read once
	reads int
}

func (m *memoryKeys) Create(_ context.Context, k SigningKey) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.keys = append(m.keys, k)
	return nil
}

func (m *memoryKeys) All(context.Context) ([]SigningKey, error) {
	m.mu.Lock()
	out := append([]SigningKey(nil), m.keys...)
	m.reads++
	first := m.reads <= 2
	m.mu.Unlock()
	if first {
		m.start.Done()
		m.start.Wait()
	}
	return out, nil
}

func (m *memoryKeys) SetRetireAt(context.Context, string, time.Time) error { return nil }

// startTwoReplicas loads two rings over one empty store at the same time
// and returns the key id each signs with.
func startTwoReplicas(t *testing.T, lock func(context.Context, string) (func(), error)) (string, string) {
	t.Helper()
	store := &memoryKeys{}
	store.start.Add(2)
	rings := []*KeyRing{
		NewKeyRing(store, nil, time.Hour, time.Hour),
		NewKeyRing(store, nil, time.Hour, time.Hour),
	}
	var wg sync.WaitGroup
	for _, r := range rings {
		r.Lock = lock
		wg.Go(func() {
			if err := r.Load(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	var kids []string
	for _, r := range rings {
		k, ok := r.signing(time.Now())
		if !ok {
			t.Fatal("a replica has no key to sign with")
		}
		kids = append(kids, k.KID)
	}
	return kids[0], kids[1]
}

// TestTwoGatewaysStartingTogetherSignWithOneKey: two replicas starting at
// once on an empty database create one first key between them under the
// lock, so a token one signs is known to the other.
func TestTwoGatewaysStartingTogetherSignWithOneKey(t *testing.T) {
	var mu sync.Mutex
	lock := func(context.Context, string) (func(), error) {
		mu.Lock()
		return mu.Unlock, nil
	}
	a, b := startTwoReplicas(t, lock)
	if a != b {
		t.Fatalf("the replicas sign with %s and %s, want one key", a, b)
	}
}
