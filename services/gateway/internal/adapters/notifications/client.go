// Package notifications hands the gateway's account mails (invitations,
// password resets, notices to account owners) to the notifications
// service over its internal API, POST /internal/v1/messages
// (handOffMessage in docs/openapi.yaml), through the client generated in
// pkg/api, with a service token meant for it. The one-time links these
// mails carry never travel through Redis.
package notifications

import (
	"context"
	"fmt"
	"net/http"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// TokenSource mints a service token of the gateway for audience.
type TokenSource func(audience string) (string, error)

// Client implements service.Messages.
type Client struct {
	api    *api.ClientWithResponses
	tokens TokenSource
}

// New returns a client of the notifications service at baseURL.
func New(baseURL string, tokens TokenSource, timeout time.Duration) (*Client, error) {
	c, err := api.NewClientWithResponses(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout}))
	if err != nil {
		return nil, fmt.Errorf("notifications client: %w", err)
	}
	return &Client{api: c, tokens: tokens}, nil
}

// toMessageHandoff converts a message for the notifications service's API.
func toMessageHandoff(m service.Message) api.MessageHandoff {
	var h api.MessageHandoff
	h.ID, h.Kind = m.ID, api.MessageHandoffKind(m.Kind)
	h.To.Email = m.Email
	if m.Language != "" {
		language := api.MessageHandoffToLanguage(m.Language)
		h.To.Language = &language
	}
	if m.UserID != "" {
		h.To.UserID = &m.UserID
	}
	if m.CandidateID != "" {
		h.To.CandidateID = &m.CandidateID
	}
	h.Params.Link = m.Link
	if m.Organisation != "" {
		h.Params.Organisation = &m.Organisation
	}
	return h
}

// Send hands m over. The service answers 202, also for an id it has seen;
// anything else is an error that names the status only, never the
// message's address or link.
func (c *Client) Send(ctx context.Context, m service.Message) error {
	token, err := c.tokens("notifications")
	if err != nil {
		return fmt.Errorf("service token: %w", err)
	}
	bearer := func(_ context.Context, req *http.Request) error {
		req.Header.Set("Authorization", "Bearer "+token)
		return nil
	}
	resp, err := c.api.HandOffMessageWithResponse(ctx, toMessageHandoff(m), bearer)
	if err != nil {
		return fmt.Errorf("hand off message: unreachable")
	}
	if resp.StatusCode() != http.StatusAccepted {
		return fmt.Errorf("hand off message: status %d", resp.StatusCode())
	}
	return nil
}
