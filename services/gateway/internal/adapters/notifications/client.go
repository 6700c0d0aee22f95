// Package notifications hands the gateway's account mails (invitations,
// password resets, notices to account owners) to the notifications
// service over its internal API, POST /internal/v1/messages, with a
// service token meant for it. The one-time links these mails carry never
// travel through Redis.
//
// It is a small typed client written against the contract in the issue-13
// design (docs/openapi.yaml did not yet describe the operation on this
// branch); once the notifications service's operation is in
// docs/openapi.yaml, the generated client in pkg/api can replace it.
package notifications

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// MessagesPath is where the notifications service accepts handoffs.
const MessagesPath = "/internal/v1/messages"

// TokenSource mints a service token of the gateway for audience.
type TokenSource func(audience string) (string, error)

// Client implements service.Messages.
type Client struct {
	base   string
	tokens TokenSource
	http   *http.Client
}

// New returns a client of the notifications service at baseURL.
func New(baseURL string, tokens TokenSource, timeout time.Duration) *Client {
	return &Client{base: strings.TrimRight(baseURL, "/"), tokens: tokens, http: &http.Client{Timeout: timeout}}
}

type messageRequest struct {
	ID     string        `json:"id"`
	Kind   string        `json:"kind"`
	To     messageTo     `json:"to"`
	Params messageParams `json:"params"`
}

type messageTo struct {
	Email    string `json:"email"`
	Language string `json:"language"`
	UserID   string `json:"user_id,omitempty"`
}

type messageParams struct {
	Link         string `json:"link"`
	Organisation string `json:"organisation,omitempty"`
}

func toMessageRequest(m service.Message) messageRequest {
	return messageRequest{
		ID: m.ID, Kind: m.Kind,
		To:     messageTo{Email: m.Email, Language: string(m.Language), UserID: m.UserID},
		Params: messageParams{Link: m.Link, Organisation: m.Organisation},
	}
}

// Send hands m over. The service answers 202, also for an id it has seen;
// anything else is an error that names the status only, never the
// message's address or link.
func (c *Client) Send(ctx context.Context, m service.Message) error {
	body, err := json.Marshal(toMessageRequest(m))
	if err != nil {
		return fmt.Errorf("encode message: %w", err)
	}
	token, err := c.tokens("notifications")
	if err != nil {
		return fmt.Errorf("service token: %w", err)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.base+MessagesPath, bytes.NewReader(body))
	if err != nil {
		return fmt.Errorf("build request: %w", err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := c.http.Do(req)
	if err != nil {
		return fmt.Errorf("post %s: unreachable", MessagesPath)
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	if resp.StatusCode != http.StatusAccepted {
		return fmt.Errorf("post %s: status %d", MessagesPath, resp.StatusCode)
	}
	return nil
}
