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
	r := domain.Role{ID: uuid.NewString(), EmployerID: org, Status: domain.StatusDraft, Version: 1, CreatedAt: now, UpdatedAt: now, StatusChangedAt: now, Spec: spec}
	if open {
		if err := s.checkMayOpen(ctx, org); err != nil {
			return domain.Role{}, err
		}
		r.Status = domain.StatusOpen
	}
	e, err := s.envelope(EventRoleChanged, r.ID, r.Version)
	if err != nil {
		return domain.Role{}, err
	}
	insert := func() error {
		if err := s.Roles.InsertRole(ctx, r, e); err != nil {
			return fmt.Errorf("create role: %w", err)
		}
		return nil
	}
	if open {
		err = s.withinCap(ctx, r, insert)
	} else {
		err = insert()
	}
	if err != nil {
		return domain.Role{}, err
	}
	s.deliver(ctx, e)
	return r, nil
}

// Role returns a role the caller may see: an employer its own, staff,
// administrators and candidates open roles. Anything else is
// errs.NotFound.
func (s *Service) Role(ctx context.Context, p auth.Principal, id string) (domain.Role, error) {
	a, err := requireViewer(p)
	if err != nil {
		return domain.Role{}, err
	}
	r, err := s.Roles.Role(ctx, id)
	if err != nil {
		return domain.Role{}, err
	}
	if (a == employer && r.EmployerID != p.OrgID) || (a != employer && r.Status != domain.StatusOpen) {
		return domain.Role{}, fmt.Errorf("role %s: %w", id, errs.NotFound)
	}
	return r, nil
}

// UpdateRole applies change to the caller's role at version, validates the
// result and stores it if nobody changed the role meanwhile.
func (s *Service) UpdateRole(ctx context.Context, p auth.Principal, id string, version int64, change func(*domain.RoleSpec)) (domain.Role, error) {
	return s.changeRole(ctx, p, id, version, func(r *domain.Role) error {
		if err := checkEditable(*r, 0); err != nil {
			return err
		}
		before := r.Spec
		change(&r.Spec)
		return r.Spec.ValidateChange(s.Vocabulary, s.today(), before)
	})
}

// StatusChange asks to move a role to another status. Version 0 means
// "whatever the current version is". ClosingDate, when set, replaces the
// role's closing date in the same write; it is how a role closed because
// its closing date passed is reopened ("" removes the date).
type StatusChange struct {
	To          domain.Status
	Version     int64
	ClosingDate *string
}

// ChangeStatus moves the caller's role to another status if the lifecycle
// allows it now (see domain.Role.CheckMove: a filled or closed role may be
// reopened within domain.ReopenWindow). The role.changed event it
// publishes makes matching recompute, as any change does.
func (s *Service) ChangeStatus(ctx context.Context, p auth.Principal, id string, ch StatusChange) (domain.Role, error) {
	if !ch.To.Valid() {
		return domain.Role{}, errs.Invalid("status", "must be one of: %v", domain.Statuses)
	}
	return s.changeRole(ctx, p, id, ch.Version, func(r *domain.Role) error {
		now := s.Now()
		if err := r.CheckMove(ch.To, now); err != nil {
			return err
		}
		if ch.ClosingDate != nil {
			if err := s.changeClosingDate(r, *ch.ClosingDate); err != nil {
				return err
			}
		}
		// Opening or reopening a role whose closing date has passed would
		// have CloseExpired close it again at once.
		if (ch.To == domain.StatusOpen || r.Status.Final()) && r.Spec.ClosingDate != "" && r.Spec.ClosingDate < s.today() {
			return errs.Invalid("closing_date", "has passed; send a later closing_date (or an empty one) with the status")
		}
		r.SetStatus(ch.To, now)
		return nil
	})
}

// changeClosingDate sets a role's closing date as part of a status change,
// checked by the same rules as an edit.
func (s *Service) changeClosingDate(r *domain.Role, date string) error {
	before := r.Spec
	r.Spec.ClosingDate = date
	return domain.CheckClosingDate(r.Spec, before, s.today())
}

// ValidateRole checks a role draft by the rules of CreateRole, or, when id
// names the caller's role, by those of UpdateRole for that role at version
// (0: any), and stores nothing. A valid draft answers nil, an invalid one
// an *errs.ValidationError listing every problem at once.
func (s *Service) ValidateRole(ctx context.Context, p auth.Principal, id string, version int64, change func(*domain.RoleSpec)) error {
	if _, err := requireEmployer(p); err != nil {
		return err
	}
	if id == "" {
		spec := domain.RoleSpec{Positions: 1}
		change(&spec)
		spec.ApplyTemplate(s.Vocabulary)
		return spec.Validate(s.Vocabulary, s.today())
	}
	r, err := s.Role(ctx, p, id)
	if err != nil {
		return err
	}
	if err := checkEditable(r, version); err != nil {
		return err
	}
	before := r.Spec
	change(&r.Spec)
	return r.Spec.ValidateChange(s.Vocabulary, s.today(), before)
}

// checkEditable refuses an edit of a final role or of a stale version.
func checkEditable(r domain.Role, version int64) error {
	if version != 0 && version != r.Version {
		return fmt.Errorf("role %s is at version %d, not %d; reload it: %w", r.ID, r.Version, version, errs.Conflict)
	}
	if r.Status == domain.StatusFilled || r.Status == domain.StatusClosed {
		return fmt.Errorf("a %s role can no longer be edited: %w", r.Status, errs.Conflict)
	}
	return nil
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
	before := r
	if err := apply(&r); err != nil {
		return domain.Role{}, err
	}
	if r.Status == domain.StatusOpen && before.Status != domain.StatusOpen {
		if err := s.checkMayOpen(ctx, org); err != nil {
			return domain.Role{}, err
		}
	}
	// Opening a role, or moving an open one to another occupation or
	// site, must keep the employer within the role cap.
	if r.Status == domain.StatusOpen && (before.Status != domain.StatusOpen || domain.AreaChanged(before.Spec, r.Spec)) {
		return r, s.withinCap(ctx, r, func() error { return s.saveRole(ctx, &r) })
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
