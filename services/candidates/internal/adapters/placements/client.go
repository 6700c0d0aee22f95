// Package placements reads what the placements service holds about a
// candidate (GET /internal/v1/placement-records/{candidate_id}) for the
// candidate's export, with a service token, through the client generated
// from docs/openapi.yaml.
package placements

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// Audience is the placements service's name, the audience of its tokens.
const Audience = "placements"

// Client reaches the placements service; it implements
// service.PlacementsRecords.
type Client struct {
	api *api.ClientWithResponses
}

var _ service.PlacementsRecords = (*Client)(nil)

// New returns a client of the placements service at baseURL, calling with
// tokens from tokens over base (http.DefaultTransport if nil).
func New(baseURL string, tokens auth.TokenSource, base http.RoundTripper, timeout time.Duration) (*Client, error) {
	if tokens == nil {
		return nil, errors.New("placements: a token source is required")
	}
	if _, err := url.ParseRequestURI(baseURL); err != nil {
		return nil, fmt.Errorf("placements: URL %q is not a URL", baseURL)
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	c, err := api.NewClientWithResponses(baseURL, api.WithHTTPClient(&http.Client{
		Timeout: timeout, Transport: auth.ServiceTransport(tokens, Audience, base),
	}))
	if err != nil {
		return nil, err
	}
	return &Client{api: c}, nil
}

// CandidateRecord returns the placements service's record of a candidate,
// re-encoded from the contract's type so that only what the contract
// names reaches the export.
func (c *Client) CandidateRecord(ctx context.Context, candidateID string) ([]byte, error) {
	resp, err := c.api.GetPlacementRecordWithResponse(ctx, candidateID)
	what := "GET /internal/v1/placement-records/" + candidateID
	switch {
	case err != nil:
		return nil, fmt.Errorf("placements: %s: %w: %w", what, errs.Unavailable, err)
	case resp.StatusCode() != http.StatusOK || resp.JSON200 == nil:
		return nil, fmt.Errorf("placements: %s answered %d: %w", what, resp.StatusCode(), errs.Unavailable)
	}
	return json.Marshal(resp.JSON200)
}
