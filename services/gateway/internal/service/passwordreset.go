package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
)

// errResetToken is the one answer for an unknown, used or expired reset
// token, so the answer tells nothing about which it was.
var errResetToken = errs.Invalid("token", "this link is unknown, used or expired; ask for a new one")

// RequestPasswordReset starts a reset for the account of email, if there
// is one, and answers alike either way: everything after the per-client
// limit (the per-address limit, the look-up, storing the reset and the
// handoff of the link) runs off the request path, so neither the answer
// nor its timing says whether the address has an account. Beyond the
// per-address limit nothing is sent; beyond the per-client limit the
// answer is RateLimited.
func (s *Service) RequestPasswordReset(ctx context.Context, email, clientIP string) error {
	email, err := domain.NormaliseEmail("email", email)
	if err != nil {
		return err
	}
	lim := s.cfg.Abuse
	if err := s.throttle(s.Throttle.Hit(ctx, "reset:ip:"+clientIP, lim.ResetIPLimit, lim.ResetWindow)); err != nil {
		return err
	}
	s.background(KindPasswordReset, func(ctx context.Context) {
		if !s.addressAllowed(ctx, KindPasswordReset, email) {
			return
		}
		user, err := s.Users.ByEmail(ctx, email)
		switch {
		case errors.Is(err, errs.NotFound):
			return
		case err != nil:
			s.logger().Warn("password reset: look-up failed", "error", err.Error())
			return
		case !user.Active():
			return
		}
		if err := s.startReset(ctx, user); err != nil {
			s.logger().Warn("password reset: not started", "user_id", user.ID, "error", err.Error())
		}
	})
	return nil
}

// IssuePasswordReset lets an administrator have a reset link e-mailed to
// an account: an org_admin for the people of their organisation (anyone
// else's is NotFound), a platform administrator for anyone. The link goes
// to the account's owner only. A deactivated account is a Conflict: it
// could not sign in with a new password.
func (s *Service) IssuePasswordReset(ctx context.Context, a Actor, userID string) error {
	if !a.IsAdmin() && a.Role != domain.RoleOrgAdmin {
		return fmt.Errorf("only an administrator may send a password reset: %w", errs.Forbidden)
	}
	if err := s.requireActive(ctx, a); err != nil {
		return err
	}
	u, err := s.Users.ByID(ctx, userID)
	switch {
	case errors.Is(err, errs.NotFound):
		return fmt.Errorf("user %s: %w", userID, errs.NotFound)
	case err != nil:
		return fmt.Errorf("user: %w", err)
	case !a.IsAdmin() && (u.OrgID == "" || u.OrgID != a.OrgID):
		return fmt.Errorf("user %s: %w", userID, errs.NotFound)
	case !u.Active():
		return fmt.Errorf("this account is deactivated; reactivate it first: %w", errs.Conflict)
	}
	if err := s.startReset(ctx, u); err != nil {
		return err
	}
	s.audit().Info("password reset sent", "actor", a.UserID, "user_id", u.ID)
	return nil
}

// startReset stores a new reset for user and hands its link off. The
// token is 32 random bytes; only its SHA-256 is stored.
func (s *Service) startReset(ctx context.Context, user domain.User) error {
	token, now := newOpaqueToken(), s.now()
	reset := domain.PasswordReset{
		ID: newID(), TokenHash: hashToken(token), UserID: user.ID, CreatedAt: now, ExpiresAt: now.Add(domain.PasswordResetTTL),
	}
	if err := s.Resets.Create(ctx, reset); err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	s.handOff(Message{
		ID: KindPasswordReset + ":" + reset.ID, Kind: KindPasswordReset, Email: user.Email, Language: user.Language,
		UserID: user.ID, Link: s.link("/password-reset/" + token),
	})
	return nil
}

// ConfirmPasswordReset sets a new password with a reset token. The token
// works once (claimed atomically) and only within its 30 minutes; a
// password refused by the sign-up rules leaves it usable. Afterwards every
// refresh token of the account is revoked and its sessions are published
// as ended, so the access tokens already issued are refused everywhere,
// and the other reset links of the account stop working.
func (s *Service) ConfirmPasswordReset(ctx context.Context, token, plain string) error {
	hash := hashToken(token)
	reset, err := s.Resets.ByTokenHash(ctx, hash)
	if errors.Is(err, errs.NotFound) || (err == nil && !reset.Usable(s.now())) {
		return errResetToken
	} else if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	user, err := s.Users.ByID(ctx, reset.UserID)
	if errors.Is(err, errs.NotFound) || (err == nil && !user.Active()) {
		return errResetToken
	} else if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	if err := domain.CheckPassword("password", plain, user.Email, user.Name); err != nil {
		return err
	}
	newHash, err := password.Hash(plain, s.cfg.PasswordParams)
	if err != nil {
		return err
	}
	if _, err := s.Resets.Claim(ctx, hash, s.now()); errors.Is(err, errs.NotFound) {
		return errResetToken
	} else if err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	return s.replacePassword(ctx, user, newHash)
}

// replacePassword stores the new hash and ends everything the old
// password opened.
func (s *Service) replacePassword(ctx context.Context, user domain.User, hash string) error {
	if err := s.Users.SetPassword(ctx, user.ID, hash); err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	if err := s.endUserSessions(ctx, user.ID); err != nil {
		return fmt.Errorf("password reset: end sessions: %w", err)
	}
	if err := s.Resets.UseAllOf(ctx, user.ID, s.now()); err != nil {
		return fmt.Errorf("password reset: %w", err)
	}
	// The owner proved control of the address: forget the sign-in
	// back-off others may have built up on the account.
	if err := s.Throttle.Reset(ctx, "login:acct:"+digest(user.Email)); err != nil {
		return fmt.Errorf("password reset: login throttle: %w", err)
	}
	s.audit().Info("password reset", "user_id", user.ID)
	return nil
}
