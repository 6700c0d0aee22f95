package auth

import (
	"context"
	"slices"
	"strings"
	"time"
)

// Roles a token can carry. The set is closed: a token naming any other role
// is rejected, so a typo at the gateway fails loudly instead of silently
// granting or denying access.
const (
	// RoleAdmin is an Onward platform administrator, not tied to one
	// organisation.
	RoleAdmin = "admin"
	// RoleOrgAdmin administers one organisation, named by the org_id claim.
	RoleOrgAdmin = "org_admin"
	// RoleMember is an ordinary user: a candidate, or a member of an
	// organisation.
	RoleMember = "member"
	// RoleService is another Onward service calling on its own behalf.
	RoleService = "service"
	// RoleCandidate is a candidate signed in to their own account. The
	// token names exactly one candidate record (the candidate_id claim)
	// and no organisation, so no check written for staff can admit it.
	RoleCandidate = "candidate"
)

// Organisation kinds carried in the org_kind claim.
const (
	// OrgKindEmployer is an organisation that posts roles and hires.
	OrgKindEmployer = "employer"
	// OrgKindProgramme is a training or placement programme that
	// sponsors candidates.
	OrgKindProgramme = "programme"
	// OrgKindObserver is a funder, a city or a probation service that
	// reads the aggregate reports programme organisations share with it.
	// It never reaches candidates, roles or anything that names a person.
	OrgKindObserver = "observer"
)

// ServiceSubjectPrefix starts the subject of every service token, so that a
// service identity can never collide with a user id.
const ServiceSubjectPrefix = "service:"

var (
	knownRoles    = []string{RoleAdmin, RoleOrgAdmin, RoleMember, RoleService, RoleCandidate}
	knownOrgKinds = []string{OrgKindEmployer, OrgKindProgramme, OrgKindObserver}
)

// Principal is the verified caller of a request, as seen by handlers and
// service layers. It is built only from a token that passed verification.
type Principal struct {
	// Subject is the user id, or "service:<name>" for a service.
	Subject string
	// OrgID is the caller's organisation, empty for candidates and admins.
	OrgID string
	// OrgKind is OrgKindEmployer, OrgKindProgramme or OrgKindObserver
	// when OrgID is set.
	OrgKind string
	// Role is one of the Role constants.
	Role string
	// CandidateID is the one candidate record a RoleCandidate caller is,
	// and empty for everyone else.
	CandidateID string
	// TokenID is the token's jti, useful for audit logs.
	TokenID string
	// SessionID is the sign-in the token belongs to (the sid claim), empty
	// for service tokens.
	SessionID string
	// ExpiresAt is when the token stops being accepted.
	ExpiresAt time.Time
}

// IsService reports whether the caller is another Onward service.
func (p Principal) IsService() bool { return p.Role == RoleService }

// IsAdmin reports whether the caller is a platform administrator. An
// organisation's administrator (RoleOrgAdmin) is not.
func (p Principal) IsAdmin() bool { return p.Role == RoleAdmin }

// IsCandidate reports whether the caller is a candidate signed in to
// their own account.
func (p Principal) IsCandidate() bool { return p.Role == RoleCandidate && p.CandidateID != "" }

// IsCandidateSelf reports whether the caller is the candidate candidateID
// themself.
func (p Principal) IsCandidateSelf(candidateID string) bool {
	return p.IsCandidate() && candidateID != "" && p.CandidateID == candidateID
}

// ServiceName returns the calling service's name, or "" if the caller is
// not a service.
func (p Principal) ServiceName() string {
	if !p.IsService() {
		return ""
	}
	return strings.TrimPrefix(p.Subject, ServiceSubjectPrefix)
}

// HasRole reports whether the caller holds any of roles.
func (p Principal) HasRole(roles ...string) bool { return slices.Contains(roles, p.Role) }

type principalKey struct{}

// WithPrincipal returns a context carrying p. The middleware calls it for
// every authenticated request; tests and workers may call it directly.
func WithPrincipal(ctx context.Context, p Principal) context.Context {
	return context.WithValue(ctx, principalKey{}, p)
}

// FromContext returns the principal stored by WithPrincipal, so service
// layers can read the caller without depending on Fiber.
func FromContext(ctx context.Context) (Principal, bool) {
	p, ok := ctx.Value(principalKey{}).(Principal)
	return p, ok
}
