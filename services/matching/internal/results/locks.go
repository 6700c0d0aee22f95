package results

import (
	"context"
	"sync"
)

// localLocks is a Locker for one instance: a mutex per key, dropped when
// nobody holds or waits for it.
type localLocks struct {
	mu    sync.Mutex
	locks map[string]*keyLock
}

type keyLock struct {
	ch      chan struct{}
	waiters int
}

func newLocalLocks() *localLocks { return &localLocks{locks: map[string]*keyLock{}} }

// Lock takes the lock named key, waiting until it is free or ctx ends.
func (l *localLocks) Lock(ctx context.Context, key string) (func(), error) {
	l.mu.Lock()
	k, ok := l.locks[key]
	if !ok {
		k = &keyLock{ch: make(chan struct{}, 1)}
		l.locks[key] = k
	}
	k.waiters++
	l.mu.Unlock()
	select {
	case k.ch <- struct{}{}:
	case <-ctx.Done():
		l.release(key, k, false)
		return nil, ctx.Err()
	}
	return func() { l.release(key, k, true) }, nil
}

func (l *localLocks) release(key string, k *keyLock, held bool) {
	if held {
		<-k.ch
	}
	l.mu.Lock()
	k.waiters--
	if k.waiters == 0 {
		delete(l.locks, key)
	}
	l.mu.Unlock()
}
