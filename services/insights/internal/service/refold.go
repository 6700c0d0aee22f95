package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// refold refolds the tasks' candidates, Chunk at a time, each chunk
// stored by one Commit. While a rebuild writes the next generation, the
// candidates are marked dirty first, so the rebuild refolds them again
// into it after the swap.
func (s *Service) refold(ctx context.Context, meta Meta, tasks map[string]*task) error {
	ids := make([]string, 0, len(tasks))
	for id := range tasks {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	if meta.Building != 0 && len(ids) > 0 {
		if err := s.d.Store.MarkDirty(ctx, meta.Building, ids); err != nil {
			return err
		}
	}
	roles := &roleCache{owners: s.d.Owners, roles: map[string]Role{}}
	for chunk := range slices.Chunk(ids, s.d.Chunk) {
		if err := s.refoldChunk(ctx, meta.Generation, chunk, tasks, roles); err != nil {
			return err
		}
	}
	return nil
}

// refoldChunk folds a chunk of candidates, several at a time, and commits
// what changed. The stored progress of a candidate whose registration is
// in the batch is not read: they are new, unless the batch is delivered
// again, and then the commit finds their document and fails with
// errs.Conflict; the chunk is then recovered and folded again, reading
// everyone.
func (s *Service) refoldChunk(ctx context.Context, gen int, ids []string, tasks map[string]*task, roles *roleCache) error {
	var read []string
	for _, id := range ids {
		if !tasks[id].first || tasks[id].erase != "" {
			read = append(read, id)
		}
	}
	err := s.foldChunk(ctx, gen, ids, read, tasks, roles)
	if len(read) == len(ids) || !errors.Is(err, errs.Conflict) {
		return err
	}
	if err := s.d.Store.Recover(ctx); err != nil {
		return err
	}
	return s.foldChunk(ctx, gen, ids, ids, tasks, roles)
}

// foldChunk folds a chunk of candidates from the stored progress of
// those in read, the others taken as new, and commits what changed.
func (s *Service) foldChunk(ctx context.Context, gen int, ids, read []string, tasks map[string]*task, roles *roleCache) error {
	stored, err := s.d.Store.Stored(ctx, gen, read)
	if err != nil {
		return err
	}
	now := s.now()
	changes := make([]*Change, len(ids))
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.d.Fetchers)
	for i, id := range ids {
		g.Go(func() error {
			var st *Stored
			if v, ok := stored[id]; ok {
				st = &v
			}
			c, err := s.fold(gctx, tasks[id], st, roles, now)
			if err != nil {
				return fmt.Errorf("candidate %s: %w", id, err)
			}
			changes[i] = c
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	var out []Change
	for _, c := range changes {
		if c != nil {
			out = append(out, *c)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return s.d.Store.Commit(ctx, gen, out)
}

// fold computes one candidate's change, nil when nothing changed: an
// erasure (the event's, or the owner no longer knowing the candidate),
// or the new progress from the owners' facts and the difference between
// its contributions and the stored ones.
func (s *Service) fold(ctx context.Context, t *task, st *Stored, roles *roleCache, now time.Time) (*Change, error) {
	if t.erase != "" {
		return s.erase(ctx, t.id, st, t.erase)
	}
	p, err := s.d.Owners.Candidate(ctx, t.id)
	if errors.Is(err, errs.NotFound) {
		if st == nil {
			return nil, nil
		}
		return s.erase(ctx, t.id, st, "")
	}
	if err != nil {
		return nil, err
	}
	if p.FirstShortlistedAt, err = s.d.Owners.FirstShortlisted(ctx, t.id); err != nil {
		return nil, err
	}
	if p.Introductions, err = s.candidateIntroductions(ctx, t, st, roles); err != nil {
		return nil, err
	}
	p = canonical(p)
	old, version := domain.NoContributions(), int64(0)
	if st != nil {
		old, version = st.Contributions, st.Version
	}
	next := domain.ContributionsOf(p, now)
	delta := domain.Diff(old, next)
	if st != nil && delta.Empty() && sameProgress(st.Progress, p) {
		return nil, nil
	}
	c := &Change{CandidateID: t.id, Version: version, Progress: p, Contributions: next, FoldedAt: now, Delta: delta,
		RefoldDays: domain.RefoldDays(p, now), Roles: roleIDs(p)}
	if st != nil {
		// The indexes hold the candidate under what the stored progress
		// named already; only what is new is filed.
		c.RefoldDays = without(c.RefoldDays, domain.RefoldDays(st.Progress, st.FoldedAt), time.Time.Equal)
		c.Roles = without(c.Roles, roleIDs(st.Progress), func(a, b string) bool { return a == b })
	}
	return c, nil
}

// without returns the elements of s that are not in drop.
func without[T any](s, drop []T, eq func(a, b T) bool) []T {
	return slices.DeleteFunc(s, func(v T) bool {
		return slices.ContainsFunc(drop, func(d T) bool { return eq(v, d) })
	})
}

// erase is the change that forgets a candidate: their contributions
// leave the living counts and join the anonymous totals under the same
// keys, and a mark naming mark (the erasure event's id, "" when the
// owner no longer knew the candidate) stays. A candidate marked already
// whom a rebuild counted again meanwhile leaves the living counts only:
// the anonymous totals hold them already.
func (s *Service) erase(ctx context.Context, id string, st *Stored, mark string) (*Change, error) {
	c := &Change{CandidateID: id, Erase: true, Mark: mark}
	if st == nil {
		return c, nil
	}
	marked, err := s.d.Store.IsErased(ctx, id)
	if err != nil {
		return nil, err
	}
	c.Version = st.Version
	from, to := domain.Erase(st.Contributions)
	c.Delta = from
	if !marked {
		c.Anonymous = to
	}
	return c, nil
}

// candidateIntroductions returns the facts of every introduction known
// for the candidate (stored, or fetched for this batch), with their
// roles' contract kind and occupation. One placements no longer serves is
// dropped.
func (s *Service) candidateIntroductions(ctx context.Context, t *task, st *Stored, roles *roleCache) ([]domain.IntroductionFacts, error) {
	var out []domain.IntroductionFacts
	ids := map[string]bool{}
	if st != nil {
		for _, in := range st.Progress.Introductions {
			ids[in.ID] = true
		}
	}
	for id := range t.intros {
		ids[id] = true
	}
	for id := range ids {
		in, ok := t.intros[id]
		if !ok {
			var err error
			in, err = s.d.Owners.Introduction(ctx, id)
			if errors.Is(err, errs.NotFound) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("introduction %s: %w", id, err)
			}
		}
		if in.CandidateID != t.id {
			continue
		}
		r, err := roles.get(ctx, in.Facts.RoleID)
		if err != nil {
			return nil, err
		}
		f := in.Facts
		f.RoleContract, f.RoleOccupation = r.Contract, r.Occupation
		out = append(out, f)
	}
	return out, nil
}
