package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/password"
)

// SignupInput is an employer signing itself up from a client address.
type SignupInput struct {
	OrganisationName string
	Name             string
	Email            string
	Password         string
	Language         string // optional: en (the default), nl, fr or de
	ClientIP         string
}

// Account is a user with the organisation it belongs to (none for an
// admin or a candidate). For a candidate's own account CandidateID names
// the candidate record, and User holds the user name as Name.
type Account struct {
	User         domain.User
	Organisation *domain.Organisation
	CandidateID  string
}

// errAlreadyMember answers an invitation for someone who is already a
// member of the inviting organisation, which its managers can see anyway.
var errAlreadyMember = fmt.Errorf("email: this address already belongs to a member of this organisation: %w", errs.Conflict)

// Signup creates an employer organisation and its first org_admin, and
// returns the normalised address. It answers the same, and spends the same
// password hashing, whether or not the address already has an account, so
// sign-up does not tell anyone which addresses are registered: for a taken
// address it creates nothing and the owner is told instead. Sign-ups are
// limited per client address.
//
// Without multi-document transactions it writes the organisation first and
// deletes it again if the user cannot be created, so nothing is left
// half-written.
func (s *Service) Signup(ctx context.Context, in SignupInput) (string, error) {
	org, err := domain.NewOrganisation(newID(), in.OrganisationName, domain.KindEmployer, "", s.now())
	fields := appendFieldErrors(nil, errs.RenameField(err, "name", "organisation_name"))
	_, _, userFields := checkUser(in.Name, in.Email, in.Password)
	fields = append(fields, userFields...)
	lang, err := domain.CheckLanguage("language", in.Language)
	if fields = appendFieldErrors(fields, err); len(fields) > 0 {
		return "", &errs.ValidationError{Fields: fields}
	}
	if err := s.throttle(s.Throttle.Hit(ctx, "signup:ip:"+in.ClientIP, s.cfg.Abuse.SignupIPLimit, s.cfg.Abuse.SignupWindow)); err != nil {
		return "", err
	}
	user, err := s.newUser(in.Name, in.Email, in.Password, org.ID, domain.RoleOrgAdmin, lang)
	if err != nil {
		return "", err
	}
	if existing, err := s.Users.ByEmail(ctx, user.Email); err == nil {
		s.Notices.SignupWithExistingAddress(ctx, existing)
		return user.Email, nil
	} else if !errors.Is(err, errs.NotFound) {
		return "", fmt.Errorf("signup: %w", err)
	}
	if err := s.Organisations.Create(ctx, org); err != nil {
		return "", fmt.Errorf("signup: %w", err)
	}
	if err := s.Users.Create(ctx, user); err != nil {
		if delErr := s.Organisations.Delete(ctx, org.ID); delErr != nil {
			return "", fmt.Errorf("signup: %w", errors.Join(err, delErr))
		}
		if !errors.Is(err, errs.Conflict) {
			return "", fmt.Errorf("signup: %w", err)
		}
		// A sign-up with the same address won the race: answer as for
		// any taken address.
		if existing, err := s.Users.ByEmail(ctx, user.Email); err == nil {
			s.Notices.SignupWithExistingAddress(ctx, existing)
		}
	}
	return user.Email, nil
}

// newUser validates the fields of a new account and hashes its password.
func (s *Service) newUser(name, email, plain, orgID string, role domain.Role, lang domain.Language) (domain.User, error) {
	name, email, fields := checkUser(name, email, plain)
	if len(fields) > 0 {
		return domain.User{}, &errs.ValidationError{Fields: fields}
	}
	hash, err := password.Hash(plain, s.cfg.PasswordParams)
	if err != nil {
		return domain.User{}, err
	}
	return domain.User{ID: newID(), Email: email, Name: name, PasswordHash: hash, OrgID: orgID, Role: role, Language: lang, CreatedAt: s.now()}, nil
}

// checkUser validates every field of a new account and returns the
// normalised name and e-mail with the field errors found.
func checkUser(name, email, plain string) (string, string, []errs.FieldError) {
	var fields []errs.FieldError
	name, err := domain.CheckName("name", name)
	fields = appendFieldErrors(fields, err)
	email, err = domain.NormaliseEmail("email", email)
	fields = appendFieldErrors(fields, err)
	fields = appendFieldErrors(fields, domain.CheckPassword("password", plain, email, name))
	return name, email, fields
}

// SetLanguage changes the caller's language, in which the web app and
// e-mails address them, and returns their account.
func (s *Service) SetLanguage(ctx context.Context, a Actor, lang string) (Account, error) {
	if lang == "" {
		return Account{}, errs.Invalid("language", "is required")
	}
	chosen, err := domain.CheckLanguage("language", lang)
	if err != nil {
		return Account{}, err
	}
	if _, err := s.Me(ctx, a); err != nil {
		return Account{}, err
	}
	if a.IsCandidate() {
		if err := s.CandidateAccounts.SetLanguage(ctx, a.UserID, chosen); err != nil {
			return Account{}, fmt.Errorf("set language: %w", err)
		}
		return s.Me(ctx, a)
	}
	if err := s.Users.SetLanguage(ctx, a.UserID, chosen); err != nil {
		return Account{}, fmt.Errorf("set language: %w", err)
	}
	return s.Me(ctx, a)
}

// Me returns the caller's account and organisation.
func (s *Service) Me(ctx context.Context, a Actor) (Account, error) {
	if a.IsCandidate() {
		return s.candidateMe(ctx, a)
	}
	user, err := s.Users.ByID(ctx, a.UserID)
	if err != nil {
		if errors.Is(err, errs.NotFound) {
			return Account{}, fmt.Errorf("the account no longer exists: %w", errs.Unauthenticated)
		}
		return Account{}, err
	}
	if !user.Active() {
		return Account{}, fmt.Errorf("this account is deactivated; sign in again: %w", errs.Unauthenticated)
	}
	return s.account(ctx, user)
}

func (s *Service) account(ctx context.Context, user domain.User) (Account, error) {
	if user.OrgID == "" {
		return Account{User: user}, nil
	}
	org, err := s.Organisations.ByID(ctx, user.OrgID)
	if err != nil {
		return Account{}, fmt.Errorf("organisation of user %s: %w", user.ID, err)
	}
	return Account{User: user, Organisation: &org}, nil
}

// CreateOrganisation lets an administrator create an organisation, usually
// a programme or an observer organisation (employers sign up themselves).
func (s *Service) CreateOrganisation(ctx context.Context, a Actor, name string, kind domain.OrgKind, ptype domain.ProgrammeType) (domain.Organisation, error) {
	if err := requireAdmin(a); err != nil {
		return domain.Organisation{}, err
	}
	org, err := domain.NewOrganisation(newID(), name, kind, ptype, s.now())
	if err != nil {
		return domain.Organisation{}, err
	}
	if err := s.Organisations.Create(ctx, org); err != nil {
		return domain.Organisation{}, fmt.Errorf("create organisation: %w", err)
	}
	return org, nil
}

func appendFieldErrors(fields []errs.FieldError, err error) []errs.FieldError {
	var ve *errs.ValidationError
	if errors.As(err, &ve) {
		return append(fields, ve.Fields...)
	}
	return fields
}
