package site

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/onward-jobs/onward/pkg/api"
)

// adminClient calls the gateway's administration API: organisations,
// their people and their open invitations. The gateway decides who may
// see and change what; a page only shows its answers.
type adminClient struct{ *accountClient }

// organisationPage is one page of the platform's organisations.
type organisationPage struct {
	Items      []api.Organisation `json:"items"`
	NextCursor string             `json:"next_cursor"`
}

// organisationFilter is the organisations list's search, as typed.
type organisationFilter struct {
	Query, Kind, Cursor string
}

// organisationsPageSize is how many organisations one page lists.
const organisationsPageSize = 20

func (a adminClient) organisations(ctx context.Context, token string, f organisationFilter) (organisationPage, error) {
	q := url.Values{"limit": {strconv.Itoa(organisationsPageSize)}}
	for key, value := range map[string]string{"q": f.Query, "kind": f.Kind, "cursor": f.Cursor} {
		if value != "" {
			q.Set(key, value)
		}
	}
	var out organisationPage
	err := a.send(ctx, token, "", http.MethodGet, "/api/v1/organisations?"+q.Encode(), nil, &out)
	return out, err
}

func (a adminClient) organisation(ctx context.Context, token, orgID string) (api.Organisation, error) {
	var out api.Organisation
	err := a.send(ctx, token, "", http.MethodGet, orgPath(orgID), nil, &out)
	return out, err
}

// roster lists the organisation's people, with their e-mail addresses and
// dates for those who manage it.
func (a adminClient) roster(ctx context.Context, token, orgID string) ([]api.Member, error) {
	var out struct {
		Items []api.Member `json:"items"`
	}
	err := a.send(ctx, token, "", http.MethodGet, orgPath(orgID)+"/members", nil, &out)
	return out.Items, err
}

func (a adminClient) openInvitations(ctx context.Context, token, orgID string) ([]api.OpenInvitation, error) {
	var out struct {
		Items []api.OpenInvitation `json:"items"`
	}
	err := a.send(ctx, token, "", http.MethodGet, orgPath(orgID)+"/invitations", nil, &out)
	return out.Items, err
}

func (a adminClient) reissueInvitation(ctx context.Context, token, orgID, invitationID string) (api.Invitation, error) {
	var out api.Invitation
	err := a.send(ctx, token, "", http.MethodPost, apiInvitationPath(orgID, invitationID)+"/reissue", nil, &out)
	return out, err
}

func (a adminClient) revokeInvitation(ctx context.Context, token, orgID, invitationID string) error {
	return a.send(ctx, token, "", http.MethodDelete, apiInvitationPath(orgID, invitationID), nil, nil)
}

// setDeactivated switches a user's account off (true) or on again.
func (a adminClient) setDeactivated(ctx context.Context, token, userID string, off bool) error {
	method := http.MethodDelete
	if off {
		method = http.MethodPost
	}
	return a.send(ctx, token, "", method, "/api/v1/users/"+url.PathEscape(userID)+"/deactivation", nil, nil)
}

func orgPath(orgID string) string { return "/api/v1/organisations/" + url.PathEscape(orgID) }

func apiInvitationPath(orgID, invitationID string) string {
	return orgPath(orgID) + "/invitations/" + url.PathEscape(invitationID)
}
