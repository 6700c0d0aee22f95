package peerstest

import (
	"context"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/services/insights/internal/adapters/peers"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// Owners answers as the owners would, in-process and through the same
// converters as the HTTP client, for benchmarks of the fold apart from
// HTTP.
type Owners struct{ W *World }

var _ service.Owners = Owners{}

// kinds returns every programme's kind.
func (o Owners) kinds() map[string]string {
	out := make(map[string]string, len(o.W.programmes))
	for id, p := range o.W.programmes {
		out[id] = string(p.Kind)
	}
	return out
}

// Candidate returns the candidate's own facts, or errs.NotFound.
func (o Owners) Candidate(_ context.Context, id string) (domain.Progress, error) {
	o.W.mu.Lock()
	defer o.W.mu.Unlock()
	v, ok := o.W.views[id]
	if !ok {
		return domain.Progress{}, fmt.Errorf("candidate %s: %w", id, errs.NotFound)
	}
	return peers.ProgressOf(v, o.kinds(), geo.Default()), nil
}

// FirstShortlisted returns the first shortlisting's time, zero if none.
func (o Owners) FirstShortlisted(_ context.Context, id string) (time.Time, error) {
	o.W.mu.Lock()
	defer o.W.mu.Unlock()
	return o.W.shortlists[id].FirstAt.UTC(), nil
}

// Introduction returns an introduction's facts, or errs.NotFound.
func (o Owners) Introduction(_ context.Context, id string) (service.Introduction, error) {
	o.W.mu.Lock()
	defer o.W.mu.Unlock()
	f, ok := o.W.facts[id]
	if !ok {
		return service.Introduction{}, fmt.Errorf("introduction %s: %w", id, errs.NotFound)
	}
	return peers.IntroductionOf(f)
}

// Role returns a role's contract kind and occupation, or errs.NotFound.
func (o Owners) Role(_ context.Context, id string) (service.Role, error) {
	o.W.mu.Lock()
	defer o.W.mu.Unlock()
	r, ok := o.W.roles[id]
	if !ok {
		return service.Role{}, fmt.Errorf("role %s: %w", id, errs.NotFound)
	}
	return peers.RoleOf(r), nil
}

// EachCandidate calls fn with every candidate's own facts.
func (o Owners) EachCandidate(ctx context.Context, fn func(domain.Progress) error) error {
	for _, v := range o.W.snapshotViews() {
		o.W.mu.Lock()
		p := peers.ProgressOf(v, o.kinds(), geo.Default())
		o.W.mu.Unlock()
		if err := fn(p); err != nil {
			return err
		}
	}
	return nil
}

// EachShortlisting calls fn with every first shortlisting.
func (o Owners) EachShortlisting(_ context.Context, fn func(string, time.Time) error) error {
	for _, s := range o.W.snapshotShortlists() {
		if err := fn(s.CandidateID, s.FirstAt.UTC()); err != nil {
			return err
		}
	}
	return nil
}

// EachIntroduction calls fn with every introduction's facts.
func (o Owners) EachIntroduction(_ context.Context, fn func(service.Introduction) error) error {
	for _, f := range o.W.snapshotFacts() {
		in, err := peers.IntroductionOf(f)
		if err != nil {
			return err
		}
		if err := fn(in); err != nil {
			return err
		}
	}
	return nil
}
