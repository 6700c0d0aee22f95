package service

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// IssuedCandidateInvitation is what staff see once: the one-time token,
// the link to print as a QR code, and when it expires.
type IssuedCandidateInvitation struct {
	Token     string
	Link      string
	ExpiresAt time.Time
}

// Statuses of a candidate's account, as staff see them.
const (
	CandidateAccountNone    = "none"
	CandidateAccountInvited = "invited"
	CandidateAccountActive  = "active"
)

// CandidateAccountStatus tells staff whether a candidate has an account
// (Username and CreatedAt set) and whether an invitation is open
// (InvitationExpiresAt set).
type CandidateAccountStatus struct {
	Status              string
	Username            string
	CreatedAt           *time.Time
	InvitationExpiresAt *time.Time
}

// errNotCandidateStaff refuses anyone but the staff of a programme.
var errNotCandidateStaff = fmt.Errorf("only the staff of the programme that holds the candidate may manage their account: %w", errs.Forbidden)

// CandidateInvitationMail optionally asks for an invitation's link to be
// e-mailed too: to Email (never stored or logged), in Language or else
// the inviter's language. Empty Email e-mails nothing.
type CandidateInvitationMail struct {
	Email    string
	Language string
}

// InviteCandidate lets staff of the programme that holds a candidate
// invite them to their own account, or to a new password on it. The link
// is answered once and never stored: only its token's hash is. A new
// invitation withdraws the candidate's earlier open one. Invitations are
// limited like members' ones, per client address and per organisation.
func (s *Service) InviteCandidate(ctx context.Context, a Actor, candidateID, clientIP string, mail CandidateInvitationMail) (IssuedCandidateInvitation, error) {
	orgID, err := s.requireStaffOf(ctx, a, candidateID)
	if err != nil {
		return IssuedCandidateInvitation{}, err
	}
	var email string
	var lang domain.Language
	if mail.Email != "" {
		if email, err = domain.NormaliseEmail("email", mail.Email); err != nil {
			return IssuedCandidateInvitation{}, err
		}
	}
	if mail.Language != "" {
		if lang, err = domain.CheckLanguage("language", mail.Language); err != nil {
			return IssuedCandidateInvitation{}, err
		}
	}
	if err := s.limitInvitations(ctx, orgID, clientIP); err != nil {
		return IssuedCandidateInvitation{}, err
	}
	token, now := newOpaqueToken(), s.now()
	inv := domain.CandidateInvitation{
		ID: newID(), TokenHash: hashToken(token), CandidateID: candidateID, OrgID: orgID,
		InvitedBy: a.UserID, CreatedAt: now, ExpiresAt: now.Add(domain.InvitationTTL),
	}
	if err := s.CandidateInvitations.Replace(ctx, inv, now); err != nil {
		return IssuedCandidateInvitation{}, fmt.Errorf("invite candidate: %w", err)
	}
	s.audit().Info("candidate account invited", "actor", a.UserID, "candidate_id", candidateID, "invitation_id", inv.ID, "emailed", email != "")
	if email != "" {
		s.handOffCandidateInvitation(inv, token, email, lang)
	}
	return IssuedCandidateInvitation{Token: token, Link: s.link("/join/" + token), ExpiresAt: inv.ExpiresAt}, nil
}

// CandidateAccountOf tells the candidate's staff whether the candidate
// has an account, an open invitation, or neither.
func (s *Service) CandidateAccountOf(ctx context.Context, a Actor, candidateID string) (CandidateAccountStatus, error) {
	if _, err := s.requireStaffOf(ctx, a, candidateID); err != nil {
		return CandidateAccountStatus{}, err
	}
	out := CandidateAccountStatus{Status: CandidateAccountNone}
	acct, err := s.CandidateAccounts.ByCandidateID(ctx, candidateID)
	switch {
	case err == nil:
		out.Status, out.Username, out.CreatedAt = CandidateAccountActive, acct.Username, &acct.CreatedAt
	case !errors.Is(err, errs.NotFound):
		return CandidateAccountStatus{}, fmt.Errorf("candidate account: %w", err)
	}
	open, err := s.CandidateInvitations.OpenOf(ctx, candidateID)
	if err != nil {
		return CandidateAccountStatus{}, fmt.Errorf("candidate account: %w", err)
	}
	for _, inv := range open {
		if inv.Usable(s.now()) && (out.InvitationExpiresAt == nil || inv.ExpiresAt.After(*out.InvitationExpiresAt)) {
			out.InvitationExpiresAt = &inv.ExpiresAt
		}
	}
	if out.Status == CandidateAccountNone && out.InvitationExpiresAt != nil {
		out.Status = CandidateAccountInvited
	}
	return out, nil
}

// CloseCandidateAccount lets the candidate's staff close the candidate's
// account and withdraw any open invitation. The account is removed, its
// refresh tokens are revoked and the account is published as revoked, so
// every service refuses its access tokens within seconds. A candidate
// without an account is closed already: no error.
func (s *Service) CloseCandidateAccount(ctx context.Context, a Actor, candidateID string) error {
	if _, err := s.requireStaffOf(ctx, a, candidateID); err != nil {
		return err
	}
	if err := s.CandidateInvitations.RevokeOpenOf(ctx, candidateID, s.now()); err != nil {
		return fmt.Errorf("close candidate account: %w", err)
	}
	accountID, err := s.removeCandidateAccount(ctx, candidateID)
	if err != nil {
		return fmt.Errorf("close candidate account: %w", err)
	}
	s.audit().Info("candidate account closed", "actor", a.UserID, "candidate_id", candidateID, "account_id", accountID)
	return nil
}

// EraseCandidateAccount removes a candidate's account and every
// invitation of theirs, after the candidates service erased the
// candidate. It is idempotent: an event handled twice finds nothing the
// second time.
func (s *Service) EraseCandidateAccount(ctx context.Context, candidateID string) error {
	accountID, err := s.removeCandidateAccount(ctx, candidateID)
	if err != nil {
		return fmt.Errorf("erase candidate account: %w", err)
	}
	if err := s.CandidateInvitations.DeleteAllOf(ctx, candidateID); err != nil {
		return fmt.Errorf("erase candidate account: %w", err)
	}
	s.audit().Info("candidate account erased", "candidate_id", candidateID, "account_id", accountID)
	return nil
}

// removeCandidateAccount deletes the candidate's account, if any, and
// ends everything it opened, and returns its id ("" if there was none).
// The account is published as revoked first, so no access token of it
// passes once this returns; a sign-in racing with it may still store a
// refresh token, but refreshing it finds no account.
func (s *Service) removeCandidateAccount(ctx context.Context, candidateID string) (string, error) {
	acct, err := s.CandidateAccounts.ByCandidateID(ctx, candidateID)
	if errors.Is(err, errs.NotFound) {
		return "", nil
	} else if err != nil {
		return "", err
	}
	if err := s.Revocations.RevokeUser(ctx, acct.ID); err != nil {
		return "", err
	}
	if err := s.CandidateAccounts.Delete(ctx, acct.ID); err != nil {
		return "", err
	}
	if err := s.endUserSessions(ctx, acct.ID); err != nil {
		return "", err
	}
	return acct.ID, nil
}

// requireStaffOf allows a member or org_admin of a programme organisation
// whose account is still on, for a candidate that organisation holds, and
// returns the organisation's id. Anyone else's candidate, an unknown or an
// erased one is NotFound, so candidate ids cannot be probed; a caller who
// is not programme staff at all is Forbidden.
func (s *Service) requireStaffOf(ctx context.Context, a Actor, candidateID string) (string, error) {
	if a.OrgKind != domain.KindProgramme || (a.Role != domain.RoleMember && a.Role != domain.RoleOrgAdmin) {
		return "", errNotCandidateStaff
	}
	if err := s.requireActive(ctx, a); err != nil {
		return "", err
	}
	orgID, err := s.Candidates.CandidateOrg(ctx, candidateID)
	if err != nil {
		return "", fmt.Errorf("candidate's organisation: %w", err)
	}
	if orgID != a.OrgID {
		return "", fmt.Errorf("candidate %s: %w", candidateID, errs.NotFound)
	}
	return orgID, nil
}
