package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// CreateRole posts a new role for the caller's organisation, as a draft or,
// when open is true, open at once.
func (s *Service) CreateRole(ctx context.Context, p auth.Principal, spec domain.RoleSpec, open bool) (domain.Role, error) {
	org, err := requireEmployer(p)
	if err != nil {
		return domain.Role{}, err
	}
	spec.ApplyTemplate(s.Vocabulary)
	if err := spec.Validate(s.Vocabulary, s.today()); err != nil {
		return domain.Role{}, err
	}
	now := s.Now().UTC()
	r := domain.Role{ID: uuid.NewString(), EmployerID: org, Status: domain.StatusDraft, Version: 1, CreatedAt: now, UpdatedAt: now, Spec: spec}
	if open {
		r.Status = domain.StatusOpen
	}
	e, err := s.envelope(EventRoleChanged, r.ID, r.Version)
	if err != nil {
		return domain.Role{}, err
	}
	if err := s.Roles.InsertRole(ctx, r, e); err != nil {
		return domain.Role{}, fmt.Errorf("create role: %w", err)
	}
	s.deliver(ctx, e)
	return r, nil
}

// Role returns a role the caller may see: an employer its own, staff and
// administrators open roles. Anything else is errs.NotFound.
func (s *Service) Role(ctx context.Context, p auth.Principal, id string) (domain.Role, error) {
	a, err := requireSomeone(p)
	if err != nil {
		return domain.Role{}, err
	}
	r, err := s.Roles.Role(ctx, id)
	if err != nil {
		return domain.Role{}, err
	}
	if (a == employer && r.EmployerID != p.OrgID) || (a == reader && r.Status != domain.StatusOpen) {
		return domain.Role{}, fmt.Errorf("role %s: %w", id, errs.NotFound)
	}
	return r, nil
}

// UpdateRole applies change to the caller's role at version, validates the
// result and stores it if nobody changed the role meanwhile.
func (s *Service) UpdateRole(ctx context.Context, p auth.Principal, id string, version int64, change func(*domain.RoleSpec)) (domain.Role, error) {
	return s.changeRole(ctx, p, id, version, func(r *domain.Role) error {
		if r.Status == domain.StatusFilled || r.Status == domain.StatusClosed {
			return fmt.Errorf("a %s role can no longer be edited: %w", r.Status, errs.Conflict)
		}
		before := r.Spec
		change(&r.Spec)
		return r.Spec.ValidateChange(s.Vocabulary, s.today(), before)
	})
}

// ChangeStatus moves the caller's role to status if the lifecycle allows
// it. version 0 means "whatever the current version is".
func (s *Service) ChangeStatus(ctx context.Context, p auth.Principal, id string, version int64, to domain.Status) (domain.Role, error) {
	if !to.Valid() {
		return domain.Role{}, errs.Invalid("status", "must be one of: %v", domain.Statuses)
	}
	return s.changeRole(ctx, p, id, version, func(r *domain.Role) error {
		if err := domain.CheckTransition(r.Status, to); err != nil {
			return err
		}
		if to == domain.StatusOpen && r.Spec.ClosingDate != "" && r.Spec.ClosingDate < s.today() {
			return errs.Invalid("closing_date", "has passed; set a later closing date before opening the role")
		}
		r.Status = to
		return nil
	})
}

func (s *Service) changeRole(ctx context.Context, p auth.Principal, id string, version int64, apply func(*domain.Role) error) (domain.Role, error) {
	org, err := requireEmployer(p)
	if err != nil {
		return domain.Role{}, err
	}
	r, err := s.Roles.Role(ctx, id)
	if err != nil {
		return domain.Role{}, err
	}
	if r.EmployerID != org {
		return domain.Role{}, fmt.Errorf("role %s: %w", id, errs.NotFound)
	}
	if version != 0 && version != r.Version {
		return domain.Role{}, fmt.Errorf("role %s is at version %d, not %d; reload it: %w", id, r.Version, version, errs.Conflict)
	}
	if err := apply(&r); err != nil {
		return domain.Role{}, err
	}
	return r, s.saveRole(ctx, &r)
}

// saveRole bumps the version and stores r if it is still at its old one.
func (s *Service) saveRole(ctx context.Context, r *domain.Role) error {
	prev := r.Version
	r.Version++
	r.UpdatedAt = s.Now().UTC()
	e, err := s.envelope(EventRoleChanged, r.ID, r.Version)
	if err != nil {
		return err
	}
	if err := s.Roles.UpdateRole(ctx, *r, prev, e); err != nil {
		return fmt.Errorf("save role %s: %w", r.ID, err)
	}
	s.deliver(ctx, e)
	return nil
}

// Near asks for roles whose site lies within Km of a gazetteer place.
type Near struct {
	PlaceID string
	Km      float64
}

// maxNearScan bounds how many roles one distance-filtered page reads: the
// distance filter runs in memory, after the store's query, because FerretDB
// has no geospatial index.
const maxNearScan = 1000

// ListRoles returns a page of the roles the caller may see: an employer its
// own, staff and administrators open roles of every employer.
func (s *Service) ListRoles(ctx context.Context, p auth.Principal, f domain.RoleFilter, near *Near, page mongox.PageRequest) ([]domain.Role, string, error) {
	a, err := requireSomeone(p)
	if err != nil {
		return nil, "", err
	}
	if a == employer {
		f.EmployerID = p.OrgID
	} else {
		if f.Status != "" && f.Status != domain.StatusOpen {
			return nil, "", nil
		}
		f.Status = domain.StatusOpen
	}
	if near == nil {
		return s.Roles.ListRoles(ctx, f, page)
	}
	_, lat, lon, ok := s.Vocabulary.Place(near.PlaceID)
	if !ok {
		return nil, "", errs.Invalid("near", "is not a known place id")
	}
	return s.listNear(ctx, f, page, func(r domain.Role) bool {
		site := r.Spec.Site
		return site != nil && site.Lat != nil && site.Lon != nil && geo.DistanceKm(lat, lon, *site.Lat, *site.Lon) <= near.Km
	})
}

func (s *Service) listNear(ctx context.Context, f domain.RoleFilter, page mongox.PageRequest, keep func(domain.Role) bool) ([]domain.Role, string, error) {
	limit := page.Limit
	if limit <= 0 || limit > mongox.MaxPageSize {
		limit = mongox.DefaultPageSize
	}
	var out []domain.Role
	cursor := page.Cursor
	for scanned := 0; scanned < maxNearScan; {
		batch, next, err := s.Roles.ListRoles(ctx, f, mongox.PageRequest{Cursor: cursor, Limit: mongox.MaxPageSize})
		if err != nil {
			return nil, "", err
		}
		for i, r := range batch {
			scanned++
			if keep(r) {
				out = append(out, r)
			}
			if len(out) == limit {
				if i == len(batch)-1 && next == "" {
					return out, "", nil
				}
				return out, mongox.EncodeCursor(r.ID), nil
			}
		}
		if next == "" {
			return out, "", nil
		}
		cursor = next
	}
	return out, cursor, nil
}

// InternalRole returns any role by id, for other services.
func (s *Service) InternalRole(ctx context.Context, p auth.Principal, id string) (domain.Role, error) {
	if err := requireService(p); err != nil {
		return domain.Role{}, err
	}
	return s.Roles.Role(ctx, id)
}

// RoleVersions returns a page of every role's id and version, for other
// services.
func (s *Service) RoleVersions(ctx context.Context, p auth.Principal, page mongox.PageRequest) ([]RoleVersion, string, error) {
	if err := requireService(p); err != nil {
		return nil, "", err
	}
	return s.Roles.RoleVersions(ctx, page)
}

// RoleViews returns a page of every role in full, whatever its status,
// for another service's initial load.
func (s *Service) RoleViews(ctx context.Context, p auth.Principal, page mongox.PageRequest) ([]domain.Role, string, error) {
	if err := requireService(p); err != nil {
		return nil, "", err
	}
	return s.Roles.RoleViews(ctx, page)
}

func requireService(p auth.Principal) error {
	if !p.IsService() {
		return errors.Join(errors.New("the internal API takes service tokens only"), errs.Forbidden)
	}
	return nil
}
