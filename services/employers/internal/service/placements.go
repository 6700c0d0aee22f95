package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// placementAttempts is how often RecordPlacement rereads a role another
// write changed meanwhile before giving up with errs.Conflict.
const placementAttempts = 3

// RecordPlacement counts a hire on a role for the placements service,
// once per placement id, so the service may retry the call until it
// succeeds. The role's filled count rises and the role becomes filled
// when every position is taken; role.changed tells matching, as any
// change does. A placement counted already answers the role unchanged.
func (s *Service) RecordPlacement(ctx context.Context, p auth.Principal, roleID, placementID string) (domain.Role, error) {
	if err := requireService(p); err != nil {
		return domain.Role{}, err
	}
	for range placementAttempts {
		r, err := s.Roles.Role(ctx, roleID)
		if err != nil {
			return domain.Role{}, err
		}
		changed, err := r.RecordPlacement(placementID, s.Now())
		if err != nil || !changed {
			return r, err
		}
		err = s.saveRole(ctx, &r)
		if errors.Is(err, errs.Conflict) {
			continue
		}
		return r, err
	}
	return domain.Role{}, fmt.Errorf("role %s kept changing while a hire was counted: %w", roleID, errs.Conflict)
}

// CheckInternalCaller refuses a caller that is not an Onward service,
// before a handler reads the body.
func (s *Service) CheckInternalCaller(p auth.Principal) error { return requireService(p) }
