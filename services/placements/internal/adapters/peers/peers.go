// Package peers reaches the services the placements service depends on,
// through the client generated from docs/openapi.yaml and with service
// tokens: employers (a role, counting a hire, the wording check), matching
// (resolving a shortlist's candidate reference), candidates (a
// candidate's organisation, disclosure grants, a candidate's placement)
// and the gateway (an organisation's status). It reads ids and statuses
// only; nothing of a candidate's identity passes through it.
package peers

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
	"github.com/onward-jobs/onward/services/placements/internal/domain"
	"github.com/onward-jobs/onward/services/placements/internal/service"
)

// maxBody caps one answer.
const maxBody = 4 << 20

// URLs are where the peers answer.
type URLs struct {
	Employers  string
	Matching   string
	Candidates string
	Gateway    string
}

// Client reaches the peers. It implements service.Roles,
// service.Shortlists, service.Candidates, service.Organisations and
// service.Wording, and is safe for concurrent use.
type Client struct {
	employers, matching, candidates, gateway *api.Client
	// wording calls the employers service with the caller's own token.
	wording *api.Client
}

// New returns a client of the peers at urls, calling with tokens from
// tokens over base (http.DefaultTransport if nil).
func New(urls URLs, tokens auth.TokenSource, base http.RoundTripper, timeout time.Duration) (*Client, error) {
	if tokens == nil {
		return nil, errors.New("peers: a token source is required")
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	if base == nil {
		base = http.DefaultTransport
	}
	mk := func(baseURL, audience string, rt http.RoundTripper) (*api.Client, error) {
		if _, err := url.ParseRequestURI(baseURL); err != nil {
			return nil, fmt.Errorf("peers: %s URL %q is not a URL", audience, baseURL)
		}
		return api.NewClient(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout, Transport: rt}))
	}
	c := &Client{}
	var err error
	for _, p := range []struct {
		into     **api.Client
		url, aud string
	}{{&c.employers, urls.Employers, "employers"}, {&c.matching, urls.Matching, "matching"},
		{&c.candidates, urls.Candidates, "candidates"}, {&c.gateway, urls.Gateway, "gateway"}} {
		if *p.into, err = mk(p.url, p.aud, auth.ServiceTransport(tokens, p.aud, base)); err != nil {
			return nil, err
		}
	}
	if c.wording, err = mk(urls.Employers, "employers", base); err != nil {
		return nil, err
	}
	return c, nil
}

// Role returns a role's employer, status and title.
func (c *Client) Role(ctx context.Context, id string) (service.Role, error) {
	var r api.Role
	resp, err := c.employers.GetRoleView(ctx, id)
	if err := decode("GET /internal/v1/roles/"+id, resp, err, &r); err != nil {
		return service.Role{}, err
	}
	return service.Role{ID: r.ID, EmployerOrgID: r.EmployerID, Status: string(r.Status), Title: r.Title}, nil
}

// RecordPlacement counts a hire on a role.
func (c *Client) RecordPlacement(ctx context.Context, roleID, placementID string) error {
	resp, err := c.employers.RecordRolePlacement(ctx, roleID, api.RolePlacementInput{PlacementID: placementID})
	return decode("POST /internal/v1/roles/"+roleID+"/placements", resp, err, nil)
}

// Resolve returns the candidate behind a shortlist card's reference.
func (c *Client) Resolve(ctx context.Context, roleID, ref string) (service.ShortlistEntry, error) {
	var r api.ShortlistEntryRef
	resp, err := c.matching.ResolveCandidateRef(ctx, roleID, ref)
	if err := decode("GET /internal/v1/roles/"+roleID+"/shortlist/{ref}", resp, err, &r); err != nil {
		return service.ShortlistEntry{}, err
	}
	return service.ShortlistEntry{CandidateID: r.CandidateID, Alias: r.Alias}, nil
}

// CandidateOrg returns a candidate's programme organisation.
func (c *Client) CandidateOrg(ctx context.Context, id string) (string, error) {
	var v api.MatchingView
	resp, err := c.candidates.GetMatchingView(ctx, id)
	if err := decode("GET /internal/v1/candidates/"+id, resp, err, &v); err != nil {
		return "", err
	}
	return v.OrgID, nil
}

// GrantDisclosure records a disclosure grant and returns its id.
func (c *Client) GrantDisclosure(ctx context.Context, g service.Grant) (string, error) {
	fields := make([]api.DisclosedField, 0, len(g.Disclose))
	for _, f := range g.Disclose {
		fields = append(fields, api.DisclosedField(f))
	}
	body := api.GrantDisclosureJSONRequestBody{IntroductionID: g.IntroductionID, CandidateID: g.CandidateID,
		EmployerOrgID: g.EmployerOrgID, RoleID: g.RoleID, Disclose: &fields, Contact: api.ContactRoute(g.Contact),
		ConsentTextVersion: g.ConsentTextVersion, RecordedBy: g.RecordedBy, RecordedByCandidate: &g.ByCandidate}
	var grant api.DisclosureGrant
	resp, err := c.candidates.GrantDisclosure(ctx, body)
	if err := decode("POST /internal/v1/disclosures", resp, err, &grant); err != nil {
		return "", err
	}
	return grant.ID, nil
}

// SetPlacement marks a candidate placed or available again.
func (c *Client) SetPlacement(ctx context.Context, candidateID, placementID string, placed, stillLooking bool) error {
	resp, err := c.candidates.SetCandidatePlacement(ctx, candidateID,
		api.CandidatePlacementInput{PlacementID: placementID, Placed: placed, StillLooking: stillLooking})
	return decode("PUT /internal/v1/candidates/"+candidateID+"/placement", resp, err, nil)
}

// Status returns an organisation's vetting status from the gateway's
// internal GET /internal/v1/organisations/{id} (getOrganisationStatus).
func (c *Client) Status(ctx context.Context, orgID string) (string, error) {
	o, err := c.organisation(ctx, orgID)
	return string(o.Status), err
}

// Name returns an organisation's name (a business name) from the same
// answer.
func (c *Client) Name(ctx context.Context, orgID string) (string, error) {
	o, err := c.organisation(ctx, orgID)
	return deref(o.Name), err
}

func (c *Client) organisation(ctx context.Context, orgID string) (api.InternalOrganisation, error) {
	resp, err := c.gateway.GetOrganisationStatus(ctx, orgID)
	var body api.InternalOrganisation
	if err := decode("GET /internal/v1/organisations/"+orgID, resp, err, &body); err != nil {
		return api.InternalOrganisation{}, err
	}
	return body, nil
}

// Check runs the employers service's wording check on a message with the
// caller's own token; it warns only, so any failure gives no flags.
func (c *Client) Check(ctx context.Context, text string) []domain.WordingFlag {
	token := service.BearerFrom(ctx)
	if token == "" {
		return nil
	}
	var out struct {
		Flags []api.WordingFlag `json:"flags"`
	}
	resp, err := c.wording.CheckWording(ctx, api.CheckWordingJSONRequestBody{Description: &text},
		func(_ context.Context, req *http.Request) error {
			req.Header.Set("Authorization", "Bearer "+token)
			return nil
		})
	if decode("POST /api/v1/roles/wording-check", resp, err, &out) != nil {
		return nil
	}
	flags := make([]domain.WordingFlag, 0, len(out.Flags))
	for _, f := range out.Flags {
		flags = append(flags, domain.WordingFlag{Field: "message", Phrase: deref(f.Phrase), Start: deref(f.Start), End: deref(f.End),
			Suggestion: deref(f.Suggestion), Reason: deref(f.Reason), Category: string(deref(f.Category))})
	}
	return flags
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// decode reads a 2xx answer into into (nil: the body is dropped), or
// returns the error its status stands for: 400 the peer's field errors,
// 404 errs.NotFound, 409 errs.Conflict, a failed call or a 5xx
// errs.Unavailable. what names the call by ids only.
func decode(what string, resp *http.Response, err error, into any) error {
	if err != nil {
		return fmt.Errorf("peers: %s: %w: %w", what, errs.Unavailable, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusBadRequest:
		var p struct {
			Errors []errs.FieldError `json:"errors"`
		}
		_ = json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(&p)
		if len(p.Errors) > 0 {
			return &errs.ValidationError{Fields: p.Errors}
		}
		return fmt.Errorf("peers: %s answered 400: %w", what, errs.InvalidArgument)
	case resp.StatusCode == http.StatusNotFound:
		return fmt.Errorf("peers: %s: %w", what, errs.NotFound)
	case resp.StatusCode == http.StatusConflict:
		return fmt.Errorf("peers: %s: %w", what, errs.Conflict)
	case resp.StatusCode >= 500:
		return fmt.Errorf("peers: %s answered %d: %w", what, resp.StatusCode, errs.Unavailable)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return fmt.Errorf("peers: %s answered %d", what, resp.StatusCode)
	}
	if into == nil {
		return nil
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(into); err != nil {
		return fmt.Errorf("peers: decode answer of %s: %w", what, err)
	}
	return nil
}
