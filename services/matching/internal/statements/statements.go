// Package statements keeps the approved statements candidates wrote in
// their own words, keyed by candidate id, for the shortlist cards. They
// live here rather than in the engine's index because the index has a
// hard memory budget per candidate (docs/matching.md) and matching never
// ranks by a statement: a shortlist answers at most a page of cards, and
// each looks its statement up here. Only candidates the index holds and
// who have an approved statement take any room.
package statements

import "sync"

// Store is the statements of the candidates the index holds. It is safe
// for concurrent use; the zero value is not: use New.
type Store struct {
	mu   sync.RWMutex
	text map[string]string
}

// New returns an empty store.
func New() *Store { return &Store{text: map[string]string{}} }

// Put records the candidate's approved statement; "" forgets it (the
// statement was withdrawn, or is waiting for a new review).
func (s *Store) Put(candidateID, text string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if text == "" {
		delete(s.text, candidateID)
		return
	}
	s.text[candidateID] = text
}

// Remove forgets the candidate's statement: the candidate left the index
// (consent withdrawn, placed, erased).
func (s *Store) Remove(candidateID string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.text, candidateID)
}

// Statement returns the candidate's approved statement, "" when none.
func (s *Store) Statement(candidateID string) string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.text[candidateID]
}

// Len returns how many candidates have a statement held.
func (s *Store) Len() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return len(s.text)
}
