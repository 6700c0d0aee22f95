// Package candidates asks the candidates service which programme
// organisation holds a candidate, over its internal API: GET
// /internal/v1/candidates/{id} (getMatchingView in docs/openapi.yaml),
// which holds no identity and answers 404 for an unknown or erased
// candidate. Only its org_id is read. The call bears a service token of
// the gateway meant for the candidates service.
package candidates

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// maxBody bounds the answer read: a matching view is a few kilobytes.
const maxBody = 1 << 20

// TokenSource mints a service token of the gateway for audience.
type TokenSource func(audience string) (string, error)

// Client implements service.Candidates.
type Client struct {
	api    *api.Client
	tokens TokenSource
}

// New returns a client of the candidates service at baseURL.
func New(baseURL string, tokens TokenSource, timeout time.Duration) (*Client, error) {
	c, err := api.NewClient(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout}))
	if err != nil {
		return nil, fmt.Errorf("candidates client: %w", err)
	}
	return &Client{api: c, tokens: tokens}, nil
}

// CandidateOrg returns the programme organisation that holds candidate
// id: errs.NotFound for an unknown or erased candidate, errs.Unavailable
// when the service cannot answer. Errors name the id only.
func (c *Client) CandidateOrg(ctx context.Context, id string) (string, error) {
	token, err := c.tokens("candidates")
	if err != nil {
		return "", fmt.Errorf("service token: %w", err)
	}
	bearer := func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
	resp, err := c.api.GetMatchingView(ctx, id, bearer)
	if err != nil {
		return "", fmt.Errorf("candidates: candidate %s: %w", id, errs.Unavailable)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return "", fmt.Errorf("candidate %s: %w", id, errs.NotFound)
	case resp.StatusCode >= 500:
		return "", fmt.Errorf("candidates: candidate %s: status %d: %w", id, resp.StatusCode, errs.Unavailable)
	case resp.StatusCode != http.StatusOK:
		return "", fmt.Errorf("candidates: candidate %s: status %d", id, resp.StatusCode)
	}
	var body struct {
		OrgID string `json:"org_id"`
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(&body); err != nil {
		return "", fmt.Errorf("candidates: decode candidate %s: %w", id, err)
	}
	if body.OrgID == "" {
		return "", fmt.Errorf("candidates: candidate %s: an answer without its organisation", id)
	}
	return body.OrgID, nil
}
