package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// EventOrganisationStatusChanged is the gateway's event on its stream when
// an organisation is verified, suspended or reinstated. It carries the
// organisation's id and version; the status is read from the gateway.
const EventOrganisationStatusChanged = "organisation.status_changed"

// OrgStatusStore keeps the vetting statuses this service has learnt, so
// opening a role needs no call to the gateway. OrgStatus of an
// organisation never seen is errs.NotFound; SaveOrgStatus keeps a
// standing only if its version is higher than the one kept, so a reading
// that arrives late never overwrites a newer one.
type OrgStatusStore interface {
	OrgStatus(ctx context.Context, orgID string) (domain.OrgStatus, error)
	SaveOrgStatus(ctx context.Context, orgID string, s domain.OrgStanding) error
}

// OrgStatusSource is the gateway, which owns organisations' statuses; an
// unknown organisation is errs.NotFound.
type OrgStatusSource interface {
	OrgStatus(ctx context.Context, orgID string) (domain.OrgStanding, error)
}

// orgStatus returns what this service knows of orgID's status, asking the
// gateway (and remembering the answer) for one it has not seen.
func (s *Service) orgStatus(ctx context.Context, orgID string) (domain.OrgStatus, error) {
	status, err := s.OrgStatuses.OrgStatus(ctx, orgID)
	if err == nil {
		return status, nil
	}
	if !errors.Is(err, errs.NotFound) {
		return "", fmt.Errorf("organisation status: %w", err)
	}
	standing, err := s.OrgStatusSource.OrgStatus(ctx, orgID)
	if errors.Is(err, errs.NotFound) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("organisation status from the gateway: %w", err)
	}
	if err := s.OrgStatuses.SaveOrgStatus(ctx, orgID, standing); err != nil {
		return "", err
	}
	return standing.Status, nil
}

// checkMayOpen refuses to open a role of an employer that is not
// verified. Without a status source (unit tests that do not vet) every
// employer may.
func (s *Service) checkMayOpen(ctx context.Context, orgID string) error {
	if s.OrgStatusSource == nil || s.OrgStatuses == nil {
		return nil
	}
	status, err := s.orgStatus(ctx, orgID)
	if err != nil {
		return err
	}
	return domain.CheckMayOpenRoles(status)
}

// HandleGatewayEvent learns an organisation's new status from the
// gateway when told it changed, and pauses a suspended employer's open
// roles (each with its role.changed event, so matching drops them). A
// failure returns an error, and the event is delivered again.
func (s *Service) HandleGatewayEvent(ctx context.Context, e events.Envelope) error {
	if e.Type != EventOrganisationStatusChanged || s.OrgStatusSource == nil || s.OrgStatuses == nil {
		return nil
	}
	standing, err := s.OrgStatusSource.OrgStatus(ctx, e.AggregateID)
	if errors.Is(err, errs.NotFound) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("organisation status from the gateway: %w", err)
	}
	if err := s.OrgStatuses.SaveOrgStatus(ctx, e.AggregateID, standing); err != nil {
		return err
	}
	if standing.Status != domain.OrgSuspended {
		return nil
	}
	n, err := s.PauseOpenRoles(ctx, e.AggregateID)
	if err != nil {
		return err
	}
	s.Logger.InfoContext(ctx, "paused the roles of a suspended employer", "employer_id", e.AggregateID, "roles", n)
	return nil
}

// PauseOpenRoles pauses every open role of employer and returns how many
// it paused. A role changed meanwhile is read again.
func (s *Service) PauseOpenRoles(ctx context.Context, employer string) (int, error) {
	n := 0
	for attempt := 0; attempt < 5; attempt++ {
		open, err := s.openRoles(ctx, employer, "")
		if err != nil {
			return n, err
		}
		if len(open) == 0 {
			return n, nil
		}
		conflicts := 0
		for _, r := range open {
			r.SetStatus(domain.StatusPaused, s.Now())
			err := s.saveRole(ctx, &r)
			switch {
			case err == nil:
				n++
			case errors.Is(err, errs.Conflict):
				conflicts++
			default:
				return n, err
			}
		}
		if conflicts == 0 {
			return n, nil
		}
	}
	return n, fmt.Errorf("roles of employer %s kept changing while being paused: %w", employer, errs.Conflict)
}
