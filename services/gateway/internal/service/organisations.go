package service

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// ListOrganisations lets a platform administrator page through every
// organisation, oldest first, optionally searching by name (any part of
// it, ignoring case and accents) and keeping one kind.
func (s *Service) ListOrganisations(ctx context.Context, a Actor, f domain.OrganisationFilter, page mongox.PageRequest) ([]domain.Organisation, string, error) {
	if err := requireAdmin(a); err != nil {
		return nil, "", err
	}
	f, err := domain.CheckOrganisationFilter(f)
	if err != nil {
		return nil, "", err
	}
	orgs, next, err := s.Organisations.List(ctx, f, page)
	if err != nil {
		return nil, "", fmt.Errorf("list organisations: %w", err)
	}
	return orgs, next, nil
}

// Organisation returns one organisation to a platform administrator or to
// one of its own people. Anyone else gets NotFound, as for an unknown id.
func (s *Service) Organisation(ctx context.Context, a Actor, orgID string) (domain.Organisation, error) {
	if !a.IsAdmin() && (orgID == "" || a.OrgID != orgID) {
		return domain.Organisation{}, fmt.Errorf("organisation %s: %w", orgID, errs.NotFound)
	}
	org, err := s.Organisations.ByID(ctx, orgID)
	if err != nil {
		return domain.Organisation{}, fmt.Errorf("organisation: %w", err)
	}
	return org, nil
}
