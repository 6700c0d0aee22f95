package service

import (
	"context"
	"fmt"
	"slices"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// Rebuild recomputes every progress document and every count from the
// owners' listings into a new generation of the collections and swaps it
// in, carrying the anonymous totals over unchanged. Events absorbed
// meanwhile go on into the live generation and mark their candidates
// dirty; after the swap those are refolded into the new one, so nothing
// absorbed during the rebuild is lost. It is what a first start and a
// recreated consumer group (events lost) call.
func (s *Service) Rebuild(ctx context.Context) error {
	var gen, old int
	err := s.locked(ctx, func(meta Meta) error {
		var err error
		old = meta.Generation
		gen, err = s.d.Store.BeginRebuild(ctx)
		return err
	})
	if err != nil {
		return err
	}
	now := s.now()
	progress, err := s.readListings(ctx)
	if err != nil {
		return err
	}
	if err := s.writeGeneration(ctx, gen, progress, now); err != nil {
		return err
	}
	if err := s.refoldMissing(ctx, old, progress); err != nil {
		return err
	}
	if err := s.locked(ctx, func(Meta) error { return s.d.Store.SwapGeneration(ctx, gen, midnight(now)) }); err != nil {
		return err
	}
	s.d.Logger.InfoContext(ctx, "insights: rebuilt the read model", "generation", gen, "candidates", len(progress))
	if err := s.CatchUp(ctx); err != nil {
		return err
	}
	return s.d.Store.DropGeneration(ctx, old)
}

// CatchUp refolds the candidates absorbed while the live generation was
// being rebuilt, then forgets them; a crash in between is caught up on
// the next start.
func (s *Service) CatchUp(ctx context.Context) error {
	meta, err := s.d.Store.Meta(ctx)
	if err != nil {
		return err
	}
	dirty, err := s.d.Store.Dirty(ctx, meta.Generation)
	if err != nil {
		return err
	}
	if err := s.RefoldCandidates(ctx, dirty); err != nil {
		return err
	}
	return s.d.Store.ForgetDirty(ctx, meta.Generation)
}

// refoldMissing refolds, in the live generation, the candidates it holds
// that the owners' listings left out: erased ones whose erasure was not
// absorbed (the event lost with a recreated group, or still queued) move
// to the anonymous totals before their living counts are dropped with
// the old generation, and ones registered after the listing was read are
// marked dirty for the catch-up.
func (s *Service) refoldMissing(ctx context.Context, old int, progress map[string]*domain.Progress) error {
	ids, err := s.d.Store.StoredIDs(ctx, old)
	if err != nil {
		return err
	}
	missing := slices.DeleteFunc(ids, func(id string) bool { return progress[id] != nil })
	return s.RefoldCandidates(ctx, missing)
}

// readListings joins the owners' listings into every living candidate's
// progress, with their roles' contract kinds and occupations.
func (s *Service) readListings(ctx context.Context) (map[string]*domain.Progress, error) {
	progress := map[string]*domain.Progress{}
	err := s.d.Owners.EachCandidate(ctx, func(p domain.Progress) error {
		progress[p.CandidateID] = &p
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = s.d.Owners.EachShortlisting(ctx, func(id string, at time.Time) error {
		if p := progress[id]; p != nil {
			p.FirstShortlistedAt = at
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	roles := map[string]Role{}
	err = s.d.Owners.EachIntroduction(ctx, func(in Introduction) error {
		if p := progress[in.CandidateID]; p != nil {
			p.Introductions = append(p.Introductions, in.Facts)
			roles[in.Facts.RoleID] = Role{}
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := s.readRoles(ctx, roles); err != nil {
		return nil, err
	}
	for _, p := range progress {
		for i := range p.Introductions {
			r := roles[p.Introductions[i].RoleID]
			p.Introductions[i].RoleContract, p.Introductions[i].RoleOccupation = r.Contract, r.Occupation
		}
	}
	return progress, nil
}

// readRoles fills in every role named, several at a time.
func (s *Service) readRoles(ctx context.Context, roles map[string]Role) error {
	cache := &roleCache{owners: s.d.Owners, roles: map[string]Role{}}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(s.d.Fetchers)
	for id := range roles {
		g.Go(func() error {
			_, err := cache.get(gctx, id)
			return err
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	for id := range roles {
		roles[id] = cache.roles[id]
	}
	return nil
}

// writeGeneration folds every candidate as of now and writes the new
// generation: the progress documents a chunk at a time, then the role
// and refold-day indexes, then the counts summed in memory.
func (s *Service) writeGeneration(ctx context.Context, gen int, progress map[string]*domain.Progress, now time.Time) error {
	ids := make([]string, 0, len(progress))
	for id := range progress {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	counts := domain.NewCounts()
	roles := map[string][]string{}
	days := map[time.Time][]string{}
	for chunk := range slices.Chunk(ids, s.d.Chunk) {
		docs := make([]Change, 0, len(chunk))
		for _, id := range chunk {
			p := canonical(*progress[id])
			c := domain.ContributionsOf(p, now)
			counts.Apply(c.Counts())
			ch := Change{CandidateID: id, Progress: p, Contributions: c, FoldedAt: now, RefoldDays: domain.RefoldDays(p, now), Roles: roleIDs(p)}
			for _, r := range ch.Roles {
				roles[r] = append(roles[r], id)
			}
			for _, d := range ch.RefoldDays {
				days[d] = append(days[d], id)
			}
			docs = append(docs, ch)
		}
		if err := s.d.Store.WriteRebuilt(ctx, gen, docs); err != nil {
			return fmt.Errorf("rebuild generation %d: %w", gen, err)
		}
	}
	if err := s.d.Store.WriteRebuiltIndexes(ctx, gen, roles, days); err != nil {
		return fmt.Errorf("rebuild generation %d: %w", gen, err)
	}
	if err := s.d.Store.WriteRebuiltCounts(ctx, gen, counts); err != nil {
		return fmt.Errorf("rebuild generation %d: %w", gen, err)
	}
	return nil
}
