package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// errSelfMembership refuses a change to the caller's own membership: an
// org_admin who removed or demoted themselves could leave the
// organisation with nobody to manage it.
var errSelfMembership = fmt.Errorf("you cannot remove yourself or change your own role; ask another administrator: %w", errs.Conflict)

// RemoveMember takes a person out of organisation orgID: their account is
// deleted (with its e-mail address and name), every session of theirs
// ends, and the access tokens already issued to them are refused at every
// service within seconds. Records that name them by id (an attestation,
// say) keep the id, which no longer resolves to a person.
//
// Who may: a platform administrator for any organisation, an org_admin
// for their own (anyone of another organisation is NotFound, as is an id
// that is not a member of orgID), and nobody for themselves (Conflict).
func (s *Service) RemoveMember(ctx context.Context, a Actor, orgID, userID string) error {
	u, err := s.memberToManage(ctx, a, orgID, userID)
	if err != nil {
		return err
	}
	// Published first: from here on the account's tokens are refused, even
	// one a sign-in racing with this call obtains.
	if err := s.Revocations.RevokeUser(ctx, u.ID); err != nil {
		return fmt.Errorf("remove member: %w", err)
	}
	if err := s.endUserSessions(ctx, u.ID); err != nil {
		return fmt.Errorf("remove member: %w", err)
	}
	if err := s.Users.Delete(ctx, u.ID); err != nil {
		return fmt.Errorf("remove member: %w", err)
	}
	s.audit().Info("member removed", "actor", a.UserID, "org_id", orgID, "user_id", u.ID)
	return nil
}

// ChangeRole makes a member of organisation orgID an org_admin or a plain
// member. Their sessions end, so that no access token still carries the
// old role; they sign in again to work with the new one. The same people
// may do it as may remove a member; role is field "role" when invalid.
func (s *Service) ChangeRole(ctx context.Context, a Actor, orgID, userID string, role domain.Role) (MemberDetails, error) {
	if !domain.InvitableRole(role) {
		return MemberDetails{}, errs.Invalid("role", "must be org_admin or member")
	}
	u, err := s.memberToManage(ctx, a, orgID, userID)
	if err != nil {
		return MemberDetails{}, err
	}
	if u.Role == role {
		return toMemberDetails(u, true), nil
	}
	if err := s.Users.SetRole(ctx, u.ID, role); err != nil {
		return MemberDetails{}, fmt.Errorf("change role: %w", err)
	}
	if err := s.endUserSessions(ctx, u.ID); err != nil {
		return MemberDetails{}, fmt.Errorf("change role: %w", err)
	}
	s.audit().Info("member role changed", "actor", a.UserID, "org_id", orgID, "user_id", u.ID, "role", string(role))
	u.Role = role
	return toMemberDetails(u, true), nil
}

// memberToManage loads member userID of orgID for an administrator of it.
func (s *Service) memberToManage(ctx context.Context, a Actor, orgID, userID string) (domain.User, error) {
	if err := requireOrgAdminOf(a, orgID); err != nil {
		return domain.User{}, err
	}
	if err := s.requireActive(ctx, a); err != nil {
		return domain.User{}, err
	}
	u, err := s.Users.ByID(ctx, userID)
	switch {
	case errors.Is(err, errs.NotFound) || (err == nil && (orgID == "" || u.OrgID != orgID)):
		return domain.User{}, fmt.Errorf("member %s: %w", userID, errs.NotFound)
	case err != nil:
		return domain.User{}, fmt.Errorf("member: %w", err)
	case u.ID == a.UserID:
		return domain.User{}, errSelfMembership
	}
	return u, nil
}

// endUserSessions revokes every refresh token of an account and publishes
// its sessions, so that its access tokens are refused everywhere.
func (s *Service) endUserSessions(ctx context.Context, userID string) error {
	families, err := s.RefreshTokens.RevokeUser(ctx, userID, s.now())
	if err != nil {
		return err
	}
	return s.Revocations.RevokeSessions(ctx, families...)
}
