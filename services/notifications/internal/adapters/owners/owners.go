// Package owners asks the owning services what an event's aggregate belongs
// to: a role's employer organisation and title (employers, GET
// /internal/v1/roles/{id}), a candidate's programme organisation
// (candidates, GET /internal/v1/candidates/{id}) and an introduction's two
// sides (placements, GET /internal/v1/introductions/{id}), with service
// tokens. It reads those fields only; nothing else of a candidate is kept.
package owners

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// maxBody caps one answer.
const maxBody = 4 << 20

// Client reaches the employers, candidates and placements services. It
// implements service.Owners and is safe for concurrent use.
type Client struct {
	employers  *api.Client
	candidates *api.Client
	placements *api.Client
}

// URLs are where the owning services answer.
type URLs struct {
	Employers  string
	Candidates string
	Placements string
}

// New returns a client of the services at urls, calling with tokens from
// tokens. base is the transport under the token (http.DefaultTransport if
// nil).
func New(urls URLs, tokens auth.TokenSource, base http.RoundTripper, timeout time.Duration) (*Client, error) {
	if tokens == nil {
		return nil, errors.New("owners: a token source is required")
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	mk := func(baseURL, audience string) (*api.Client, error) {
		if _, err := url.ParseRequestURI(baseURL); err != nil {
			return nil, fmt.Errorf("owners: %s URL %q is not a URL", audience, baseURL)
		}
		return api.NewClient(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout, Transport: auth.ServiceTransport(tokens, audience, base)}))
	}
	emp, err := mk(urls.Employers, "employers")
	if err != nil {
		return nil, err
	}
	cand, err := mk(urls.Candidates, "candidates")
	if err != nil {
		return nil, err
	}
	pl, err := mk(urls.Placements, "placements")
	if err != nil {
		return nil, err
	}
	return &Client{employers: emp, candidates: cand, placements: pl}, nil
}

// Role returns a role's employer organisation and title.
func (c *Client) Role(ctx context.Context, id string) (service.RoleRef, error) {
	var body struct {
		EmployerID string `json:"employer_id"`
		Title      string `json:"title"`
	}
	resp, err := c.employers.GetRoleView(ctx, id)
	if err := decode("GET /internal/v1/roles/"+id, resp, err, &body); err != nil {
		return service.RoleRef{}, err
	}
	return service.RoleRef{OrgID: body.EmployerID, Title: body.Title}, nil
}

// CandidateOrg returns the programme organisation of a candidate.
func (c *Client) CandidateOrg(ctx context.Context, id string) (string, error) {
	var body struct {
		OrgID string `json:"org_id"`
	}
	resp, err := c.candidates.GetMatchingView(ctx, id)
	if err := decode("GET /internal/v1/candidates/"+id, resp, err, &body); err != nil {
		return "", err
	}
	return body.OrgID, nil
}

// Introduction returns the sides of an introduction: the employer's
// organisation, the candidate and their programme organisation, and the
// role.
func (c *Client) Introduction(ctx context.Context, id string) (service.IntroductionRef, error) {
	var body api.IntroductionParties
	resp, err := c.placements.GetIntroductionParties(ctx, id)
	if err := decode("GET /internal/v1/introductions/"+id, resp, err, &body); err != nil {
		return service.IntroductionRef{}, err
	}
	if body.EmployerOrgID == "" || body.CandidateOrgID == "" {
		return service.IntroductionRef{}, fmt.Errorf("owners: GET /internal/v1/introductions/%s: an answer without both organisations", id)
	}
	return service.IntroductionRef{ID: body.ID, RoleID: body.RoleID, EmployerOrgID: body.EmployerOrgID,
		CandidateID: body.CandidateID, CandidateOrgID: body.CandidateOrgID, Status: string(body.Status)}, nil
}

// decode reads a 200 answer into into, or returns the error its status
// stands for: 404 errs.NotFound, a failed call or a 5xx errs.Unavailable.
// what names the call by ids only.
func decode(what string, resp *http.Response, err error, into any) error {
	if err != nil {
		return fmt.Errorf("owners: %s: %w: %w", what, errs.Unavailable, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return fmt.Errorf("owners: %s: %w", what, errs.NotFound)
	case resp.StatusCode >= 500:
		return fmt.Errorf("owners: %s answered %d: %w", what, resp.StatusCode, errs.Unavailable)
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("owners: %s answered %d", what, resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(into); err != nil {
		return fmt.Errorf("owners: decode answer of %s: %w", what, err)
	}
	return nil
}
