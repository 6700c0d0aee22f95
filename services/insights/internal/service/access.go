package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// Who sees what (docs/insights.md): platform admins any programme
// organisation's report and the platform's, with the per-employer table;
// a programme organisation's admins their own organisation's; an
// observer's members the organisations that share with them. Nobody else
// reads a report: not employers, not a programme's other staff, not a
// service.

// CanReadReports returns errs.Forbidden unless p may read some outcomes
// report. Ask it before anything else, so a caller who may read none
// learns nothing from the answer.
func CanReadReports(p auth.Principal) error {
	switch {
	case p.IsAdmin(), isProgrammeAdmin(p), isObserver(p):
		return nil
	}
	return fmt.Errorf("only platform admins, a programme organisation's admins and observers read outcomes reports: %w", errs.Forbidden)
}

func isProgrammeAdmin(p auth.Principal) bool {
	return p.Role == auth.RoleOrgAdmin && p.OrgKind == auth.OrgKindProgramme && p.OrgID != ""
}

func isObserver(p auth.Principal) bool {
	return (p.Role == auth.RoleOrgAdmin || p.Role == auth.RoleMember) && p.OrgKind == auth.OrgKindObserver && p.OrgID != ""
}

// scopeOf returns the scope of the report p asks for: the platform or one
// programme organisation. An organisation p may not read, or that is no
// programme organisation, is errs.NotFound, as if it did not exist.
func (o *Outcomes) scopeOf(ctx context.Context, p auth.Principal, q ReportQuery) (string, error) {
	switch {
	case p.IsAdmin():
		if q.Organisation == "" {
			return domain.PlatformScope, nil
		}
		org, err := o.directory.Organisation(ctx, q.Organisation)
		if err != nil {
			return "", fmt.Errorf("organisation %s: %w", q.Organisation, err)
		}
		if org.Kind != auth.OrgKindProgramme {
			return "", fmt.Errorf("organisation %s is no programme organisation: %w", q.Organisation, errs.NotFound)
		}
		return q.Organisation, nil
	case isProgrammeAdmin(p):
		if q.Organisation != "" && q.Organisation != p.OrgID {
			return "", fmt.Errorf("another organisation's report: %w", errs.NotFound)
		}
		return p.OrgID, nil
	case isObserver(p):
		if q.Organisation == "" {
			return "", errs.Invalid("organisation", "is required: name an organisation that shares its reports with yours")
		}
		if _, err := o.shares.Share(ctx, q.Organisation, p.OrgID); err != nil {
			return "", fmt.Errorf("the report of %s: %w", q.Organisation, err)
		}
		return q.Organisation, nil
	}
	return "", CanReadReports(p)
}

// checkView refuses what the scope's report cannot show: the organisation
// dimension outside the platform's report, and a programme that is not
// one of the scope organisation's (errs.NotFound) or in the platform's
// report, or together with a group_by.
func (o *Outcomes) checkView(ctx context.Context, scope string, q ReportQuery) error {
	if q.GroupBy == domain.Organisation && scope != domain.PlatformScope {
		return errs.Invalid("group_by", "organisation splits the platform's report only")
	}
	if q.Programme == "" {
		return nil
	}
	if q.GroupBy != "" {
		return errs.Invalid("group_by", "cannot be combined with programme")
	}
	if scope == domain.PlatformScope {
		return errs.Invalid("programme", "needs an organisation: a programme's report is part of its organisation's")
	}
	org, err := o.directory.ProgrammeOrganisation(ctx, q.Programme)
	if errors.Is(err, errs.NotFound) || (err == nil && org != scope) {
		return fmt.Errorf("programme %s of %s: %w", q.Programme, scope, errs.NotFound)
	}
	if err != nil {
		return fmt.Errorf("programme %s: %w", q.Programme, err)
	}
	return nil
}
