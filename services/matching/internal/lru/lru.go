// Package lru is a small least-recently-used cache of a fixed number of
// values keyed by string, safe for concurrent use. The API's read caches
// (stored shortlists, encoded pages) use it to bound their memory.
package lru

import (
	"container/list"
	"sync"
)

// Cache holds at most a fixed number of values; putting one more evicts
// the least recently used. The zero value is not usable: use New.
type Cache[V any] struct {
	mu    sync.Mutex
	size  int
	order *list.List // of *item[V], most recently used first
	items map[string]*list.Element
}

type item[V any] struct {
	key   string
	value V
}

// New returns a cache of at most size values (at least one).
func New[V any](size int) *Cache[V] {
	size = max(size, 1)
	return &Cache[V]{size: size, order: list.New(), items: make(map[string]*list.Element, size)}
}

// Get returns the value under key and marks it used.
func (c *Cache[V]) Get(key string) (V, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	el, ok := c.items[key]
	if !ok {
		var zero V
		return zero, false
	}
	c.order.MoveToFront(el)
	return el.Value.(*item[V]).value, true
}

// Put stores value under key, evicting the least recently used value when
// the cache is full.
func (c *Cache[V]) Put(key string, value V) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		el.Value.(*item[V]).value = value
		c.order.MoveToFront(el)
		return
	}
	c.items[key] = c.order.PushFront(&item[V]{key: key, value: value})
	for c.order.Len() > c.size {
		last := c.order.Back()
		c.order.Remove(last)
		delete(c.items, last.Value.(*item[V]).key)
	}
}

// Remove forgets the value under key, if any.
func (c *Cache[V]) Remove(key string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.items[key]; ok {
		c.order.Remove(el)
		delete(c.items, key)
	}
}

// Len returns how many values the cache holds.
func (c *Cache[V]) Len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.order.Len()
}
