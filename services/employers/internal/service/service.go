// Package service holds the employers service's use cases: profiles, roles
// and their lifecycle, who may see what, and the reliable publication of
// events. It declares the ports it needs; adapters implement them.
package service

import (
	"context"
	"log/slog"
	"time"

	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// Event types this service publishes. Envelopes carry ids and versions only.
const (
	EventRoleChanged     = "role.changed"
	EventEmployerUpdated = "employer.updated"
	// Producer names this service in every envelope.
	Producer = "employers"
)

// RoleStore keeps roles. Every write carries the event it causes, stored in
// the same single-document write (an outbox without transactions), so a
// failed write records no event.
type RoleStore interface {
	// InsertRole stores a new role with its pending event.
	InsertRole(ctx context.Context, r domain.Role, e events.Envelope) error
	// UpdateRole replaces the role whose version is still prev; a role whose
	// version moved on is an errs.Conflict, a missing one errs.NotFound.
	UpdateRole(ctx context.Context, r domain.Role, prev int64, e events.Envelope) error
	// Role returns a role by id or errs.NotFound.
	Role(ctx context.Context, id string) (domain.Role, error)
	// ListRoles returns a page of roles matching f in id order.
	ListRoles(ctx context.Context, f domain.RoleFilter, page mongox.PageRequest) ([]domain.Role, string, error)
	// RoleVersions returns a page of every role's id and version.
	RoleVersions(ctx context.Context, page mongox.PageRequest) ([]RoleVersion, string, error)
	// RoleViews returns a page of every role in id order, whatever its
	// status, at most MaxViewsPageSize long.
	RoleViews(ctx context.Context, page mongox.PageRequest) ([]domain.Role, string, error)
	// RolesClosingBefore returns up to limit roles not yet final whose
	// closing date is before day.
	RolesClosingBefore(ctx context.Context, day string, limit int) ([]domain.Role, error)
}

// ProfileStore keeps employer profiles, with the same outbox rule as
// RoleStore.
type ProfileStore interface {
	// InsertProfile stores a new profile; one that exists already is an
	// errs.Conflict.
	InsertProfile(ctx context.Context, p domain.Profile, e events.Envelope) error
	// UpdateProfile replaces the profile whose version is still prev.
	UpdateProfile(ctx context.Context, p domain.Profile, prev int64, e events.Envelope) error
	// Profile returns a profile by id or errs.NotFound.
	Profile(ctx context.Context, id string) (domain.Profile, error)
}

// Outbox reaches the events stored beside roles and profiles.
type Outbox interface {
	// PendingEvents returns up to limit events still waiting to be
	// published.
	PendingEvents(ctx context.Context, limit int) ([]events.Envelope, error)
	// MarkPublished removes a published event from its document.
	MarkPublished(ctx context.Context, e events.Envelope) error
}

// Publisher puts an event on the stream its type belongs to.
type Publisher interface {
	Publish(ctx context.Context, e events.Envelope) error
}

// MaxViewsPageSize bounds a page of role views. It is larger than other
// pages because the matching service loads every role at start.
const MaxViewsPageSize = 500

// RoleVersion is a role's id and current version, for other services that
// keep a copy of roles in step.
type RoleVersion struct {
	ID      string
	Version int64
}

// Deps are what the service is built from.
type Deps struct {
	Roles      RoleStore
	Profiles   ProfileStore
	Outbox     Outbox
	Publisher  Publisher
	Vocabulary domain.Vocabulary
	// Locks serialise each employer's role openings, so the role cap's
	// count and the write that follows it cannot interleave.
	Locks Locker
	// Cap bounds the open roles an employer holds per occupation and
	// area; zero fields take the defaults.
	Cap    domain.RoleCap
	Logger *slog.Logger
	// OrgStatuses keeps the employers' vetting statuses learnt from the
	// gateway (OrgStatusSource); with either nil, every employer may open
	// roles, as in unit tests that do not vet.
	OrgStatuses     OrgStatusStore
	OrgStatusSource OrgStatusSource
	// Now is the clock; tests move it. Defaults to time.Now.
	Now func() time.Time
}

// Service is the employers service's use cases.
type Service struct {
	Deps
	relay *events.Relayer
}

// New returns the service.
func New(d Deps) *Service {
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.Cap.PerArea <= 0 {
		d.Cap.PerArea = DefaultRoleCapPerArea
	}
	if d.Cap.RadiusKm <= 0 {
		d.Cap.RadiusKm = DefaultRoleCapRadiusKm
	}
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	return &Service{Deps: d, relay: &events.Relayer{Outbox: d.Outbox, Sink: d.Publisher, Logger: d.Logger, Now: d.Now}}
}

func (s *Service) today() string { return s.Now().UTC().Format(time.DateOnly) }
