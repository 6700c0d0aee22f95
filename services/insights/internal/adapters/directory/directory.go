// Package directory asks the services that own organisations and
// programmes who they are, for the outcomes reports and their sharing:
// the gateway for an organisation's kind, name and status
// (GET /internal/v1/organisations/{id}) and candidates for the
// organisation a programme belongs to (GET /internal/v1/programmes). It
// calls with the insights service's own tokens and reads ids, kinds and
// organisations' names only.
package directory

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// maxBody caps one answer.
const maxBody = 4 << 20

// relistAfter is how long a listing of programmes answers "no such
// programme" before a miss reads the listing again: a programme created a
// moment ago is found within that time, and unknown ids cannot make the
// service read the whole listing on every request.
const relistAfter = 10 * time.Second

// URLs are where the gateway and the candidates service answer.
type URLs struct {
	Gateway    string
	Candidates string
}

// Client implements service.Directory. It remembers which organisation
// each programme belongs to (a programme never moves), and is safe for
// concurrent use.
type Client struct {
	gateway, candidates *api.Client
	now                 func() time.Time

	mu       sync.Mutex
	owners   map[string]string // programme id → organisation id
	listedAt time.Time
}

// New returns a client of the services at urls, calling with tokens from
// tokens (auth.NewServiceTokenSource) over base (http.DefaultTransport if
// nil), each call within timeout.
func New(urls URLs, tokens auth.TokenSource, base http.RoundTripper, timeout time.Duration) (*Client, error) {
	if tokens == nil {
		return nil, errors.New("directory: a token source is required")
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	mk := func(baseURL, audience string) (*api.Client, error) {
		if _, err := url.ParseRequestURI(baseURL); err != nil {
			return nil, fmt.Errorf("directory: %s URL %q is not a URL", audience, baseURL)
		}
		rt := auth.ServiceTransport(tokens, audience, base)
		return api.NewClient(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout, Transport: rt}))
	}
	gateway, err := mk(urls.Gateway, "gateway")
	if err != nil {
		return nil, err
	}
	candidates, err := mk(urls.Candidates, "candidates")
	if err != nil {
		return nil, err
	}
	return &Client{gateway: gateway, candidates: candidates, now: time.Now, owners: map[string]string{}}, nil
}

// Organisation returns an organisation's kind, name and status, or
// errs.NotFound.
func (c *Client) Organisation(ctx context.Context, id string) (service.Organisation, error) {
	var o api.InternalOrganisation
	resp, err := c.gateway.GetOrganisationStatus(ctx, id)
	if err := decode("GET /internal/v1/organisations/"+id, resp, err, &o); err != nil {
		return service.Organisation{}, err
	}
	return toOrganisation(o), nil
}

func toOrganisation(o api.InternalOrganisation) service.Organisation {
	name := ""
	if o.Name != nil {
		name = *o.Name
	}
	return service.Organisation{ID: o.ID, Kind: string(o.Kind), Name: name, Status: string(o.Status)}
}

// ProgrammeOrganisation returns the organisation a programme belongs to,
// or errs.NotFound. The candidates service lists every organisation's
// programmes, so the client reads the listing and keeps each programme's
// organisation.
func (c *Client) ProgrammeOrganisation(ctx context.Context, programmeID string) (string, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if org, ok := c.owners[programmeID]; ok {
		return org, nil
	}
	if c.listedAt.IsZero() || c.now().Sub(c.listedAt) >= relistAfter {
		if err := c.list(ctx); err != nil {
			return "", err
		}
	}
	if org, ok := c.owners[programmeID]; ok {
		return org, nil
	}
	return "", fmt.Errorf("programme %s: %w", programmeID, errs.NotFound)
}

// list reads every page of programmes into owners. It runs under c.mu.
func (c *Client) list(ctx context.Context) error {
	limit := 100
	params := &api.ListAllProgrammesParams{Limit: &limit}
	for {
		var page api.InternalProgrammePage
		resp, err := c.candidates.ListAllProgrammes(ctx, params)
		if err := decode("GET /internal/v1/programmes", resp, err, &page); err != nil {
			return err
		}
		for _, p := range page.Items {
			c.owners[p.ID] = p.OrgID
		}
		if page.NextCursor == nil || *page.NextCursor == "" {
			c.listedAt = c.now()
			return nil
		}
		params.Cursor = page.NextCursor
	}
}

// decode reads a 2xx answer into into, or returns the error its status
// stands for: 404 errs.NotFound, a failed call or a 5xx errs.Unavailable.
// what names the call by ids only.
func decode(what string, resp *http.Response, err error, into any) error {
	if err != nil {
		return fmt.Errorf("directory: %s: %w: %w", what, errs.Unavailable, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return fmt.Errorf("directory: %s: %w", what, errs.NotFound)
	case resp.StatusCode >= 500:
		return fmt.Errorf("directory: %s answered %d: %w", what, resp.StatusCode, errs.Unavailable)
	case resp.StatusCode < 200 || resp.StatusCode > 299:
		return fmt.Errorf("directory: %s answered %d", what, resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(into); err != nil {
		return fmt.Errorf("directory: decode the answer of %s: %w", what, err)
	}
	return nil
}
