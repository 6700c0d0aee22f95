package results

import (
	"context"
	"fmt"
	"sync"
	"time"
)

// Shortlisting is the first time a stored shortlist held a candidate, as
// a full or a near match: the funnel step "shortlisted" that insights
// counts (docs/insights.md). It holds ids and a time only, and it is kept
// when the candidate later leaves every shortlist or withdraws consent;
// only erasure removes it.
type Shortlisting struct {
	CandidateID string
	// FirstAt is the computed time of the first stored shortlist that
	// held the candidate, from the service's clock.
	FirstAt time.Time
	// FirstRoleID is the role of that shortlist.
	FirstRoleID string
}

// ShortlistingStore keeps one Shortlisting per candidate.
type ShortlistingStore interface {
	// RecordShortlisting inserts s unless the candidate has a record;
	// created is false when it had one, which is no error (another
	// instance may have written it first).
	RecordShortlisting(ctx context.Context, s Shortlisting) (created bool, err error)
	// ShortlistedIDs returns every candidate that has a record.
	ShortlistedIDs(ctx context.Context) ([]string, error)
	// ForgetShortlisting deletes the candidate's record; a candidate
	// without one is no error.
	ForgetShortlisting(ctx context.Context, candidateID string) error
}

// ShortlistingAnnouncer is told when a candidate's record is first
// written. Like Announcer it must not block and cannot fail the write.
type ShortlistingAnnouncer interface {
	AnnounceShortlisted(ctx context.Context, candidateID string)
}

// recordedSet is the ids this instance knows to have a record, so that a
// rewrite of a list whose candidates are all known costs no query. It is
// loaded from the store before its first use; an id missing from it (one
// another instance recorded since) costs one insert that finds the record.
type recordedSet struct {
	mu     sync.Mutex
	loaded bool
	ids    map[string]struct{}
}

// load reads the recorded ids once; a failure leaves it to the next call.
func (s *recordedSet) load(ctx context.Context, store ShortlistingStore) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.loaded {
		return nil
	}
	ids, err := store.ShortlistedIDs(ctx)
	if err != nil {
		return fmt.Errorf("load the shortlisted candidates: %w", err)
	}
	if s.ids == nil {
		s.ids = make(map[string]struct{}, len(ids))
	}
	for _, id := range ids {
		s.ids[id] = struct{}{}
	}
	s.loaded = true
	return nil
}

// unknown returns the entries' candidates the set does not hold.
func (s *recordedSet) unknown(entries []ShortlistEntry) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, e := range entries {
		if _, ok := s.ids[e.CandidateID]; !ok {
			out = append(out, e.CandidateID)
		}
	}
	return out
}

func (s *recordedSet) add(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ids == nil {
		s.ids = map[string]struct{}{}
	}
	s.ids[id] = struct{}{}
}

func (s *recordedSet) drop(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	delete(s.ids, id)
}
