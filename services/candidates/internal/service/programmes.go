package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/google/uuid"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// CreateProgramme adds a programme to the caller's organisation. Without
// supervisors named, the caller supervises it.
func (s *Service) CreateProgramme(ctx context.Context, p auth.Principal, spec domain.ProgrammeSpec) (domain.Programme, error) {
	org, err := staffOrg(p)
	if err != nil {
		return domain.Programme{}, err
	}
	if len(spec.Supervisors) == 0 {
		spec.Supervisors = []string{p.Subject}
	}
	if err := spec.Validate(s.Vocabulary); err != nil {
		return domain.Programme{}, err
	}
	now := s.now()
	prog := domain.Programme{ID: uuid.NewString(), OrgID: org, Version: 1, CreatedAt: now, UpdatedAt: now, Spec: spec}
	if err := s.Programmes.InsertProgramme(ctx, prog); err != nil {
		return domain.Programme{}, fmt.Errorf("create programme: %w", err)
	}
	return prog, nil
}

// Programme returns one of the caller's organisation's programmes.
func (s *Service) Programme(ctx context.Context, p auth.Principal, id string) (domain.Programme, error) {
	org, err := staffOrg(p)
	if err != nil {
		return domain.Programme{}, err
	}
	return s.ownProgramme(ctx, org, id, "")
}

// ListProgrammes returns a page of the caller's organisation's programmes.
func (s *Service) ListProgrammes(ctx context.Context, p auth.Principal, page mongox.PageRequest) ([]domain.Programme, string, error) {
	org, err := staffOrg(p)
	if err != nil {
		return nil, "", err
	}
	return s.Programmes.ListProgrammes(ctx, org, page)
}

// ownProgramme returns the organisation's programme. When field is set the
// id came in a request body, so an unknown id is a 400 naming that field
// rather than a 404 of the whole request.
func (s *Service) ownProgramme(ctx context.Context, org, id, field string) (domain.Programme, error) {
	prog, err := s.Programmes.Programme(ctx, id)
	if err == nil && prog.OrgID != org {
		err = fmt.Errorf("programme %s: %w", id, errs.NotFound)
	}
	if err != nil && field != "" && errors.Is(err, errs.NotFound) {
		return domain.Programme{}, errs.Invalid(field, "is not a programme of your organisation")
	}
	return prog, err
}
