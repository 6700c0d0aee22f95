package owners

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/vocab"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

// Roles reaches the employers service's internal API. It is safe for
// concurrent use.
type Roles struct {
	c *client
}

// NewRoles returns a client of the employers service at baseURL, calling
// with service tokens from tokens.
func NewRoles(baseURL string, tokens auth.TokenSource, o Options) (*Roles, error) {
	c, err := newClient(baseURL, "employers", tokens, o.Transport, o.Timeout)
	if err != nil {
		return nil, err
	}
	return &Roles{c: c}, nil
}

// Versions returns a page of every role's id and version, whatever its
// status, and the cursor of the next page ("" after the last).
func (r *Roles) Versions(ctx context.Context, cursor string) ([]feed.Version, string, error) {
	after, limit := pageParams(cursor, VersionsPageSize)
	resp, err := r.c.api.ListRoleVersionsByNameWithResponse(ctx, &api.ListRoleVersionsByNameParams{Cursor: after, Limit: limit})
	p, err := ok[api.VersionPage]("GET /internal/v1/roles/versions", resp, err)
	if err != nil {
		return nil, "", err
	}
	return toVersions(p.Items), nextCursor(p.NextCursor), nil
}

// EachVersion calls fn with every role's id and version, a page at a time.
func (r *Roles) EachVersion(ctx context.Context, fn func(feed.Version) error) error {
	return eachPage(ctx, r.Versions, fn)
}

// EachView calls fn with every role, whatever its status, a page at a
// time. Roles are few next to candidates, so the employers service pages
// them rather than streaming.
func (r *Roles) EachView(ctx context.Context, fn func(engine.Role) error) error {
	return eachPage(ctx, func(ctx context.Context, cursor string) ([]engine.Role, string, error) {
		return r.Views(ctx, cursor, ViewsPageSize)
	}, fn)
}

// eachPage walks every page of a listing and calls fn with each item.
func eachPage[T any](ctx context.Context, page func(ctx context.Context, cursor string) ([]T, string, error), fn func(T) error) error {
	for cursor := ""; ; {
		items, next, err := page(ctx, cursor)
		if err != nil {
			return err
		}
		for _, it := range items {
			if err := fn(it); err != nil {
				return err
			}
		}
		if cursor = next; cursor == "" {
			return nil
		}
	}
}

// Role returns a role in full, whatever its status (Open only when it is
// open). A role the employers service does not have is an error wrapping
// errs.NotFound.
func (r *Roles) Role(ctx context.Context, id string) (engine.Role, error) {
	resp, err := r.c.api.GetRoleViewWithResponse(ctx, id)
	b, err := ok[api.Role]("GET /internal/v1/roles/"+id, resp, err)
	if err != nil {
		return engine.Role{}, err
	}
	return toEngineRole(*b)
}

// Views returns a page of up to limit (at most ViewsPageSize) roles in id
// order, whatever their status, and the cursor of the next page.
func (r *Roles) Views(ctx context.Context, cursor string, limit int) ([]engine.Role, string, error) {
	after, n := pageParams(cursor, min(limit, ViewsPageSize))
	resp, err := r.c.api.ListRoleViewsWithResponse(ctx, &api.ListRoleViewsParams{Cursor: after, Limit: n})
	p, err := ok[api.RolePage]("GET /internal/v1/roles/views", resp, err)
	if err != nil {
		return nil, "", err
	}
	out := make([]engine.Role, 0, len(p.Items))
	for _, b := range p.Items {
		role, err := toEngineRole(b)
		if err != nil {
			return nil, "", err
		}
		out = append(out, role)
	}
	return out, nextCursor(p.NextCursor), nil
}

// toEngineRole converts a role. It is Open only with status "open"; a role
// that is remote or has no coordinates has no Site.
func toEngineRole(b api.Role) (engine.Role, error) {
	r := engine.Role{
		ID: b.ID, EmployerID: b.EmployerID, Version: b.Version, Open: b.Status == api.RoleStatusOpen,
		Title: b.Title, Sector: b.Sector, HoursPerWeek: b.HoursPerWeek, Contract: string(b.Contract),
		DayReleaseOK: b.DayReleaseOk,
		Essential:    toRequirements(b.EssentialSkills), Optional: toRequirements(b.OptionalSkills),
	}
	if b.ID == "" || b.Version < 1 {
		return r, fmt.Errorf("owners: role without id or version")
	}
	if s := b.Site; s != nil && !b.Remote && s.Lat != nil && s.Lon != nil {
		r.Site = &engine.Point{Lat: *s.Lat, Lon: *s.Lon}
	}
	for _, l := range b.Languages {
		rank := vocab.CEFRRank(string(l.MinLevel))
		if rank < 0 {
			return r, fmt.Errorf("owners: role %s: language level is not CEFR", b.ID)
		}
		r.Languages = append(r.Languages, engine.LanguageRequirement{Code: l.Code, MinRank: rank})
	}
	var err error
	if r.Shifts, err = toShifts(b.Schedule); err != nil {
		return r, fmt.Errorf("owners: role %s: %w", b.ID, err)
	}
	if !b.StartAsap {
		if r.StartDate, err = toDay("start_date", value(b.StartDate)); err != nil {
			return r, fmt.Errorf("owners: role %s: %w", b.ID, err)
		}
	}
	return r, nil
}

func toRequirements(list []api.RoleSkill) []engine.Requirement {
	if len(list) == 0 {
		return nil
	}
	out := make([]engine.Requirement, len(list))
	for i, q := range list {
		out[i] = engine.Requirement{Skill: q.Skill, MinLevel: q.MinLevel}
	}
	return out
}

// toShifts converts a schedule: days with one window become one shift per
// day, shifts stay shifts; no schedule is no shifts.
func toShifts(s *api.Schedule) ([]engine.Shift, error) {
	if s == nil {
		return nil, nil
	}
	var out []engine.Shift
	add := func(day api.Weekday, start, end string) error {
		wd, err := toWeekday("schedule day", day)
		if err != nil {
			return err
		}
		sh := engine.Shift{Weekday: wd}
		if sh.Start, err = toMinutes("schedule start", start); err != nil {
			return err
		}
		if sh.End, err = toMinutes("schedule end", end); err != nil {
			return err
		}
		out = append(out, sh)
		return nil
	}
	for _, d := range value(s.Days) {
		if err := add(d, value(s.Start), value(s.End)); err != nil {
			return nil, err
		}
	}
	for _, sh := range value(s.Shifts) {
		if err := add(sh.Day, sh.Start, sh.End); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Roles implements the feed's port.
var _ feed.RoleSource = (*Roles)(nil)
