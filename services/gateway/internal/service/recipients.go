package service

import (
	"context"
	"fmt"
	"slices"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// RecipientReaders are the services that may read recipients: the
// addresses and languages of accounts.
var RecipientReaders = []string{"notifications"}

// MaxRecipients bounds one listing of an organisation's recipients.
const MaxRecipients = 1000

// requireRecipientReader allows only the services in RecipientReaders;
// caller is the calling service's name, empty for a user.
func requireRecipientReader(caller string) error {
	if !slices.Contains(RecipientReaders, caller) {
		return fmt.Errorf("only the notifications service may read recipients: %w", errs.Forbidden)
	}
	return nil
}

// Recipient returns one account, active or not, for the service caller.
// An unknown id is NotFound: the account was removed.
func (s *Service) Recipient(ctx context.Context, caller, userID string) (domain.User, error) {
	if err := requireRecipientReader(caller); err != nil {
		return domain.User{}, err
	}
	u, err := s.Users.ByID(ctx, userID)
	if err != nil {
		return domain.User{}, fmt.Errorf("recipient: %w", err)
	}
	return u, nil
}

// OrganisationRecipients returns the active accounts of organisation
// orgID (at most MaxRecipients, by name) for the service caller. An
// unknown organisation is NotFound.
func (s *Service) OrganisationRecipients(ctx context.Context, caller, orgID string) ([]domain.User, error) {
	if err := requireRecipientReader(caller); err != nil {
		return nil, err
	}
	if _, err := s.Organisations.ByID(ctx, orgID); err != nil {
		return nil, fmt.Errorf("organisation: %w", err)
	}
	users, err := s.Users.ByOrg(ctx, orgID, MaxRecipients)
	if err != nil {
		return nil, fmt.Errorf("recipients: %w", err)
	}
	return slices.DeleteFunc(users, func(u domain.User) bool { return !u.Active() }), nil
}
