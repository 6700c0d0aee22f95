package service

import (
	"context"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// Locker hands out short-lived named locks (Redis in production).
type Locker interface {
	Lock(ctx context.Context, key string) (unlock func(), err error)
}

// Default role cap: three open roles of one occupation within 30 km.
const (
	DefaultRoleCapPerArea  = 3
	DefaultRoleCapRadiusKm = 30
)

// withinCap runs write if r, about to be stored, keeps its employer within
// the role cap (see domain.RoleCap), and answers a *domain.RoleCapError if
// not. FerretDB has no multi-document transactions and an area is a
// distance, not a key a unique index could hold, so the count and the
// write run under one lock per employer: two openings by the same employer
// run one after the other, and the second counts the first.
func (s *Service) withinCap(ctx context.Context, r domain.Role, write func() error) error {
	unlock, err := s.Locks.Lock(ctx, "role-cap/"+r.EmployerID)
	if err != nil {
		return err
	}
	defer unlock()
	others, err := s.openRoles(ctx, r.EmployerID, r.ID)
	if err != nil {
		return err
	}
	if err := s.Cap.Check(r.Spec, others); err != nil {
		return err
	}
	return write()
}

// openRoles returns every open role of employer but the one with id skip.
func (s *Service) openRoles(ctx context.Context, employer, skip string) ([]domain.Role, error) {
	var out []domain.Role
	page := mongox.PageRequest{Limit: mongox.MaxPageSize}
	for {
		batch, next, err := s.Roles.ListRoles(ctx, domain.RoleFilter{EmployerID: employer, Status: domain.StatusOpen}, page)
		if err != nil {
			return nil, err
		}
		for _, r := range batch {
			if r.ID != skip {
				out = append(out, r)
			}
		}
		if next == "" {
			return out, nil
		}
		page.Cursor = next
	}
}
