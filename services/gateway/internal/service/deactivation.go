package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// errSelfDeactivation refuses a change to the caller's own account: an
// administrator who switched themselves off could not switch back on.
var errSelfDeactivation = fmt.Errorf("you cannot deactivate or reactivate your own account; ask another administrator: %w", errs.Conflict)

// DeactivateUser switches an account off: it can no longer sign in, every
// refresh token it holds is revoked at once, so its next refresh fails,
// and the account and its sessions are published as revoked, so every
// service refuses the access tokens already issued within seconds.
// Deactivating an account that is already off revokes its tokens again and
// keeps the first date.
//
// Who may: a platform administrator for any account, an org_admin for the
// people of their own organisation (anyone else's account is NotFound), and
// nobody for their own account (Conflict).
func (s *Service) DeactivateUser(ctx context.Context, a Actor, userID string) (MemberDetails, error) {
	u, err := s.manageableUser(ctx, a, userID)
	if err != nil {
		return MemberDetails{}, err
	}
	if err := s.Revocations.RevokeUser(ctx, u.ID); err != nil {
		return MemberDetails{}, fmt.Errorf("deactivate user: %w", err)
	}
	now := s.now()
	if u.Active() {
		if err := s.Users.SetDeactivated(ctx, u.ID, &now); err != nil {
			return MemberDetails{}, fmt.Errorf("deactivate user: %w", err)
		}
		u.DeactivatedAt = &now
	}
	// After the account is marked: a sign-in racing with this call may
	// still store a refresh token, but Refresh refuses it for an account
	// that is off.
	if err := s.endUserSessions(ctx, u.ID); err != nil {
		return MemberDetails{}, fmt.Errorf("deactivate user: %w", err)
	}
	s.audit().Info("account deactivated", "actor", a.UserID, "user_id", u.ID)
	return toMemberDetails(u, true), nil
}

// ReactivateUser switches an account on again; its owner signs in anew
// (the sessions ended by the deactivation stay ended). The same people may
// do it as may deactivate it.
func (s *Service) ReactivateUser(ctx context.Context, a Actor, userID string) (MemberDetails, error) {
	u, err := s.manageableUser(ctx, a, userID)
	if err != nil {
		return MemberDetails{}, err
	}
	if !u.Active() {
		if err := s.Users.SetDeactivated(ctx, u.ID, nil); err != nil {
			return MemberDetails{}, fmt.Errorf("reactivate user: %w", err)
		}
		u.DeactivatedAt = nil
	}
	if err := s.Revocations.RestoreUser(ctx, u.ID); err != nil {
		return MemberDetails{}, fmt.Errorf("reactivate user: %w", err)
	}
	s.audit().Info("account reactivated", "actor", a.UserID, "user_id", u.ID)
	return toMemberDetails(u, true), nil
}

// manageableUser loads the account a may switch on or off, checking the
// caller first: a caller whose own account was switched off meanwhile
// holds a token that still verifies, and must not act with it.
func (s *Service) manageableUser(ctx context.Context, a Actor, userID string) (domain.User, error) {
	if !a.IsAdmin() && a.Role != domain.RoleOrgAdmin {
		return domain.User{}, fmt.Errorf("only an administrator may deactivate or reactivate an account: %w", errs.Forbidden)
	}
	if err := s.requireActive(ctx, a); err != nil {
		return domain.User{}, err
	}
	u, err := s.Users.ByID(ctx, userID)
	switch {
	case errors.Is(err, errs.NotFound):
		return domain.User{}, fmt.Errorf("user %s: %w", userID, errs.NotFound)
	case err != nil:
		return domain.User{}, fmt.Errorf("user: %w", err)
	case !a.IsAdmin() && (u.OrgID == "" || u.OrgID != a.OrgID):
		return domain.User{}, fmt.Errorf("user %s: %w", userID, errs.NotFound)
	case u.ID == a.UserID:
		return domain.User{}, errSelfDeactivation
	}
	return u, nil
}

// requireActive refuses a caller whose account is gone or switched off,
// for the administrative use cases, which read the caller's account anyway
// cheaply by id.
func (s *Service) requireActive(ctx context.Context, a Actor) error {
	me, err := s.Users.ByID(ctx, a.UserID)
	switch {
	case errors.Is(err, errs.NotFound):
		return fmt.Errorf("the account no longer exists: %w", errs.Unauthenticated)
	case err != nil:
		return fmt.Errorf("caller: %w", err)
	case !me.Active():
		return errDeactivated
	}
	return nil
}
