package site

import (
	"context"
	"errors"
	"net/http"
	"net/url"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// accountTimeout bounds every call to the gateway's account API. Sign-in
// hashes a password (argon2id), so it may take a moment on a busy machine.
const accountTimeout = 10 * time.Second

// Roles and organisation kinds as the gateway's API spells them.
const (
	roleAdmin    = "admin"
	roleOrgAdmin = "org_admin"
	roleMember   = "member"

	kindEmployer  = "employer"
	kindProgramme = "programme"
)

// programmeTypes narrow a programme organisation down, in the order the
// administrator's form offers them.
var programmeTypes = []string{"social_enterprise", "detention_house", "transition_house", "probation_service"}

// invitationDays is how long an invitation link works, as the gateway
// issues it; the home page tells the inviter.
const invitationDays = 7

// accountClient calls the gateway's own API: sign-up, sign-in, tokens,
// the signed-in account, organisations, invitations and members.
type accountClient struct{ serviceClient }

func newAccountClient(base string) *accountClient {
	return &accountClient{newServiceClient("gateway", base, accountTimeout)}
}

// send calls the account API and turns its field errors into the
// platform's validation error, as the forms expect from a use case.
func (a *accountClient) send(ctx context.Context, token, clientIP, method, path string, in, out any) error {
	err := a.callAs(ctx, token, clientIP, method, path, in, out)
	var p *apiProblem
	if errors.As(err, &p) && p.Status == http.StatusBadRequest && len(p.Errors) > 0 {
		return &errs.ValidationError{Fields: p.Errors}
	}
	return err
}

// tokenPair is a fresh access and refresh token.
type tokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
}

// apiUser is a user as the account API answers it.
type apiUser struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Email          string `json:"email"`
	Role           string `json:"role"`
	OrganisationID string `json:"organisation_id"`
}

// apiOrganisation is an organisation as the account API answers it.
type apiOrganisation struct {
	ID            string `json:"id"`
	Name          string `json:"name"`
	Kind          string `json:"kind"`
	ProgrammeType string `json:"programme_type"`
}

// account is the signed-in user and their organisation, if any.
type account struct {
	User         apiUser          `json:"user"`
	Organisation *apiOrganisation `json:"organisation"`
	Role         string           `json:"role"`
}

// signupInput is the employer sign-up form.
type signupInput struct {
	OrganisationName string `json:"organisation_name"`
	Name             string `json:"name"`
	Email            string `json:"email"`
	Password         string `json:"password"`
}

func (a *accountClient) signup(ctx context.Context, clientIP string, in signupInput) (account, error) {
	var out account
	err := a.send(ctx, "", clientIP, http.MethodPost, "/api/v1/auth/signup", in, &out)
	return out, err
}

func (a *accountClient) login(ctx context.Context, clientIP, email, password string) (tokenPair, error) {
	var out tokenPair
	err := a.send(ctx, "", clientIP, http.MethodPost, "/api/v1/auth/login", map[string]string{"email": email, "password": password}, &out)
	return out, err
}

func (a *accountClient) refresh(ctx context.Context, refreshToken string) (tokenPair, error) {
	var out tokenPair
	err := a.send(ctx, "", "", http.MethodPost, "/api/v1/auth/refresh", map[string]string{"refresh_token": refreshToken}, &out)
	return out, err
}

func (a *accountClient) logout(ctx context.Context, refreshToken string) error {
	return a.send(ctx, "", "", http.MethodPost, "/api/v1/auth/logout", map[string]string{"refresh_token": refreshToken}, nil)
}

func (a *accountClient) me(ctx context.Context, token string) (account, error) {
	var out account
	err := a.send(ctx, token, "", http.MethodGet, "/api/v1/me", nil, &out)
	return out, err
}

func (a *accountClient) createOrganisation(ctx context.Context, token, name, kind, ptype string) (apiOrganisation, error) {
	var out apiOrganisation
	in := map[string]string{"name": name, "kind": kind}
	if ptype != "" {
		in["programme_type"] = ptype
	}
	err := a.send(ctx, token, "", http.MethodPost, "/api/v1/organisations", in, &out)
	return out, err
}

// issuedInvitation is a new invitation's secret token, shown once.
type issuedInvitation struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

func (a *accountClient) invite(ctx context.Context, token, orgID, email, role string) (issuedInvitation, error) {
	var out issuedInvitation
	err := a.send(ctx, token, "", http.MethodPost, "/api/v1/organisations/"+url.PathEscape(orgID)+"/invitations",
		map[string]string{"email": email, "role": role}, &out)
	return out, err
}

// pendingInvitation is an invitation as the invitee's page shows it.
type pendingInvitation struct {
	Email        string          `json:"email"`
	Role         string          `json:"role"`
	ExpiresAt    time.Time       `json:"expires_at"`
	Organisation apiOrganisation `json:"organisation"`
}

func (a *accountClient) lookupInvitation(ctx context.Context, invitation string) (pendingInvitation, error) {
	var out pendingInvitation
	err := a.send(ctx, "", "", http.MethodGet, "/api/v1/invitations/"+url.PathEscape(invitation), nil, &out)
	return out, err
}

func (a *accountClient) acceptInvitation(ctx context.Context, clientIP, invitation, name, password string) (account, error) {
	var out account
	err := a.send(ctx, "", clientIP, http.MethodPost, "/api/v1/invitations/"+url.PathEscape(invitation)+"/accept",
		map[string]string{"name": name, "password": password}, &out)
	return out, err
}

// apiMember is a colleague: who they are and their role.
type apiMember struct {
	ID   string `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}

func (a *accountClient) members(ctx context.Context, token, orgID string) ([]apiMember, error) {
	var out struct {
		Items []apiMember `json:"items"`
	}
	err := a.send(ctx, token, "", http.MethodGet, "/api/v1/organisations/"+url.PathEscape(orgID)+"/members", nil, &out)
	return out.Items, err
}

func (a *accountClient) member(ctx context.Context, token, userID string) (apiMember, error) {
	var out apiMember
	err := a.send(ctx, token, "", http.MethodGet, "/api/v1/users/"+url.PathEscape(userID), nil, &out)
	return out, err
}
