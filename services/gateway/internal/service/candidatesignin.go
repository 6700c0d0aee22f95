package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
)

// errBadCandidateCredentials answers a wrong user name and a wrong
// password alike.
var errBadCandidateCredentials = fmt.Errorf("the user name or password is wrong: %w", errs.Unauthenticated)

// errCandidateInvitation is the one answer for an unknown, used, withdrawn
// or expired invitation token.
var errCandidateInvitation = fmt.Errorf("this invitation is unknown, used, withdrawn or expired; ask the staff for a new one: %w", errs.NotFound)

// CandidateInvitationDetails is what the page that accepts an invitation
// shows: when it expires, and the user name of the account it sets a new
// password on ("" for a new account). Nothing names the candidate.
type CandidateInvitationDetails struct {
	ExpiresAt time.Time
	Username  string
}

// LookupCandidateInvitation returns a usable invitation's details. Look-ups
// are limited per client address.
func (s *Service) LookupCandidateInvitation(ctx context.Context, token, clientIP string) (CandidateInvitationDetails, error) {
	if err := s.limitCandidateJoin(ctx, clientIP); err != nil {
		return CandidateInvitationDetails{}, err
	}
	inv, err := s.usableCandidateInvitation(ctx, token)
	if err != nil {
		return CandidateInvitationDetails{}, err
	}
	acct, err := s.existingCandidateAccount(ctx, inv.CandidateID)
	if err != nil {
		return CandidateInvitationDetails{}, err
	}
	return CandidateInvitationDetails{ExpiresAt: inv.ExpiresAt, Username: acct.Username}, nil
}

// AcceptCandidateInvitation makes the candidate's account with the user
// name and password chosen, in language (optional: en by default), or,
// when the candidate has one, sets its new password: a candidate without
// e-mail cannot reset it alone. Then username may be left out; one that
// differs from the account's is refused, so nobody leaves believing they
// renamed it. A new password ends every session of the account. The
// invitation is claimed atomically, so a token works once; acceptances
// are limited per client address.
func (s *Service) AcceptCandidateInvitation(ctx context.Context, token, username, plain, language, clientIP string) (domain.CandidateAccount, error) {
	if err := s.limitCandidateJoin(ctx, clientIP); err != nil {
		return domain.CandidateAccount{}, err
	}
	inv, err := s.usableCandidateInvitation(ctx, token)
	if err != nil {
		return domain.CandidateAccount{}, err
	}
	acct, err := s.existingCandidateAccount(ctx, inv.CandidateID)
	if err != nil {
		return domain.CandidateAccount{}, err
	}
	if acct.ID != "" {
		return s.renewCandidatePassword(ctx, token, acct, username, plain, language)
	}
	return s.createCandidateAccount(ctx, token, inv, username, plain, language)
}

// createCandidateAccount checks the fields, then claims the invitation
// and stores the account, undoing the claim if it cannot be stored.
func (s *Service) createCandidateAccount(ctx context.Context, token string, inv domain.CandidateInvitation, username, plain, language string) (domain.CandidateAccount, error) {
	var fields []errs.FieldError
	username, err := domain.NormaliseUsername("username", username)
	fields = appendFieldErrors(fields, err)
	lang, err := domain.CheckLanguage("language", language)
	fields = appendFieldErrors(fields, err)
	fields = appendFieldErrors(fields, domain.CheckPassword("password", plain, username))
	if len(fields) > 0 {
		return domain.CandidateAccount{}, &errs.ValidationError{Fields: fields}
	}
	if _, err := s.CandidateAccounts.ByUsername(ctx, username); err == nil {
		return domain.CandidateAccount{}, errUsernameTaken
	} else if !errors.Is(err, errs.NotFound) {
		return domain.CandidateAccount{}, fmt.Errorf("accept candidate invitation: %w", err)
	}
	hash, err := password.Hash(plain, s.cfg.PasswordParams)
	if err != nil {
		return domain.CandidateAccount{}, err
	}
	acct := domain.CandidateAccount{
		ID: newID(), Username: username, CandidateID: inv.CandidateID, OrgID: inv.OrgID,
		PasswordHash: hash, Language: lang, CreatedAt: s.now(),
	}
	if err := s.underClaimedInvitation(ctx, token, func() error { return s.CandidateAccounts.Create(ctx, acct) }); err != nil {
		return domain.CandidateAccount{}, err
	}
	s.audit().Info("candidate account accepted", "candidate_id", acct.CandidateID, "account_id", acct.ID)
	return acct, nil
}

// errUsernameTaken answers a user name someone else has.
var errUsernameTaken = fmt.Errorf("username: this user name is taken; choose another: %w", errs.Conflict)

// renewCandidatePassword sets a new password on the candidate's existing
// account and ends everything the old one opened, as a password reset
// does: its refresh tokens are revoked and its sessions published as
// ended, and the sign-in back-off on its user name is forgotten.
func (s *Service) renewCandidatePassword(ctx context.Context, token string, acct domain.CandidateAccount, username, plain, language string) (domain.CandidateAccount, error) {
	var fields []errs.FieldError
	if username != "" {
		given, err := domain.NormaliseUsername("username", username)
		if fields = appendFieldErrors(fields, err); err == nil && given != acct.Username {
			fields = append(fields, errs.FieldError{Field: "username", Message: "this account keeps its user name; leave it out"})
		}
	}
	if language != "" {
		_, err := domain.CheckLanguage("language", language)
		fields = appendFieldErrors(fields, err)
	}
	fields = appendFieldErrors(fields, domain.CheckPassword("password", plain, acct.Username))
	if len(fields) > 0 {
		return domain.CandidateAccount{}, &errs.ValidationError{Fields: fields}
	}
	hash, err := password.Hash(plain, s.cfg.PasswordParams)
	if err != nil {
		return domain.CandidateAccount{}, err
	}
	if err := s.underClaimedInvitation(ctx, token, func() error { return s.CandidateAccounts.SetPassword(ctx, acct.ID, hash) }); err != nil {
		return domain.CandidateAccount{}, err
	}
	if err := s.endUserSessions(ctx, acct.ID); err != nil {
		return domain.CandidateAccount{}, fmt.Errorf("accept candidate invitation: end sessions: %w", err)
	}
	if err := s.Throttle.Reset(ctx, candidateLoginKey(acct.Username)); err != nil {
		return domain.CandidateAccount{}, fmt.Errorf("accept candidate invitation: login throttle: %w", err)
	}
	if language != "" {
		if err := s.CandidateAccounts.SetLanguage(ctx, acct.ID, domain.Language(language)); err != nil {
			return domain.CandidateAccount{}, fmt.Errorf("accept candidate invitation: %w", err)
		}
	}
	s.audit().Info("candidate account password renewed", "candidate_id", acct.CandidateID, "account_id", acct.ID)
	return acct, nil
}

// underClaimedInvitation claims the invitation of token, so that it works
// once, then runs store (the account made, or its new password set); when
// store fails the claim is undone, so nothing is half-written and the
// candidate can try the same link again.
func (s *Service) underClaimedInvitation(ctx context.Context, token string, store func() error) error {
	tokenHash := hashToken(token)
	if _, err := s.CandidateInvitations.Claim(ctx, tokenHash, s.now()); errors.Is(err, errs.NotFound) {
		return errCandidateInvitation
	} else if err != nil {
		return fmt.Errorf("accept candidate invitation: %w", err)
	}
	if err := store(); err != nil {
		if undoErr := s.CandidateInvitations.Unclaim(ctx, tokenHash); undoErr != nil {
			err = errors.Join(err, undoErr)
		}
		return fmt.Errorf("accept candidate invitation: %w", err)
	}
	return nil
}

// usableCandidateInvitation loads the invitation of token if it can still
// be accepted.
func (s *Service) usableCandidateInvitation(ctx context.Context, token string) (domain.CandidateInvitation, error) {
	inv, err := s.CandidateInvitations.ByTokenHash(ctx, hashToken(token))
	if errors.Is(err, errs.NotFound) || (err == nil && !inv.Usable(s.now())) {
		return domain.CandidateInvitation{}, errCandidateInvitation
	} else if err != nil {
		return domain.CandidateInvitation{}, fmt.Errorf("candidate invitation: %w", err)
	}
	return inv, nil
}

// existingCandidateAccount returns the candidate's account, or a zero one
// when there is none.
func (s *Service) existingCandidateAccount(ctx context.Context, candidateID string) (domain.CandidateAccount, error) {
	acct, err := s.CandidateAccounts.ByCandidateID(ctx, candidateID)
	if err != nil && !errors.Is(err, errs.NotFound) {
		return domain.CandidateAccount{}, fmt.Errorf("candidate account: %w", err)
	}
	return acct, nil
}

// limitCandidateJoin counts one look-up or acceptance of a candidate
// invitation from clientIP.
func (s *Service) limitCandidateJoin(ctx context.Context, clientIP string) error {
	return s.throttle(s.Throttle.Hit(ctx, "candidate-join:ip:"+clientIP, s.cfg.CandidateJoinIPLimit, s.cfg.CandidateJoinWindow))
}

// candidateLoginKey is the back-off key of a user name: a digest, so user
// names stay out of Redis, under its own prefix, apart from e-mails.
func candidateLoginKey(username string) string { return "login:candidate:" + digest(username) }

// CandidateLogin signs a candidate in with their user name and password,
// under the same two limits as Login (the client address's window, shared
// with members' sign-ins, and a back-off per user name), with the same
// work for an unknown user name as for a wrong password. The access token
// has role candidate, names the candidate record and no organisation.
func (s *Service) CandidateLogin(ctx context.Context, username, plain, clientIP string) (TokenPair, error) {
	username, err := domain.NormaliseUsername("username", username)
	if err != nil {
		return TokenPair{}, err
	}
	var acct domain.CandidateAccount
	err = s.throttledSignIn(ctx, candidateLoginKey(username), clientIP, errBadCandidateCredentials, func() (bool, error) {
		a, err := s.CandidateAccounts.ByUsername(ctx, username)
		acct = a
		return s.verifyPassword(plain, a.PasswordHash, err)
	})
	if err != nil {
		return TokenPair{}, err
	}
	return s.issueCandidate(ctx, acct, newID(), s.now())
}

// refreshCandidate rotates the refresh token rt of a candidate's account.
// An account closed meanwhile ends the session.
func (s *Service) refreshCandidate(ctx context.Context, rt domain.RefreshToken) (TokenPair, error) {
	acct, err := s.CandidateAccounts.ByID(ctx, rt.UserID)
	if errors.Is(err, errs.NotFound) {
		if err := s.endSession(ctx, rt.FamilyID, s.now()); err != nil {
			return TokenPair{}, fmt.Errorf("refresh: revoke closed account's family: %w", err)
		}
		return TokenPair{}, fmt.Errorf("refresh: account gone: %w", errs.Unauthenticated)
	} else if err != nil {
		return TokenPair{}, fmt.Errorf("refresh: %w", err)
	}
	return s.issueCandidate(ctx, acct, rt.FamilyID, rt.SessionStartedAt)
}

// issueCandidate issues the tokens of a candidate's account in session
// familyID, begun at started.
func (s *Service) issueCandidate(ctx context.Context, acct domain.CandidateAccount, familyID string, started time.Time) (TokenPair, error) {
	principal := auth.Principal{Subject: acct.ID, Role: auth.RoleCandidate, CandidateID: acct.CandidateID, SessionID: familyID}
	return s.issueTo(ctx, principal, started)
}

// candidateMe returns a candidate's own account as an Account: its user
// has the user name as name, no e-mail and no organisation.
func (s *Service) candidateMe(ctx context.Context, a Actor) (Account, error) {
	acct, err := s.CandidateAccounts.ByID(ctx, a.UserID)
	if errors.Is(err, errs.NotFound) {
		return Account{}, fmt.Errorf("the account no longer exists: %w", errs.Unauthenticated)
	} else if err != nil {
		return Account{}, err
	}
	user := domain.User{ID: acct.ID, Name: acct.Username, Role: domain.RoleCandidate, Language: acct.Language, CreatedAt: acct.CreatedAt}
	return Account{User: user, CandidateID: acct.CandidateID}, nil
}
