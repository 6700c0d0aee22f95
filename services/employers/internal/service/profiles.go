package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// MyProfile returns the caller's employer profile, creating an empty one on
// first use: the gateway does not yet announce new organisations, so the
// first visit of an employer's user is when the profile comes to be.
func (s *Service) MyProfile(ctx context.Context, p auth.Principal) (domain.Profile, error) {
	org, err := requireEmployer(p)
	if err != nil {
		return domain.Profile{}, err
	}
	prof, err := s.Profiles.Profile(ctx, org)
	if !errors.Is(err, errs.NotFound) {
		return prof, err
	}
	now := s.Now().UTC()
	prof = domain.Profile{ID: org, Version: 1, CreatedAt: now, UpdatedAt: now}
	e, err := s.envelope(EventEmployerUpdated, org, 1)
	if err != nil {
		return domain.Profile{}, err
	}
	switch err := s.Profiles.InsertProfile(ctx, prof, e); {
	case errors.Is(err, errs.Conflict):
		// Another request created it first; theirs is the one to show.
		return s.Profiles.Profile(ctx, org)
	case err != nil:
		return domain.Profile{}, fmt.Errorf("create profile: %w", err)
	}
	s.deliver(ctx, e)
	return prof, nil
}

// UpdateMyProfile replaces the caller's profile details if the profile is
// still at version.
func (s *Service) UpdateMyProfile(ctx context.Context, p auth.Principal, version int64, d domain.ProfileDetails) (domain.Profile, error) {
	prof, err := s.MyProfile(ctx, p)
	if err != nil {
		return domain.Profile{}, err
	}
	if err := d.Validate(s.Vocabulary); err != nil {
		return domain.Profile{}, err
	}
	if version != prof.Version {
		return domain.Profile{}, fmt.Errorf("the profile is at version %d, not %d; reload it: %w", prof.Version, version, errs.Conflict)
	}
	prof.Details, prof.Version, prof.UpdatedAt = d, version+1, s.Now().UTC()
	e, err := s.envelope(EventEmployerUpdated, prof.ID, prof.Version)
	if err != nil {
		return domain.Profile{}, err
	}
	if err := s.Profiles.UpdateProfile(ctx, prof, version, e); err != nil {
		return domain.Profile{}, fmt.Errorf("save profile: %w", err)
	}
	s.deliver(ctx, e)
	return prof, nil
}

// Profile returns an employer's profile to programme staff, administrators,
// candidates (its public part: ShowsContact) and the employer itself.
func (s *Service) Profile(ctx context.Context, p auth.Principal, id string) (domain.Profile, error) {
	a, err := requireViewer(p)
	if err != nil {
		return domain.Profile{}, err
	}
	if a == employer {
		if id != p.OrgID {
			return domain.Profile{}, fmt.Errorf("an employer sees only its own profile: %w", errs.Forbidden)
		}
		return s.MyProfile(ctx, p)
	}
	return s.Profiles.Profile(ctx, id)
}

// ShowsContact reports whether the caller may see profile's contact person:
// the employer itself, programme staff and administrators.
func ShowsContact(p auth.Principal, profileID string) bool {
	switch audienceOf(p) {
	case reader:
		return true
	case employer:
		return p.OrgID == profileID
	}
	return false
}
