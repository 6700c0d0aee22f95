package auth

import (
	"errors"
	"slices"
	"strings"

	"github.com/golang-jwt/jwt/v5"
)

// Claims is the payload of an Onward access token: the registered claims of
// RFC 7519 plus the caller's organisation and role.
type Claims struct {
	jwt.RegisteredClaims
	// OrgID is the caller's organisation, if any.
	OrgID string `json:"org_id,omitempty"`
	// OrgKind is OrgKindEmployer, OrgKindProgramme or OrgKindObserver.
	OrgKind string `json:"org_kind,omitempty"`
	// Role is one of the Role constants.
	Role string `json:"role"`
	// CandidateID binds a RoleCandidate token to one candidate record; no
	// other role carries it.
	CandidateID string `json:"candidate_id,omitempty"`
	// SessionID (sid, as in OpenID Connect) names the sign-in the token
	// belongs to, so that a logout can revoke it at every service.
	SessionID string `json:"sid,omitempty"`
}

// Reasons a token's payload has the wrong shape. Their texts are fixed so
// that they can be shown to a client without echoing anything it sent.
var (
	errMissingSubject = errors.New("token has no subject")
	errUnknownRole    = errors.New("token has an unknown role")
	errUnknownOrgKind = errors.New("token has an unknown organisation kind")
	errOrgKindAlone   = errors.New("token has an organisation kind but no organisation")
	errServiceSubject = errors.New("service token subject must start with " + ServiceSubjectPrefix)
	errCandidateBound = errors.New("a candidate token names one candidate and no organisation")
	errCandidateAlone = errors.New("token names a candidate but is not a candidate's")
)

// Validate checks the Onward-specific shape of the claims. The jwt parser
// calls it after the signature and the registered claims have been checked,
// and Signer.Sign calls it so that the gateway cannot mint a token that
// every service would then refuse.
func (c Claims) Validate() error {
	switch {
	case c.Subject == "":
		return errMissingSubject
	case !slices.Contains(knownRoles, c.Role):
		return errUnknownRole
	case c.OrgKind != "" && !slices.Contains(knownOrgKinds, c.OrgKind):
		return errUnknownOrgKind
	case c.OrgKind != "" && c.OrgID == "":
		return errOrgKindAlone
	case c.Role == RoleService && !strings.HasPrefix(c.Subject, ServiceSubjectPrefix):
		return errServiceSubject
	case c.Role == RoleCandidate && (c.CandidateID == "" || c.OrgID != ""):
		return errCandidateBound
	case c.Role != RoleCandidate && c.CandidateID != "":
		return errCandidateAlone
	}
	return nil
}

// Principal returns the caller described by verified claims.
func (c Claims) Principal() Principal {
	p := Principal{
		Subject:     c.Subject,
		OrgID:       c.OrgID,
		OrgKind:     c.OrgKind,
		Role:        c.Role,
		CandidateID: c.CandidateID,
		TokenID:     c.ID,
		SessionID:   c.SessionID,
	}
	if c.ExpiresAt != nil {
		p.ExpiresAt = c.ExpiresAt.Time
	}
	return p
}
