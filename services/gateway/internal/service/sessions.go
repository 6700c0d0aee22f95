package service

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
)

// TokenPair is what a successful sign-in or refresh returns.
type TokenPair struct {
	AccessToken  string
	RefreshToken string
	ExpiresIn    time.Duration
}

var errBadCredentials = fmt.Errorf("the e-mail address or password is wrong: %w", errs.Unauthenticated)

// errDeactivated answers the right password of an account an administrator
// switched off. Only the right password learns it, so it reveals nothing
// to someone guessing.
var errDeactivated = fmt.Errorf("this account is deactivated; ask your organisation's administrator to reactivate it: %w", errs.Forbidden)

// Login checks a password and starts a new refresh-token family.
//
// Both limits are counted in Redis, atomically and before the password is
// checked, so they hold across replicas and against parallel guesses: of
// any number of concurrent attempts at most the limit are evaluated. The
// client address has a fixed window, from which a successful sign-in is
// taken back; the account has a back-off (BackoffPolicy) rather than a
// flat lockout, so its owner can still get in after the wait however many
// guesses others made, and a successful sign-in clears it.
func (s *Service) Login(ctx context.Context, email, plain, clientIP string) (TokenPair, error) {
	email, err := domain.NormaliseEmail("email", email)
	if err != nil {
		return TokenPair{}, err
	}
	var user domain.User
	err = s.throttledSignIn(ctx, "login:acct:"+digest(email), clientIP, errBadCredentials, func() (bool, error) {
		u, err := s.Users.ByEmail(ctx, email)
		user = u
		return s.verifyPassword(plain, u.PasswordHash, err)
	})
	if err != nil {
		return TokenPair{}, err
	}
	if !user.Active() {
		return TokenPair{}, errDeactivated
	}
	return s.issue(ctx, user, newID(), s.now())
}

// throttledSignIn counts one sign-in attempt from clientIP on the account
// behind acctKey (a digest, never the raw name), runs check, which says
// whether the password was right, and answers bad for a wrong one. A
// right one is taken back from the address's window and clears the
// account's back-off. Member and candidate sign-ins share the address's
// window.
func (s *Service) throttledSignIn(ctx context.Context, acctKey, clientIP string, bad error, check func() (bool, error)) error {
	ipKey := "login:ip:" + clientIP
	if err := s.throttle(s.Throttle.Hit(ctx, ipKey, s.cfg.LoginIPLimit, s.cfg.LoginWindow)); err != nil {
		return err
	}
	if err := s.throttle(s.Throttle.Backoff(ctx, acctKey, s.now(), s.cfg.LoginAccount)); err != nil {
		return err
	}
	ok, err := check()
	if err != nil {
		return err
	}
	if !ok {
		return bad
	}
	if err := s.Throttle.Refund(ctx, ipKey); err != nil {
		return fmt.Errorf("login throttle: %w", err)
	}
	if err := s.Throttle.Reset(ctx, acctKey); err != nil {
		return fmt.Errorf("login throttle: %w", err)
	}
	return nil
}

// verifyPassword checks plain against hash, the stored hash of the account
// a look-up found (lookupErr nil) or not (errs.NotFound). It spends the
// same argon2 work when there is no account, on a dummy hash, so timing
// does not reveal which accounts exist.
func (s *Service) verifyPassword(plain, hash string, lookupErr error) (bool, error) {
	if lookupErr != nil && !errors.Is(lookupErr, errs.NotFound) {
		return false, fmt.Errorf("login: %w", lookupErr)
	}
	if lookupErr != nil {
		hash = s.dummyHash
	}
	if s.PasswordChecked != nil {
		s.PasswordChecked()
	}
	ok, err := password.Verify(plain, hash)
	if err != nil {
		return false, fmt.Errorf("login: stored hash: %w", err)
	}
	return ok && lookupErr == nil, nil
}

func (s *Service) throttle(allowed bool, retryAfter time.Duration, err error) error {
	if err != nil {
		return fmt.Errorf("throttle: %w", err)
	}
	if !allowed {
		return &errs.RateLimitedError{RetryAfter: retryAfter}
	}
	return nil
}

// Refresh rotates a refresh token. A token seen a second time means someone
// else holds a copy: the whole family is revoked and both holders must sign
// in again.
func (s *Service) Refresh(ctx context.Context, token string) (TokenPair, error) {
	now := s.now()
	rt, err := s.RefreshTokens.ByHash(ctx, hashToken(token))
	if errors.Is(err, errs.NotFound) {
		return TokenPair{}, fmt.Errorf("unknown refresh token: %w", errs.Unauthenticated)
	} else if err != nil {
		return TokenPair{}, fmt.Errorf("refresh: %w", err)
	}
	switch {
	case rt.RevokedAt != nil:
		return TokenPair{}, fmt.Errorf("refresh token revoked: %w", errs.Unauthenticated)
	case rt.UsedAt != nil:
		return TokenPair{}, s.reuseDetected(ctx, rt, now)
	case !now.Before(rt.ExpiresAt):
		return TokenPair{}, fmt.Errorf("refresh token expired: %w", errs.Unauthenticated)
	case !now.Before(rt.SessionStartedAt.Add(s.cfg.SessionMax)):
		return TokenPair{}, fmt.Errorf("this session has lasted as long as a session may; sign in again: %w", errs.Unauthenticated)
	}
	rotated, err := s.RefreshTokens.MarkUsed(ctx, rt.Hash, now)
	if err != nil {
		return TokenPair{}, fmt.Errorf("refresh: %w", err)
	}
	if !rotated {
		return TokenPair{}, s.reuseDetected(ctx, rt, now)
	}
	user, err := s.Users.ByID(ctx, rt.UserID)
	if errors.Is(err, errs.NotFound) {
		// Not a member's account: a candidate's own, or one since closed.
		return s.refreshCandidate(ctx, rt)
	} else if err != nil {
		return TokenPair{}, fmt.Errorf("refresh: %w", err)
	}
	if !user.Active() {
		// Deactivation revokes the account's tokens, but a sign-in racing
		// with it may have stored one after that: refuse it here too.
		if err := s.endSession(ctx, rt.FamilyID, now); err != nil {
			return TokenPair{}, fmt.Errorf("refresh: revoke deactivated account's family: %w", err)
		}
		return TokenPair{}, fmt.Errorf("refresh: this account is deactivated: %w", errs.Unauthenticated)
	}
	return s.issue(ctx, user, rt.FamilyID, rt.SessionStartedAt)
}

func (s *Service) reuseDetected(ctx context.Context, rt domain.RefreshToken, now time.Time) error {
	if err := s.endSession(ctx, rt.FamilyID, now); err != nil {
		return fmt.Errorf("revoke reused family: %w", err)
	}
	return fmt.Errorf("refresh token reused; all sessions of this sign-in are revoked: %w", errs.Unauthenticated)
}

// endSession revokes a family's refresh tokens and publishes its session,
// so that the access tokens issued in it are refused everywhere too.
func (s *Service) endSession(ctx context.Context, familyID string, now time.Time) error {
	if err := s.RefreshTokens.RevokeFamily(ctx, familyID, now); err != nil {
		return err
	}
	return s.Revocations.RevokeSessions(ctx, familyID)
}

// Logout revokes the family of a refresh token. An unknown token is not an
// error: the caller is signed out either way.
func (s *Service) Logout(ctx context.Context, token string) error {
	rt, err := s.RefreshTokens.ByHash(ctx, hashToken(token))
	if errors.Is(err, errs.NotFound) {
		return nil
	} else if err != nil {
		return fmt.Errorf("logout: %w", err)
	}
	return s.endSession(ctx, rt.FamilyID, s.now())
}

// issue signs an access token and stores a new refresh token in family,
// the session that began at started: the refresh token lives SessionIdle,
// but never past the session's total lifetime.
func (s *Service) issue(ctx context.Context, user domain.User, familyID string, started time.Time) (TokenPair, error) {
	acct, err := s.account(ctx, user)
	if err != nil {
		return TokenPair{}, err
	}
	principal := auth.Principal{Subject: user.ID, OrgID: acct.orgID(), OrgKind: acct.orgKind(), Role: string(user.Role), SessionID: familyID}
	return s.issueTo(ctx, principal, started)
}

// issueTo signs an access token for principal and stores the next refresh
// token of its session (principal.SessionID), for a member's account and a
// candidate's alike.
func (s *Service) issueTo(ctx context.Context, principal auth.Principal, started time.Time) (TokenPair, error) {
	signer, err := s.Keys.Signer()
	if err != nil {
		return TokenPair{}, err
	}
	access, err := auth.IssueAccessToken(signer, s.cfg.Issuer, []string{s.cfg.Audience}, principal, s.cfg.AccessTTL)
	if err != nil {
		return TokenPair{}, fmt.Errorf("sign access token: %w", err)
	}
	refresh, now := newOpaqueToken(), s.now()
	expires := now.Add(s.cfg.SessionIdle)
	if end := started.Add(s.cfg.SessionMax); end.Before(expires) {
		expires = end
	}
	rt := domain.RefreshToken{Hash: hashToken(refresh), FamilyID: principal.SessionID, UserID: principal.Subject, CreatedAt: now, ExpiresAt: expires, SessionStartedAt: started}
	if err := s.RefreshTokens.Create(ctx, rt); err != nil {
		return TokenPair{}, fmt.Errorf("store refresh token: %w", err)
	}
	return TokenPair{AccessToken: access, RefreshToken: refresh, ExpiresIn: s.cfg.AccessTTL}, nil
}

func (a Account) orgID() string {
	if a.Organisation == nil {
		return ""
	}
	return a.Organisation.ID
}

func (a Account) orgKind() string {
	if a.Organisation == nil {
		return ""
	}
	return string(a.Organisation.Kind)
}

// digest keeps raw e-mail addresses out of Redis keys.
func digest(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:16])
}
