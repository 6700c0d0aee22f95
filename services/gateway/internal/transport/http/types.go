package http

import (
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

type signupRequest struct {
	OrganisationName string `json:"organisation_name" validate:"required,max=120"`
	Name             string `json:"name" validate:"required,max=100"`
	Email            string `json:"email" validate:"required,email,max=254"`
	Password         string `json:"password" validate:"required,min=12,max=128"`
	Language         string `json:"language,omitempty" validate:"omitempty,oneof=en nl fr de"`
}

// signupAcceptedResponse answers every valid sign-up alike: the address to
// sign in with, normalised.
type signupAcceptedResponse struct {
	Email string `json:"email"`
}

type loginRequest struct {
	Email    string `json:"email" validate:"required,max=254"`
	Password string `json:"password" validate:"required,max=128"`
}

type refreshRequest struct {
	RefreshToken string `json:"refresh_token" validate:"required,max=512"`
}

type createOrganisationRequest struct {
	Name          string `json:"name" validate:"required,max=120"`
	Kind          string `json:"kind" validate:"required,oneof=employer programme observer"`
	ProgrammeType string `json:"programme_type,omitempty" validate:"omitempty,oneof=social_enterprise detention_house transition_house probation_service"`
}

type inviteRequest struct {
	Email string `json:"email" validate:"required,email,max=254"`
	Role  string `json:"role" validate:"required,oneof=org_admin member"`
}

type changeRoleRequest struct {
	Role string `json:"role" validate:"required,oneof=org_admin member"`
}

type acceptInvitationRequest struct {
	Name     string `json:"name" validate:"required,max=100"`
	Password string `json:"password" validate:"required,min=12,max=128"`
	Language string `json:"language,omitempty" validate:"omitempty,oneof=en nl fr de"`
}

// updateMeRequest changes what the caller may change of their own
// account: their language.
type updateMeRequest struct {
	Language string `json:"language" validate:"required,oneof=en nl fr de"`
}

type userResponse struct {
	ID             string `json:"id"`
	Name           string `json:"name"`
	Email          string `json:"email"`
	Role           string `json:"role"`
	OrganisationID string `json:"organisation_id,omitempty"`
	Language       string `json:"language"`
}

type organisationResponse struct {
	ID            string    `json:"id"`
	Name          string    `json:"name"`
	Kind          string    `json:"kind"`
	ProgrammeType string    `json:"programme_type,omitempty"`
	CreatedAt     time.Time `json:"created_at"`
	Status        string    `json:"status"`
	// Verification and Suspension are shown to platform administrators
	// only.
	Verification *verificationResponse `json:"verification,omitempty"`
	Suspension   *suspensionResponse   `json:"suspension,omitempty"`
}

type accountResponse struct {
	User         userResponse          `json:"user"`
	Organisation *organisationResponse `json:"organisation"`
	Role         string                `json:"role"`
	// CandidateID names the candidate record of a candidate's own account.
	CandidateID string `json:"candidate_id,omitempty"`
}

type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    int    `json:"expires_in"`
}

type invitationResponse struct {
	ID        string    `json:"id"`
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
}

func toUserResponse(u domain.User) userResponse {
	return userResponse{ID: u.ID, Name: u.Name, Email: u.Email, Role: string(u.Role), OrganisationID: u.OrgID, Language: string(u.Language)}
}

func toOrganisationResponse(o domain.Organisation) organisationResponse {
	return organisationResponse{ID: o.ID, Name: o.Name, Kind: string(o.Kind), ProgrammeType: string(o.ProgrammeType), CreatedAt: o.CreatedAt.UTC(), Status: string(o.Status)}
}

func toAccountResponse(a service.Account) accountResponse {
	out := accountResponse{User: toUserResponse(a.User), Role: string(a.User.Role), CandidateID: a.CandidateID}
	if a.Organisation != nil {
		org := toOrganisationResponse(*a.Organisation)
		out.Organisation = &org
	}
	return out
}

func toTokenResponse(p service.TokenPair) tokenResponse {
	return tokenResponse{AccessToken: p.AccessToken, RefreshToken: p.RefreshToken, TokenType: "Bearer", ExpiresIn: int(p.ExpiresIn.Seconds())}
}

func toInvitationResponse(i service.IssuedInvitation) invitationResponse {
	return invitationResponse{ID: i.ID, Token: i.Token, ExpiresAt: i.ExpiresAt.UTC()}
}
