package owners

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

// DefaultTimeout bounds one call to an owner.
const DefaultTimeout = 10 * time.Second

// maxBody caps an owner's answer; a page of 500 full views stays far below.
const maxBody = 64 << 20

// StreamTimeout bounds one whole stream of an owner's listing, which
// unlike a single call grows with the data.
const StreamTimeout = 10 * time.Minute

// client calls one owning service with service tokens for its audience.
// streams has no overall timeout of its own: a stream is bounded by
// StreamTimeout through its context instead.
type client struct {
	base    string
	http    *http.Client
	streams *http.Client
}

// newClient returns a client for the service named audience at baseURL.
// base is the transport under the token (http.DefaultTransport if nil).
func newClient(baseURL, audience string, tokens auth.TokenSource, base http.RoundTripper, timeout time.Duration) (*client, error) {
	if _, err := url.ParseRequestURI(baseURL); err != nil || baseURL == "" {
		return nil, fmt.Errorf("owners: %s URL %q is not a URL", audience, baseURL)
	}
	if tokens == nil {
		return nil, errors.New("owners: a token source is required")
	}
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	transport := auth.ServiceTransport(tokens, audience, base)
	return &client{
		base:    strings.TrimRight(baseURL, "/"),
		http:    &http.Client{Timeout: timeout, Transport: transport},
		streams: &http.Client{Transport: transport},
	}, nil
}

// get fetches path with query into out. A 404 is errs.NotFound; a failed
// connection or a 5xx is errs.Unavailable. Error texts name the path, which
// holds ids only.
func (c *client) get(ctx context.Context, path string, query url.Values, out any) error {
	resp, err := c.open(ctx, c.http, path, query, "application/json")
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	if err := json.NewDecoder(io.LimitReader(resp.Body, maxBody)).Decode(out); err != nil {
		return fmt.Errorf("owners: decode answer of GET %s: %w", path, err)
	}
	return nil
}

// open sends GET path with query through hc, asking for accept, and
// returns the answer if it is a 200, its status as an error otherwise
// (see checkStatus). The caller closes the body.
func (c *client) open(ctx context.Context, hc *http.Client, path string, query url.Values, accept string) (*http.Response, error) {
	u := c.base + path
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return nil, fmt.Errorf("owners: build request for %s: %w", path, err)
	}
	req.Header.Set("Accept", accept)
	resp, err := hc.Do(req)
	if err != nil {
		return nil, fmt.Errorf("owners: GET %s: %w: %w", path, errs.Unavailable, err)
	}
	if err := checkStatus(resp, path); err != nil {
		resp.Body.Close()
		return nil, err
	}
	return resp, nil
}

// checkStatus turns an owner's status into an error, or nil for 200.
func checkStatus(resp *http.Response, path string) error {
	switch {
	case resp.StatusCode == http.StatusNotFound:
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 4096))
		return fmt.Errorf("owners: GET %s: %w", path, errs.NotFound)
	case resp.StatusCode >= 500:
		return fmt.Errorf("owners: GET %s answered %d: %w", path, resp.StatusCode, errs.Unavailable)
	case resp.StatusCode != http.StatusOK:
		return fmt.Errorf("owners: GET %s answered %d", path, resp.StatusCode)
	}
	return nil
}

// page is the owners' page shape: items and the cursor of the next page,
// absent on the last.
type page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// pageQuery is the query of one page request.
func pageQuery(cursor string, limit int) url.Values {
	q := url.Values{}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	if limit > 0 {
		q.Set("limit", strconv.Itoa(limit))
	}
	return q
}

// versionBody is one entry of an owner's versions listing.
type versionBody struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
}

func toVersions(items []versionBody) []feed.Version {
	out := make([]feed.Version, len(items))
	for i, v := range items {
		out[i] = feed.Version{ID: v.ID, Version: v.Version}
	}
	return out
}
