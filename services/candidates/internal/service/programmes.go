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

// UpdateProgramme replaces a programme's name, kind, site, skills and
// supervisors if it is still at version. Only a supervisor of the
// programme or the organisation's administrator may: the supervisors are
// who may attest its skills, so a colleague cannot make themselves one.
// The change is audited in the same write; nothing is published, because
// matching rereads the programme catalogue on its own schedule.
func (s *Service) UpdateProgramme(ctx context.Context, p auth.Principal, id string, version int64, spec domain.ProgrammeSpec) (domain.Programme, error) {
	org, err := staffOrg(p)
	if err != nil {
		return domain.Programme{}, err
	}
	if version < 1 {
		return domain.Programme{}, errs.Invalid("version", "is required: the version you last read")
	}
	if len(spec.Supervisors) == 0 {
		return domain.Programme{}, errs.Invalid("supervisors", "must name at least one supervisor")
	}
	if err := spec.Validate(s.Vocabulary); err != nil {
		return domain.Programme{}, err
	}
	prog, err := s.ownProgramme(ctx, org, id, "")
	if err != nil {
		return domain.Programme{}, err
	}
	if !prog.Supervises(p.Subject) && p.Role != auth.RoleOrgAdmin {
		return domain.Programme{}, fmt.Errorf("only a supervisor of %q or the organisation's administrator may change it: %w", prog.Spec.Name, errs.Forbidden)
	}
	if prog.Version != version {
		return domain.Programme{}, fmt.Errorf("programme %s is at version %d, not %d; reload it: %w", id, prog.Version, version, errs.Conflict)
	}
	changes := prog.Spec.Changes(spec)
	if len(changes) == 0 {
		return prog, nil
	}
	prog.Spec, prog.Version, prog.UpdatedAt = spec, version+1, s.now()
	entry := domain.AuditEntry{
		ID: uuid.Must(uuid.NewV7()).String(), OrgID: org, Actor: p.Subject, ActorOrg: p.OrgID, At: s.now(),
		Action: domain.ActionUpdate, Purpose: domain.PurposeCaseWork, Fields: changes, Subject: prog.ID,
	}
	if err := s.Programmes.UpdateProgramme(ctx, prog, version, entry); err != nil {
		return domain.Programme{}, fmt.Errorf("update programme: %w", err)
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
