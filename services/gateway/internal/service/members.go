package service

import (
	"context"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// MaxMembers bounds the members one call lists; an organisation with more
// sees the first MaxMembers by name.
const MaxMembers = 200

// Member is a colleague as other people of the same organisation see
// them: who they are, their role and whether the account is active, never
// their e-mail or password hash.
type Member struct {
	ID     string
	Name   string
	Role   domain.Role
	Active bool
}

func toMember(u domain.User) Member {
	return Member{ID: u.ID, Name: u.Name, Role: u.Role, Active: u.Active()}
}

// requireMemberOf allows the people of organisation orgID only. Someone of
// another organisation gets NotFound, so ids of other organisations cannot
// be probed; a platform administrator, who belongs to none, is Forbidden.
func requireMemberOf(a Actor, orgID string) error {
	switch {
	case a.IsAdmin():
		return fmt.Errorf("only the people of an organisation may list its members: %w", errs.Forbidden)
	case orgID == "" || a.OrgID != orgID:
		return fmt.Errorf("organisation %s: %w", orgID, errs.NotFound)
	}
	return nil
}

// Members lists the people of organisation orgID by name, at most
// MaxMembers of them, for choosing colleagues such as a programme's
// supervisors. Only the organisation's own people may list them.
func (s *Service) Members(ctx context.Context, a Actor, orgID string) ([]Member, error) {
	if err := requireMemberOf(a, orgID); err != nil {
		return nil, err
	}
	users, err := s.Users.ByOrg(ctx, orgID, MaxMembers)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	out := make([]Member, 0, len(users))
	for _, u := range users {
		out = append(out, toMember(u))
	}
	return out, nil
}

// Member returns one colleague of the caller, to name the person who
// attested a skill or read a record. Anyone outside the caller's own
// organisation, or an account that no longer exists, is NotFound: the
// caller learns nothing about other organisations' people.
func (s *Service) Member(ctx context.Context, a Actor, userID string) (Member, error) {
	if err := requireMemberOf(a, a.OrgID); err != nil {
		return Member{}, err
	}
	u, err := s.Users.ByID(ctx, userID)
	switch {
	case errors.Is(err, errs.NotFound):
		return Member{}, fmt.Errorf("member %s: %w", userID, errs.NotFound)
	case err != nil:
		return Member{}, fmt.Errorf("member: %w", err)
	case u.OrgID != a.OrgID:
		return Member{}, fmt.Errorf("member %s: %w", userID, errs.NotFound)
	}
	return toMember(u), nil
}
