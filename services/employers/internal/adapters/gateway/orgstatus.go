// Package gateway reads employer organisations' vetting statuses from the
// gateway's internal API (getOrganisationStatus in docs/openapi.yaml)
// through the client generated in pkg/api, with a service token.
package gateway

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// OrgStatuses implements service.OrgStatusSource.
type OrgStatuses struct {
	api    *api.ClientWithResponses
	tokens auth.TokenSource
}

// New returns a client of the gateway at baseURL.
func New(baseURL string, tokens auth.TokenSource, timeout time.Duration) (*OrgStatuses, error) {
	c, err := api.NewClientWithResponses(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout}))
	if err != nil {
		return nil, fmt.Errorf("gateway client: %w", err)
	}
	return &OrgStatuses{api: c, tokens: tokens}, nil
}

// OrgStatus returns orgID's status; an unknown organisation is
// errs.NotFound.
func (g *OrgStatuses) OrgStatus(ctx context.Context, orgID string) (domain.OrgStanding, error) {
	token, err := g.tokens.Token(ctx, "gateway")
	if err != nil {
		return domain.OrgStanding{}, fmt.Errorf("service token: %w", errs.Unavailable)
	}
	resp, err := g.api.GetOrganisationStatusWithResponse(ctx, orgID, api.BearerToken(token))
	if err != nil {
		return domain.OrgStanding{}, fmt.Errorf("organisation status: gateway unreachable: %w", errs.Unavailable)
	}
	switch {
	case resp.JSON200 != nil:
		return domain.OrgStanding{Status: domain.OrgStatus(resp.JSON200.Status), Version: resp.JSON200.Version}, nil
	case resp.StatusCode() == http.StatusNotFound:
		return domain.OrgStanding{}, fmt.Errorf("organisation %s: %w", orgID, errs.NotFound)
	}
	return domain.OrgStanding{}, fmt.Errorf("organisation status: gateway answered %d: %w", resp.StatusCode(), errs.Unavailable)
}
