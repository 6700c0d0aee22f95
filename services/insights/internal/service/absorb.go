package service

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"

	"golang.org/x/sync/errgroup"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
)

// The events insights reads, by type or type prefix. Every event on the
// placements stream has the introduction as its aggregate.
const (
	EventCandidateErased      = "candidate.erased"
	EventCandidateShortlisted = "matches.candidate_shortlisted"
	EventRoleChanged          = "role.changed"
	candidatePrefix           = "candidate."
)

// introductionPrefixes are the types of the placements stream, whose
// aggregate is an introduction.
var introductionPrefixes = []string{"introduction.", "meeting.", "placement.", "followup."}

// task is one candidate to refold, with what the batch already knows: an
// erasure's event id, introductions fetched to find the candidate, and
// whether the batch holds the candidate's first event (their
// registration), when the store most likely holds nothing of them yet.
type task struct {
	id     string
	erase  string
	intros map[string]Introduction
	first  bool
}

// Absorb folds a batch of events into the read model. The batch is
// grouped by candidate and each candidate refolded once from the owners'
// current facts, so a redelivered or late event changes nothing. An
// error leaves the whole batch to be delivered again.
func (s *Service) Absorb(ctx context.Context, batch []events.Envelope) error {
	return s.locked(ctx, func(meta Meta) error {
		tasks, err := s.resolve(ctx, meta.Generation, batch)
		if err != nil {
			return err
		}
		return s.refold(ctx, meta, tasks)
	})
}

// RefoldCandidates refolds the candidates from the owners' facts, as the
// daily pass and a rebuild's catch-up do.
func (s *Service) RefoldCandidates(ctx context.Context, ids []string) error {
	return s.locked(ctx, func(meta Meta) error { return s.refold(ctx, meta, tasksOf(ids)) })
}

func tasksOf(ids []string) map[string]*task {
	out := make(map[string]*task, len(ids))
	for _, id := range ids {
		out[id] = &task{id: id}
	}
	return out
}

// resolve finds the candidate each event is about: the aggregate of the
// candidates' and matching's events, the introduction's candidate for
// placements' events (fetched here, and kept for the fold), and every
// candidate counted under a changed role. Other events are ignored.
func (s *Service) resolve(ctx context.Context, gen int, batch []events.Envelope) (map[string]*task, error) {
	tasks := map[string]*task{}
	get := func(id string) *task {
		if tasks[id] == nil {
			tasks[id] = &task{id: id, intros: map[string]Introduction{}}
		}
		return tasks[id]
	}
	var introIDs []string
	seen := map[string]bool{}
	for _, e := range batch {
		switch {
		case e.Type == EventCandidateErased:
			get(e.AggregateID).erase = e.ID
		case strings.HasPrefix(e.Type, candidatePrefix):
			t := get(e.AggregateID)
			t.first = t.first || e.Version == 1
		case e.Type == EventCandidateShortlisted:
			get(e.AggregateID)
		case e.Type == EventRoleChanged:
			ids, err := s.d.Store.RoleCandidates(ctx, gen, e.AggregateID)
			if err != nil {
				return nil, err
			}
			for _, id := range ids {
				get(id)
			}
		case isIntroductionEvent(e.Type):
			if !seen[e.AggregateID] {
				seen[e.AggregateID] = true
				introIDs = append(introIDs, e.AggregateID)
			}
		}
	}
	intros, err := s.introductions(ctx, introIDs)
	if err != nil {
		return nil, err
	}
	for _, in := range intros {
		get(in.CandidateID).intros[in.Facts.ID] = in
	}
	return tasks, nil
}

func isIntroductionEvent(typ string) bool {
	for _, p := range introductionPrefixes {
		if strings.HasPrefix(typ, p) {
			return true
		}
	}
	return false
}

// introductions fetches the introductions' facts, several at a time. One
// placements no longer serves (its candidate was erased) is left out.
func (s *Service) introductions(ctx context.Context, ids []string) ([]Introduction, error) {
	var mu sync.Mutex
	var out []Introduction
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.d.Fetchers)
	for _, id := range ids {
		g.Go(func() error {
			in, err := s.d.Owners.Introduction(gctx, id)
			if errors.Is(err, errs.NotFound) {
				return nil
			}
			if err != nil {
				return fmt.Errorf("introduction %s: %w", id, err)
			}
			mu.Lock()
			out = append(out, in)
			mu.Unlock()
			return nil
		})
	}
	return out, g.Wait()
}
