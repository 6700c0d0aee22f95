package service

import (
	"context"
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// MemberDetails is a member as the people who manage the organisation see
// them: a Member with the e-mail address it signs in with, when it joined
// and, if it is switched off, since when. Contact is false when the
// caller may see only the Member part; the other fields are then empty.
type MemberDetails struct {
	Member
	Contact       bool
	Email         string
	CreatedAt     time.Time
	DeactivatedAt *time.Time
}

func toMemberDetails(u domain.User, contact bool) MemberDetails {
	d := MemberDetails{Member: toMember(u), Contact: contact}
	if contact {
		d.Email, d.CreatedAt, d.DeactivatedAt = u.Email, u.CreatedAt, u.DeactivatedAt
	}
	return d
}

// Roster lists the people of organisation orgID by name, at most
// MaxMembers of them, active or not. A platform administrator and the
// organisation's own org_admins see each one's details; its other people
// see colleagues only (as Members does, but platform administrators may
// call it too). Anyone else gets NotFound.
func (s *Service) Roster(ctx context.Context, a Actor, orgID string) ([]MemberDetails, error) {
	if !a.IsAdmin() && (orgID == "" || a.OrgID != orgID) {
		return nil, fmt.Errorf("organisation %s: %w", orgID, errs.NotFound)
	}
	if _, err := s.Organisations.ByID(ctx, orgID); err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	users, err := s.Users.ByOrg(ctx, orgID, MaxMembers)
	if err != nil {
		return nil, fmt.Errorf("members: %w", err)
	}
	contact := a.IsAdmin() || a.Role == domain.RoleOrgAdmin
	out := make([]MemberDetails, 0, len(users))
	for _, u := range users {
		out = append(out, toMemberDetails(u, contact))
	}
	return out, nil
}
