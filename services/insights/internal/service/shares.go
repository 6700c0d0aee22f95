package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Share is a programme organisation's consent that an observer
// organisation reads its aggregate reports: who granted it and when. The
// names are organisations' (business names), never a person's.
type Share struct {
	OrganisationID, OrganisationName string
	ObserverID, ObserverName         string
	// GrantedBy is the user id of the admin who granted it.
	GrantedBy string
	GrantedAt time.Time
}

// ShareFilter selects shares: by the organisation that shares, by the
// observer, or all of them when both are empty.
type ShareFilter struct {
	OrganisationID, ObserverID string
}

// ShareStore keeps the shares, one per organisation and observer.
type ShareStore interface {
	// PutShare stores s unless a share of the same organisation and
	// observer exists, and returns the stored one.
	PutShare(ctx context.Context, s Share) (Share, error)
	// Share returns one share, or errs.NotFound.
	Share(ctx context.Context, organisationID, observerID string) (Share, error)
	// DeleteShare removes one share, or returns errs.NotFound.
	DeleteShare(ctx context.Context, organisationID, observerID string) error
	// ListShares returns the shares f selects, newest first.
	ListShares(ctx context.Context, f ShareFilter) ([]Share, error)
}

// Organisation is what the gateway tells of an organisation.
type Organisation struct {
	ID, Kind, Name, Status string
}

// Directory answers who an organisation or a programme is, from the
// services that own them.
type Directory interface {
	// Organisation returns an organisation's kind, name and status, or
	// errs.NotFound.
	Organisation(ctx context.Context, id string) (Organisation, error)
	// ProgrammeOrganisation returns the organisation a programme belongs
	// to, or errs.NotFound.
	ProgrammeOrganisation(ctx context.Context, programmeID string) (string, error)
}

// Sharing lets a programme organisation's admins share its reports with
// observers and take the sharing back.
type Sharing struct {
	store     ShareStore
	directory Directory
	clock     func() time.Time
}

// NewSharing returns the sharing use case.
func NewSharing(store ShareStore, directory Directory, clock func() time.Time) *Sharing {
	if clock == nil {
		clock = time.Now
	}
	return &Sharing{store: store, directory: directory, clock: clock}
}

// Grant shares p's organisation's reports with an observer organisation.
// Only a programme organisation's admins grant; an id that names no
// observer organisation is errs.NotFound. Granting again changes nothing.
func (s *Sharing) Grant(ctx context.Context, p auth.Principal, observerID string) (Share, error) {
	if !isProgrammeAdmin(p) {
		return Share{}, fmt.Errorf("only a programme organisation's admins share its reports: %w", errs.Forbidden)
	}
	if existing, err := s.store.Share(ctx, p.OrgID, observerID); err == nil {
		return existing, nil
	} else if !errors.Is(err, errs.NotFound) {
		return Share{}, err
	}
	observer, err := s.directory.Organisation(ctx, observerID)
	if err != nil {
		return Share{}, fmt.Errorf("observer %s: %w", observerID, err)
	}
	if observer.Kind != auth.OrgKindObserver {
		return Share{}, fmt.Errorf("organisation %s is no observer: %w", observerID, errs.NotFound)
	}
	own, err := s.directory.Organisation(ctx, p.OrgID)
	if err != nil {
		return Share{}, fmt.Errorf("organisation %s: %w", p.OrgID, err)
	}
	return s.store.PutShare(ctx, Share{OrganisationID: p.OrgID, OrganisationName: own.Name,
		ObserverID: observer.ID, ObserverName: observer.Name, GrantedBy: p.Subject, GrantedAt: s.clock().UTC()})
}

// Revoke stops sharing p's organisation's reports with an observer; from
// then on the observer's report of it is errs.NotFound. Only a programme
// organisation's admins revoke; a share that does not exist is
// errs.NotFound.
func (s *Sharing) Revoke(ctx context.Context, p auth.Principal, observerID string) error {
	if !isProgrammeAdmin(p) {
		return fmt.Errorf("only a programme organisation's admins stop sharing its reports: %w", errs.Forbidden)
	}
	return s.store.DeleteShare(ctx, p.OrgID, observerID)
}

// List returns the shares p may see, newest first: a programme
// organisation's admins whom it shares with, an observer's members who
// shares with it, platform admins every share.
func (s *Sharing) List(ctx context.Context, p auth.Principal) ([]Share, error) {
	switch {
	case p.IsAdmin():
		return s.store.ListShares(ctx, ShareFilter{})
	case isProgrammeAdmin(p):
		return s.store.ListShares(ctx, ShareFilter{OrganisationID: p.OrgID})
	case isObserver(p):
		return s.store.ListShares(ctx, ShareFilter{ObserverID: p.OrgID})
	}
	return nil, fmt.Errorf("only platform admins, a programme organisation's admins and observers see sharing: %w", errs.Forbidden)
}
