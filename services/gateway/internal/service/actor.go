package service

import (
	"fmt"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// Actor is the signed-in caller of a use case, taken from a verified access
// token by the transport layer.
type Actor struct {
	UserID  string
	OrgID   string
	OrgKind domain.OrgKind
	Role    domain.Role
	// CandidateID is the candidate record a candidate's own account acts
	// as; empty for everyone else.
	CandidateID string
}

// IsCandidate reports whether the actor is a candidate signed in to
// their own account.
func (a Actor) IsCandidate() bool { return a.Role == domain.RoleCandidate }

// IsAdmin reports whether the actor administers the platform.
func (a Actor) IsAdmin() bool { return a.Role == domain.RoleAdmin }

// requireAdmin allows platform administrators only.
func requireAdmin(a Actor) error {
	if !a.IsAdmin() {
		return fmt.Errorf("only a platform administrator may do this: %w", errs.Forbidden)
	}
	return nil
}

// requireOrgAdminOf allows an administrator, or the org_admin of orgID. A
// caller from another organisation gets NotFound, so ids of other
// organisations cannot be probed; a member of orgID gets Forbidden.
func requireOrgAdminOf(a Actor, orgID string) error {
	switch {
	case a.IsAdmin():
		return nil
	case a.OrgID != orgID:
		return fmt.Errorf("organisation %s: %w", orgID, errs.NotFound)
	case a.Role != domain.RoleOrgAdmin:
		return fmt.Errorf("only an organisation administrator may do this: %w", errs.Forbidden)
	}
	return nil
}

// ActorFromPrincipal converts a verified access token's principal into the
// actor of a use case. Service tokens are not users: they get no actor.
func ActorFromPrincipal(p auth.Principal) (Actor, error) {
	if p.IsService() {
		return Actor{}, fmt.Errorf("a user access token is required: %w", errs.Unauthenticated)
	}
	return Actor{UserID: p.Subject, OrgID: p.OrgID, OrgKind: domain.OrgKind(p.OrgKind), Role: domain.Role(p.Role), CandidateID: p.CandidateID}, nil
}
