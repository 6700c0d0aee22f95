// Package service holds the insights service's use cases: absorbing the
// owners' events into the read model (each candidate refolded from the
// owners' current facts, so a redelivered event changes nothing),
// erasure, the daily pass that refolds candidates whose day 30, 90 or 180
// came, and the rebuild from the owners' listings. It declares the ports
// it needs (ports.go); the adapters implement them.
package service

import (
	"context"
	"log/slog"
	"time"
)

// Defaults of Deps' tuning fields.
const (
	// DefaultChunk is how many candidates one Commit stores at most.
	DefaultChunk = 200
	// DefaultFetchers is how many owners' calls run at once.
	DefaultFetchers = 8
)

// absorbLock is the Locker key that serialises every replica's writes.
const absorbLock = "absorb"

// Deps are the service's collaborators and settings.
type Deps struct {
	Store  Store
	Owners Owners
	// Lock serialises the writers of every replica.
	Lock   Locker
	Logger *slog.Logger
	// Clock tells the time contributions are read at; nil is the wall
	// clock.
	Clock func() time.Time
	// Chunk and Fetchers tune absorbing (zero: the defaults).
	Chunk, Fetchers int
}

// Service absorbs events, runs the daily pass and rebuilds. It is safe
// for concurrent use.
type Service struct {
	d       Deps
	rebuild chan struct{}
}

// New returns the service.
func New(d Deps) *Service {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Clock == nil {
		d.Clock = time.Now
	}
	if d.Chunk <= 0 {
		d.Chunk = DefaultChunk
	}
	if d.Fetchers <= 0 {
		d.Fetchers = DefaultFetchers
	}
	return &Service{d: d, rebuild: make(chan struct{}, 1)}
}

// now returns the clock's time in UTC, to the millisecond as stored.
func (s *Service) now() time.Time { return s.d.Clock().UTC().Truncate(time.Millisecond) }

// locked runs fn holding the absorber lock, with the read model's state
// read and any interrupted change finished first.
func (s *Service) locked(ctx context.Context, fn func(Meta) error) error {
	unlock, err := s.d.Lock.Lock(ctx, absorbLock)
	if err != nil {
		return err
	}
	defer unlock()
	meta, err := s.d.Store.Meta(ctx)
	if err != nil {
		return err
	}
	if err := s.d.Store.Recover(ctx); err != nil {
		return err
	}
	return fn(meta)
}

// Recover finishes any change a crash interrupted; the app calls it on
// start, and every batch does before it writes.
func (s *Service) Recover(ctx context.Context) error {
	return s.locked(ctx, func(Meta) error { return nil })
}
