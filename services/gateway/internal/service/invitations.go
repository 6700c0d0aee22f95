package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// IssuedInvitation is what the inviter sees once: the one-time token to
// pass on (no mail server is assumed) and when it expires, with the id the
// invitation is managed by.
type IssuedInvitation struct {
	ID        string
	Token     string
	ExpiresAt time.Time
}

// Invite lets an organisation's org_admin (or an administrator) invite
// someone to join it with a role. Whether the address has an account
// elsewhere does not change the answer (its owner is told instead), so
// invitations cannot probe for accounts; invitations are limited per
// client address and per organisation.
func (s *Service) Invite(ctx context.Context, a Actor, orgID, email string, role domain.Role, clientIP string) (IssuedInvitation, error) {
	if err := s.requireManagerOf(ctx, a, orgID); err != nil {
		return IssuedInvitation{}, fmt.Errorf("invite: %w", err)
	}
	var fields []errs.FieldError
	email, err := domain.NormaliseEmail("email", email)
	fields = appendFieldErrors(fields, err)
	if !domain.InvitableRole(role) {
		fields = append(fields, errs.FieldError{Field: "role", Message: "must be one of: org_admin, member"})
	}
	if len(fields) > 0 {
		return IssuedInvitation{}, &errs.ValidationError{Fields: fields}
	}
	if err := s.limitInvitations(ctx, orgID, clientIP); err != nil {
		return IssuedInvitation{}, err
	}
	if err := s.checkInvitee(ctx, orgID, email); err != nil {
		return IssuedInvitation{}, fmt.Errorf("invite: %w", err)
	}
	token, now := newOpaqueToken(), s.now()
	inv := domain.Invitation{
		ID: newID(), TokenHash: hashToken(token), OrgID: orgID, Email: email, Role: role,
		InvitedBy: a.UserID, CreatedAt: now, ExpiresAt: now.Add(domain.InvitationTTL), Issue: 1,
	}
	if err := s.Invitations.Create(ctx, inv); err != nil {
		return IssuedInvitation{}, fmt.Errorf("invite: %w", err)
	}
	s.handOffInvitation(inv, token)
	return IssuedInvitation{ID: inv.ID, Token: token, ExpiresAt: inv.ExpiresAt}, nil
}

// limitInvitations counts one invitation sent from clientIP for orgID.
func (s *Service) limitInvitations(ctx context.Context, orgID, clientIP string) error {
	lim := s.cfg.Abuse
	if err := s.throttle(s.Throttle.Hit(ctx, "invite:ip:"+clientIP, lim.InviteIPLimit, lim.InviteWindow)); err != nil {
		return err
	}
	return s.throttle(s.Throttle.Hit(ctx, "invite:org:"+orgID, lim.InviteOrgLimit, lim.InviteWindow))
}

// checkInvitee refuses to invite a member of orgID itself, which its
// managers see in the member list anyway. An account elsewhere is not
// revealed: its owner is told, and the invitation is issued as any other.
func (s *Service) checkInvitee(ctx context.Context, orgID, email string) error {
	user, err := s.Users.ByEmail(ctx, email)
	switch {
	case errors.Is(err, errs.NotFound):
		return nil
	case err != nil:
		return err
	case user.OrgID == orgID:
		return errAlreadyMember
	}
	org, err := s.Organisations.ByID(ctx, orgID)
	if err != nil {
		return err
	}
	s.Notices.InvitedExistingAddress(ctx, user, org)
	return nil
}

// LookupInvitation returns a usable invitation and its organisation, for
// the page that asks the invitee for a name and password.
func (s *Service) LookupInvitation(ctx context.Context, token string) (domain.Invitation, domain.Organisation, error) {
	inv, err := s.Invitations.ByTokenHash(ctx, hashToken(token))
	if err != nil {
		return domain.Invitation{}, domain.Organisation{}, fmt.Errorf("invitation: %w", err)
	}
	if !inv.Usable(s.now()) {
		return domain.Invitation{}, domain.Organisation{}, fmt.Errorf("invitation used or expired: %w", errs.NotFound)
	}
	org, err := s.Organisations.ByID(ctx, inv.OrgID)
	if err != nil {
		return domain.Invitation{}, domain.Organisation{}, fmt.Errorf("invitation organisation: %w", err)
	}
	return inv, org, nil
}

// AcceptInvitation creates the invitee's account, in language (optional:
// en by default). The invitation is claimed atomically, so a token works
// once; if the account cannot be created the claim is undone.
func (s *Service) AcceptInvitation(ctx context.Context, token, name, plain, language string) (Account, error) {
	lang, err := domain.CheckLanguage("language", language)
	if err != nil {
		return Account{}, err
	}
	inv, org, err := s.LookupInvitation(ctx, token)
	if err != nil {
		return Account{}, err
	}
	user, err := s.newUser(name, inv.Email, plain, inv.OrgID, inv.Role, lang)
	if err != nil {
		return Account{}, err
	}
	hash := hashToken(token)
	if _, err := s.Invitations.Claim(ctx, hash, s.now()); err != nil {
		return Account{}, fmt.Errorf("accept invitation: %w", err)
	}
	if err := s.Users.Create(ctx, user); err != nil {
		if undoErr := s.Invitations.Unclaim(ctx, hash); undoErr != nil {
			err = errors.Join(err, undoErr)
		}
		return Account{}, fmt.Errorf("accept invitation: %w", err)
	}
	return Account{User: user, Organisation: &org}, nil
}
