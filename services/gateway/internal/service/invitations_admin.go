package service

import (
	"context"
	"fmt"

	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// MaxOpenInvitations bounds one listing of an organisation's open
// invitations.
const MaxOpenInvitations = 200

// OpenInvitations lists the invitations of organisation orgID that are
// neither accepted nor revoked, oldest first, expired ones included so
// they can be re-issued. Their tokens are never shown again: only a hash
// is stored. The org_admin of orgID and platform administrators may list
// them; another organisation's id is NotFound, a member is Forbidden.
func (s *Service) OpenInvitations(ctx context.Context, a Actor, orgID string) ([]domain.Invitation, error) {
	if err := s.requireManagerOf(ctx, a, orgID); err != nil {
		return nil, err
	}
	invs, err := s.Invitations.OpenByOrg(ctx, orgID, MaxOpenInvitations)
	if err != nil {
		return nil, fmt.Errorf("open invitations: %w", err)
	}
	return invs, nil
}

// ReissueInvitation gives an open invitation a new token and a new expiry,
// as if it were sent again; the old token stops working at once. The new
// token is shown once, as by Invite, and counts against the same limits.
// An invitation whose address has become a member of orgID meanwhile is a
// Conflict; an account elsewhere is not revealed, as by Invite.
func (s *Service) ReissueInvitation(ctx context.Context, a Actor, orgID, invitationID, clientIP string) (IssuedInvitation, error) {
	if err := s.requireManagerOf(ctx, a, orgID); err != nil {
		return IssuedInvitation{}, err
	}
	old, err := s.Invitations.OpenByID(ctx, orgID, invitationID)
	if err != nil {
		return IssuedInvitation{}, fmt.Errorf("reissue invitation: %w", err)
	}
	if err := s.limitInvitations(ctx, orgID, clientIP); err != nil {
		return IssuedInvitation{}, err
	}
	if err := s.checkInvitee(ctx, orgID, old.Email); err != nil {
		return IssuedInvitation{}, fmt.Errorf("reissue invitation: %w", err)
	}
	token, now := newOpaqueToken(), s.now()
	next := old
	next.TokenHash, next.InvitedBy, next.CreatedAt, next.ExpiresAt = hashToken(token), a.UserID, now, now.Add(domain.InvitationTTL)
	next.Issue = old.IssueNumber() + 1
	if err := s.Invitations.Reissue(ctx, old.TokenHash, next, now); err != nil {
		return IssuedInvitation{}, fmt.Errorf("reissue invitation: %w", err)
	}
	s.handOffInvitation(next, token)
	return IssuedInvitation{ID: next.ID, Token: token, ExpiresAt: next.ExpiresAt}, nil
}

// RevokeInvitation withdraws an open invitation; its token stops working.
// The same people may do it as may list them.
func (s *Service) RevokeInvitation(ctx context.Context, a Actor, orgID, invitationID string) error {
	if err := s.requireManagerOf(ctx, a, orgID); err != nil {
		return err
	}
	inv, err := s.Invitations.OpenByID(ctx, orgID, invitationID)
	if err != nil {
		return fmt.Errorf("revoke invitation: %w", err)
	}
	if err := s.Invitations.Revoke(ctx, inv.TokenHash, s.now()); err != nil {
		return fmt.Errorf("revoke invitation: %w", err)
	}
	return nil
}

// requireManagerOf allows a platform administrator or the org_admin of an
// existing organisation orgID whose own account is still active.
func (s *Service) requireManagerOf(ctx context.Context, a Actor, orgID string) error {
	if err := requireOrgAdminOf(a, orgID); err != nil {
		return err
	}
	if err := s.requireActive(ctx, a); err != nil {
		return err
	}
	if _, err := s.Organisations.ByID(ctx, orgID); err != nil {
		return fmt.Errorf("organisation: %w", err)
	}
	return nil
}
