// Package gateway asks the gateway's recipients API who users are: their
// address, language, organisation and whether they are active. It is the
// only place the service learns an address, and it keeps none beyond the
// delivery that needs it.
package gateway

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/notifications/internal/service"
)

// maxBody caps one answer; an organisation's members fit easily.
const maxBody = 8 << 20

// Recipients calls GET /internal/v1/users/{id}/recipient and GET
// /internal/v1/organisations/{id}/recipients on the gateway with service
// tokens. It implements service.Recipients.
type Recipients struct {
	base   string
	client *http.Client
}

// New returns a client of the gateway at baseURL.
func New(baseURL string, tokens auth.TokenSource, base http.RoundTripper, timeout time.Duration) (*Recipients, error) {
	if _, err := url.ParseRequestURI(baseURL); err != nil {
		return nil, fmt.Errorf("gateway: URL %q is not a URL", baseURL)
	}
	if tokens == nil {
		return nil, errors.New("gateway: a token source is required")
	}
	if timeout <= 0 {
		timeout = 10 * time.Second
	}
	return &Recipients{base: strings.TrimRight(baseURL, "/"),
		client: &http.Client{Timeout: timeout, Transport: auth.ServiceTransport(tokens, "gateway", base)}}, nil
}

type recipientBody struct {
	UserID         string `json:"user_id"`
	Email          string `json:"email"`
	Language       string `json:"language"`
	OrganisationID string `json:"organisation_id"`
	Role           string `json:"role"`
	Active         *bool  `json:"active"`
}

func (b recipientBody) toService(orgID string) service.Recipient {
	r := service.Recipient{UserID: b.UserID, Email: b.Email, Language: b.Language, OrgID: b.OrganisationID, Role: b.Role, Active: true}
	if b.Active != nil {
		r.Active = *b.Active
	}
	if r.OrgID == "" {
		r.OrgID = orgID
	}
	return r
}

// User returns one user; an unknown user is errs.NotFound.
func (g *Recipients) User(ctx context.Context, userID string) (service.Recipient, error) {
	var body recipientBody
	if err := g.get(ctx, "/internal/v1/users/"+url.PathEscape(userID)+"/recipient", &body); err != nil {
		return service.Recipient{}, err
	}
	return body.toService(""), nil
}

// Organisation returns an organisation's active members; an unknown
// organisation is errs.NotFound.
func (g *Recipients) Organisation(ctx context.Context, orgID string) ([]service.Recipient, error) {
	var body struct {
		Items []recipientBody `json:"items"`
	}
	if err := g.get(ctx, "/internal/v1/organisations/"+url.PathEscape(orgID)+"/recipients", &body); err != nil {
		return nil, err
	}
	out := make([]service.Recipient, 0, len(body.Items))
	for _, b := range body.Items {
		if r := b.toService(orgID); r.Active {
			out = append(out, r)
		}
	}
	return out, nil
}

// get calls path and decodes its 200 answer; the error names the path,
// which holds ids only.
func (g *Recipients) get(ctx context.Context, path string, into any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, g.base+path, nil)
	if err != nil {
		return err
	}
	resp, err := g.client.Do(req)
	if err != nil {
		return fmt.Errorf("gateway: GET %s: %w: %w", path, errs.Unavailable, err)
	}
	defer resp.Body.Close()
	switch {
	case resp.StatusCode == http.StatusNotFound:
		return fmt.Errorf("gateway: GET %s: %w", path, errs.NotFound)
	case resp.StatusCode >= 500:
		return fmt.Errorf("gateway: GET %s answered %d: %w", path, resp.StatusCode, errs.Unavailable)
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("gateway: GET %s answered %d", path, resp.StatusCode)
	}
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(into); err != nil {
		return fmt.Errorf("gateway: decode answer of GET %s: %w", path, err)
	}
	return nil
}
