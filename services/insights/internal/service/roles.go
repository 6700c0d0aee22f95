package service

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// roleCache remembers the roles read during one refold, so a role named
// by many candidates is read once.
type roleCache struct {
	owners Owners
	mu     sync.Mutex
	roles  map[string]Role
}

// get returns the role, unknown (empty) when the employers service does
// not have it.
func (c *roleCache) get(ctx context.Context, id string) (Role, error) {
	if id == "" {
		return Role{}, nil
	}
	c.mu.Lock()
	r, ok := c.roles[id]
	c.mu.Unlock()
	if ok {
		return r, nil
	}
	r, err := c.owners.Role(ctx, id)
	switch {
	case errors.Is(err, errs.NotFound):
		r = Role{}
	case err != nil:
		return Role{}, fmt.Errorf("role %s: %w", id, err)
	}
	c.mu.Lock()
	c.roles[id] = r
	c.mu.Unlock()
	return r, nil
}

// roleIDs returns the roles the candidate's introductions name, sorted.
func roleIDs(p domain.Progress) []string {
	var out []string
	for _, in := range p.Introductions {
		if in.RoleID != "" && !slices.Contains(out, in.RoleID) {
			out = append(out, in.RoleID)
		}
	}
	slices.Sort(out)
	return out
}
