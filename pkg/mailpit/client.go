// Package mailpit runs Mailpit (github.com/axllent/mailpit), the development
// mail catcher, as a child process and reads what it caught through its REST
// API. The launcher of `make run` and the tests (pkg/testkit) use it; nothing
// in production does: there SMTP_URL names a real relay.
package mailpit

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
)

// Version is the one Mailpit release Onward runs, pinned so that `make run`,
// the tests and docker-compose.yml catch mail with the same program.
const Version = "v1.33.1"

// Module is the Go package `go install` builds Mailpit from.
const Module = "github.com/axllent/mailpit"

// Message is a caught mail. A listing (Client.Messages) fills every field
// but Text and HTML; Client.Message fills them too.
type Message struct {
	// ID is Mailpit's own id, for Client.Message.
	ID string
	// MessageID is the mail's Message-ID header, without angle brackets.
	MessageID string
	// From and To are bare addresses (no display names).
	From    string
	To      []string
	Subject string
	// Created is when Mailpit received the mail.
	Created time.Time
	// Text and HTML are the mail's plain-text and HTML bodies.
	Text, HTML string
}

// Client reads a Mailpit's REST API.
type Client struct {
	// BaseURL is where the API answers, e.g. http://127.0.0.1:8025.
	BaseURL string
	HTTP    *http.Client
}

// NewClient returns a client of the API at baseURL with a short timeout:
// Mailpit runs on this machine.
func NewClient(baseURL string) *Client {
	return &Client{BaseURL: strings.TrimRight(baseURL, "/"), HTTP: &http.Client{Timeout: 10 * time.Second}}
}

// address and wireMessage are Mailpit's JSON.
type address struct{ Address string }

type wireMessage struct {
	ID, MessageID, Subject string
	From                   address
	To                     []address
	Created, Date          time.Time
	Text, HTML             string
}

func (w wireMessage) toMessage() Message {
	m := Message{ID: w.ID, MessageID: w.MessageID, From: w.From.Address, Subject: w.Subject, Created: w.Created, Text: w.Text, HTML: w.HTML}
	if m.Created.IsZero() {
		m.Created = w.Date // the single-message answer names it Date
	}
	for _, a := range w.To {
		m.To = append(m.To, a.Address)
	}
	return m
}

// pageSize is how many summaries one request asks for.
const pageSize = 500

// Messages returns every caught mail, newest first, without bodies.
func (c *Client) Messages(ctx context.Context) ([]Message, error) {
	var out []Message
	for start := 0; ; start += pageSize {
		var page struct {
			Total    int
			Messages []wireMessage
		}
		q := url.Values{"start": {strconv.Itoa(start)}, "limit": {strconv.Itoa(pageSize)}}
		if err := c.get(ctx, "/api/v1/messages?"+q.Encode(), &page); err != nil {
			return nil, err
		}
		for _, w := range page.Messages {
			out = append(out, w.toMessage())
		}
		if len(page.Messages) < pageSize || start+len(page.Messages) >= page.Total {
			return out, nil
		}
	}
}

// Message returns one caught mail with its bodies.
func (c *Client) Message(ctx context.Context, id string) (Message, error) {
	var w wireMessage
	if err := c.get(ctx, "/api/v1/message/"+url.PathEscape(id), &w); err != nil {
		return Message{}, err
	}
	return w.toMessage(), nil
}

// DeleteAll deletes every caught mail.
func (c *Client) DeleteAll(ctx context.Context) error {
	_, err := c.do(ctx, http.MethodDelete, "/api/v1/messages")
	return err
}

// ErrNotFound is returned by Message for an id Mailpit does not hold.
var ErrNotFound = fmt.Errorf("mailpit: no such message")

func (c *Client) get(ctx context.Context, path string, into any) error {
	body, err := c.do(ctx, http.MethodGet, path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(body, into); err != nil {
		return fmt.Errorf("mailpit: GET %s: %w", path, err)
	}
	return nil
}

func (c *Client) do(ctx context.Context, method, path string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, method, c.BaseURL+path, nil)
	if err != nil {
		return nil, err
	}
	resp, err := c.HTTP.Do(req)
	if err != nil {
		return nil, fmt.Errorf("mailpit: %s %s: %w", method, path, err)
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 64<<20))
	switch {
	case err != nil:
		return nil, fmt.Errorf("mailpit: %s %s: %w", method, path, err)
	case resp.StatusCode == http.StatusNotFound:
		return nil, fmt.Errorf("%w: %s", ErrNotFound, path)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("mailpit: %s %s = %d: %.200s", method, path, resp.StatusCode, body)
	}
	return body, nil
}
