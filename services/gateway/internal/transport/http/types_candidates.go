package http

import (
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// candidateLoginRequest is a candidate's sign-in with a user name. The
// user name's form is checked by the use case, which names the field.
// candidateInvitationRequest is the optional body of an invitation: an
// address to e-mail the link to, and the mail's language.
type candidateInvitationRequest struct {
	Email    string `json:"email" validate:"max=254"`
	Language string `json:"language"`
}

type candidateLoginRequest struct {
	Username string `json:"username" validate:"required,max=30"`
	Password string `json:"password" validate:"required,max=128"`
}

// acceptCandidateInvitationRequest chooses the account's user name (left
// out when the invitation sets a new password on an existing account)
// and password.
type acceptCandidateInvitationRequest struct {
	Username string `json:"username,omitempty" validate:"omitempty,max=30"`
	Password string `json:"password" validate:"required,min=12,max=128"`
	Language string `json:"language,omitempty" validate:"omitempty,oneof=en nl fr de"`
}

type candidateInvitationResponse struct {
	Token     string    `json:"token"`
	Link      string    `json:"link"`
	ExpiresAt time.Time `json:"expires_at"`
}

type candidateAccountResponse struct {
	Status              string     `json:"status"`
	Username            string     `json:"username,omitempty"`
	CreatedAt           *time.Time `json:"created_at,omitempty"`
	InvitationExpiresAt *time.Time `json:"invitation_expires_at,omitempty"`
}

type candidateInvitationLookupResponse struct {
	ExpiresAt  time.Time `json:"expires_at"`
	HasAccount bool      `json:"has_account"`
	Username   string    `json:"username,omitempty"`
}

type candidateAccountCreatedResponse struct {
	Username    string `json:"username"`
	CandidateID string `json:"candidate_id"`
}

func toCandidateInvitationResponse(i service.IssuedCandidateInvitation) candidateInvitationResponse {
	return candidateInvitationResponse{Token: i.Token, Link: i.Link, ExpiresAt: i.ExpiresAt.UTC()}
}

func toCandidateAccountResponse(s service.CandidateAccountStatus) candidateAccountResponse {
	return candidateAccountResponse{Status: s.Status, Username: s.Username, CreatedAt: utcOrNil(s.CreatedAt), InvitationExpiresAt: utcOrNil(s.InvitationExpiresAt)}
}

func toCandidateInvitationLookupResponse(d service.CandidateInvitationDetails) candidateInvitationLookupResponse {
	return candidateInvitationLookupResponse{ExpiresAt: d.ExpiresAt.UTC(), HasAccount: d.Username != "", Username: d.Username}
}

func utcOrNil(t *time.Time) *time.Time {
	if t == nil {
		return nil
	}
	u := t.UTC()
	return &u
}
