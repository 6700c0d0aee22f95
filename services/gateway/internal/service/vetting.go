package service

import (
	"context"
	"fmt"
	"slices"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// Producer names the gateway on the events it publishes.
const Producer = "gateway"

// EventOrganisationStatusChanged announces that an organisation was
// verified, suspended or reinstated. Like every event it carries ids and
// the version only: the organisation is the aggregate, and a consumer
// reads the status through GET /internal/v1/organisations/{id}.
const EventOrganisationStatusChanged = "organisation.status_changed"

// OrganisationStatusReaders are the services that may read an
// organisation's kind and status; insights reads an organisation's kind
// for its reports (a programme's, an observer's).
var OrganisationStatusReaders = []string{"employers", "placements", "candidates", "matching", "notifications", "insights"}

// StatusOutbox stores an organisation's status change together with the
// event announcing it, if the stored version is still prev (else
// errs.Conflict), and keeps the event until it is published.
type StatusOutbox interface {
	SaveStatus(ctx context.Context, o domain.Organisation, prev int64, e events.Envelope) error
	events.Outbox
}

// EventRelay publishes events stored with a write (see events.Relayer).
type EventRelay interface {
	Deliver(ctx context.Context, e events.Envelope)
	Round(ctx context.Context, grace time.Duration) (int, error)
}

// VerifyOrganisation records the checks a platform administrator made and
// verifies a pending employer.
func (s *Service) VerifyOrganisation(ctx context.Context, a Actor, orgID string, checks domain.Verification) (domain.Organisation, error) {
	if err := requireAdmin(a); err != nil {
		return domain.Organisation{}, err
	}
	v, err := domain.NewVerification(checks, a.UserID, s.now())
	if err != nil {
		return domain.Organisation{}, err
	}
	return s.changeStatus(ctx, orgID, func(o *domain.Organisation) error { return o.Verify(v) })
}

// SuspendOrganisation stops an employer at once: the gateway refuses its
// shortlists, introductions, placements and disclosures, and the services
// that hear the event pause its roles and withdraw its requests.
func (s *Service) SuspendOrganisation(ctx context.Context, a Actor, orgID, reason string) (domain.Organisation, error) {
	if err := requireAdmin(a); err != nil {
		return domain.Organisation{}, err
	}
	reason, err := domain.CheckSuspensionReason(reason)
	if err != nil {
		return domain.Organisation{}, err
	}
	susp := domain.Suspension{Reason: reason, SuspendedBy: a.UserID, SuspendedAt: s.now()}
	return s.changeStatus(ctx, orgID, func(o *domain.Organisation) error { return o.Suspend(susp) })
}

// ReinstateOrganisation lifts a suspension (see domain.Organisation.Reinstate).
func (s *Service) ReinstateOrganisation(ctx context.Context, a Actor, orgID string) (domain.Organisation, error) {
	if err := requireAdmin(a); err != nil {
		return domain.Organisation{}, err
	}
	return s.changeStatus(ctx, orgID, func(o *domain.Organisation) error { return o.Reinstate() })
}

// changeStatus applies change to the organisation, stores it with its
// event and publishes the event.
func (s *Service) changeStatus(ctx context.Context, orgID string, change func(*domain.Organisation) error) (domain.Organisation, error) {
	org, err := s.Organisations.ByID(ctx, orgID)
	if err != nil {
		return domain.Organisation{}, fmt.Errorf("organisation: %w", err)
	}
	prev := org.Version
	if err := change(&org); err != nil {
		return domain.Organisation{}, err
	}
	e, err := events.NewEnvelope(EventOrganisationStatusChanged, org.ID, org.Version, Producer)
	if err != nil {
		return domain.Organisation{}, err
	}
	if err := s.StatusOutbox.SaveStatus(ctx, org, prev, e); err != nil {
		return domain.Organisation{}, fmt.Errorf("organisation status: %w", err)
	}
	s.audit().InfoContext(ctx, "organisation status changed", "organisation_id", org.ID, "status", string(org.Status), "version", org.Version)
	if s.Relay != nil {
		s.Relay.Deliver(ctx, e)
	}
	if s.StatusChanged != nil {
		s.StatusChanged(org.ID)
	}
	return org, nil
}

// RelayPending publishes the status events left pending at least grace
// ago and returns how many it published.
func (s *Service) RelayPending(ctx context.Context, grace time.Duration) (int, error) {
	if s.Relay == nil {
		return 0, nil
	}
	return s.Relay.Round(ctx, grace)
}

// OrganisationStatus returns an organisation's kind and status to one of
// the OrganisationStatusReaders; caller is the calling service's name.
func (s *Service) OrganisationStatus(ctx context.Context, caller, orgID string) (domain.Organisation, error) {
	if !slices.Contains(OrganisationStatusReaders, caller) {
		return domain.Organisation{}, fmt.Errorf("only a platform service may read an organisation's status: %w", errs.Forbidden)
	}
	org, err := s.Organisations.ByID(ctx, orgID)
	if err != nil {
		return domain.Organisation{}, fmt.Errorf("organisation: %w", err)
	}
	return org, nil
}

// StatusOf returns an organisation's status for the proxy's gate, with
// no access check: the caller is the gateway itself.
func (s *Service) StatusOf(ctx context.Context, orgID string) (domain.OrgStatus, error) {
	org, err := s.Organisations.ByID(ctx, orgID)
	if err != nil {
		return "", fmt.Errorf("organisation: %w", err)
	}
	return org.Status, nil
}
