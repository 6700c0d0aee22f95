package http

import (
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// invitationLookupResponse is what an invitee's token shows before they
// accept: who invites them, as what, with which address, until when.
type invitationLookupResponse struct {
	Organisation invitingOrganisation `json:"organisation"`
	Email        string               `json:"email"`
	Role         string               `json:"role"`
	ExpiresAt    time.Time            `json:"expires_at"`
}

type invitingOrganisation struct {
	Name string `json:"name"`
	Kind string `json:"kind"`
}

func toInvitationLookupResponse(inv domain.Invitation, org domain.Organisation) invitationLookupResponse {
	return invitationLookupResponse{
		Organisation: invitingOrganisation{Name: org.Name, Kind: string(org.Kind)},
		Email:        inv.Email, Role: string(inv.Role), ExpiresAt: inv.ExpiresAt.UTC(),
	}
}

// openInvitationResponse describes an open invitation to the people who
// manage the organisation; the token is never in it.
type openInvitationResponse struct {
	ID        string    `json:"id"`
	Email     string    `json:"email"`
	Role      string    `json:"role"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	Expired   bool      `json:"expired"`
}

func toOpenInvitationResponse(now time.Time) func(domain.Invitation) openInvitationResponse {
	return func(i domain.Invitation) openInvitationResponse {
		return openInvitationResponse{ID: i.ID, Email: i.Email, Role: string(i.Role), CreatedAt: i.CreatedAt.UTC(), ExpiresAt: i.ExpiresAt.UTC(), Expired: !now.Before(i.ExpiresAt)}
	}
}

// memberResponse is a person of an organisation. The e-mail and dates are
// present only for those who manage it.
type memberResponse struct {
	ID            string     `json:"id"`
	Name          string     `json:"name"`
	Role          string     `json:"role"`
	Active        bool       `json:"active"`
	Email         string     `json:"email,omitempty"`
	CreatedAt     *time.Time `json:"created_at,omitempty"`
	DeactivatedAt *time.Time `json:"deactivated_at,omitempty"`
}

func toMemberResponse(m service.Member) memberResponse {
	return memberResponse{ID: m.ID, Name: m.Name, Role: string(m.Role), Active: m.Active}
}

func toMemberDetailsResponse(d service.MemberDetails) memberResponse {
	out := toMemberResponse(d.Member)
	if d.Contact {
		created := d.CreatedAt.UTC()
		out.Email, out.CreatedAt = d.Email, &created
		if d.DeactivatedAt != nil {
			at := d.DeactivatedAt.UTC()
			out.DeactivatedAt = &at
		}
	}
	return out
}
