package owners

import (
	"cmp"
	"context"
	"slices"
	"sync"
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// Training answers which programmes on the platform train a skill, from
// the candidates service's programme catalogue, read at most once per TTL.
// It implements results.Programmes.
type Training struct {
	Candidates *Candidates
	// TTL is how long one reading of the catalogue is used; programmes
	// change rarely.
	TTL time.Duration

	mu      sync.Mutex
	read    time.Time
	bySkill map[string][]results.Programme
}

// Training returns the programmes that train skillID, by name.
func (t *Training) Training(ctx context.Context, skillID string) ([]results.Programme, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.bySkill == nil || time.Since(t.read) > t.TTL {
		all, err := t.Candidates.Programmes(ctx)
		if err != nil {
			return nil, err
		}
		t.bySkill = map[string][]results.Programme{}
		for _, p := range all {
			for _, s := range p.Skills {
				t.bySkill[s] = append(t.bySkill[s], results.Programme{Kind: p.Kind, Name: p.Name})
			}
		}
		for s := range t.bySkill {
			slices.SortFunc(t.bySkill[s], func(a, b results.Programme) int { return cmp.Compare(a.Name, b.Name) })
		}
		t.read = time.Now()
	}
	return t.bySkill[skillID], nil
}
