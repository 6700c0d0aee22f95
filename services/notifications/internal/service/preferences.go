package service

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// PreferencesView is what applies to the caller and what their
// organisation's defaults are.
type PreferencesView struct {
	Effective domain.Effective
	Defaults  domain.Effective
}

// Preferences returns the caller's effective preferences and their
// organisation's defaults.
func (s *Service) Preferences(ctx context.Context, p auth.Principal) (PreferencesView, error) {
	if err := requireUser(p); err != nil {
		return PreferencesView{}, err
	}
	user, err := s.d.Preferences.UserSettings(ctx, p.Subject)
	if err != nil {
		return PreferencesView{}, err
	}
	org, err := s.d.Preferences.OrgSettings(ctx, p.OrgID)
	if err != nil {
		return PreferencesView{}, err
	}
	return PreferencesView{Effective: domain.Resolve(user, org), Defaults: domain.Resolve(domain.Settings{}, org)}, nil
}

// PutPreferences replaces the caller's choices.
func (s *Service) PutPreferences(ctx context.Context, p auth.Principal, set domain.Settings) (PreferencesView, error) {
	if err := requireUser(p); err != nil {
		return PreferencesView{}, err
	}
	if err := set.Validate(); err != nil {
		return PreferencesView{}, err
	}
	if err := s.d.Preferences.PutUserSettings(ctx, p.Subject, set); err != nil {
		return PreferencesView{}, err
	}
	return s.Preferences(ctx, p)
}

// PutOrgDefaults replaces an organisation's defaults: an org_admin's own
// (orgID empty or theirs), or any named one for a platform administrator.
func (s *Service) PutOrgDefaults(ctx context.Context, p auth.Principal, orgID string, set domain.Settings) (domain.Effective, error) {
	scope, err := orgScope(p)
	if err != nil {
		return domain.Effective{}, err
	}
	switch {
	case scope != "" && orgID != "" && orgID != scope:
		return domain.Effective{}, fmt.Errorf("an organisation's administrator sets only their own defaults: %w", errs.Forbidden)
	case scope != "":
		orgID = scope
	case orgID == "":
		return domain.Effective{}, errs.Invalid("organisation_id", "is required for a platform administrator")
	}
	if err := set.Validate(); err != nil {
		return domain.Effective{}, err
	}
	if err := s.d.Preferences.PutOrgSettings(ctx, orgID, set); err != nil {
		return domain.Effective{}, err
	}
	return domain.Resolve(domain.Settings{}, set), nil
}
