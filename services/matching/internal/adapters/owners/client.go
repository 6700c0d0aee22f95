package owners

import (
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

// DefaultTimeout bounds one call to an owner.
const DefaultTimeout = 10 * time.Second

// maxBody caps an owner's answer to one call; a page of 500 full views
// stays far below. A longer answer fails to decode.
const maxBody = 64 << 20

// StreamTimeout bounds one whole stream of an owner's listing, which
// unlike a single call grows with the data.
const StreamTimeout = 10 * time.Minute

// client calls one owning service with service tokens for its audience,
// through the client generated from docs/openapi.yaml. streams sends the
// requests whose answers are JSON lines, which the generated parsers do not
// read; it has no overall timeout of its own: a stream is bounded by
// StreamTimeout through its context instead.
type client struct {
	api     *api.ClientWithResponses
	streams *api.Client
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
	capped := limitedBodies{base: transport, limit: maxBody}
	calls, err := api.NewClientWithResponses(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout, Transport: capped}))
	if err != nil {
		return nil, fmt.Errorf("owners: %s client: %w", audience, err)
	}
	streams, err := api.NewClient(baseURL, api.WithHTTPClient(&http.Client{Transport: transport}))
	if err != nil {
		return nil, fmt.Errorf("owners: %s client: %w", audience, err)
	}
	return &client{api: calls, streams: streams}, nil
}

// limitedBodies is a transport whose answers end after limit bytes, since
// the generated client reads a whole answer into memory before decoding.
type limitedBodies struct {
	base  http.RoundTripper
	limit int64
}

func (l limitedBodies) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(req)
	if err == nil {
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.LimitReader(resp.Body, l.limit), resp.Body}
	}
	return resp, err
}

// ok returns the body of a generated call's 200 answer, or the error its
// outcome stands for: a failed connection or a 5xx is errs.Unavailable, a
// 404 errs.NotFound (see statusError). what names the call by ids only.
func ok[T any, R api.Answer[T]](what string, resp R, err error) (*T, error) {
	return api.Body[T]("owners", what, resp, err)
}

// statusError turns an owner's status into an error, or nil for 200.
func statusError(what string, status int) error { return api.StatusError("owners", what, status) }

// drain reads what is left of a body we give up on, a little only, so the
// connection can be reused.
func drain(body io.ReadCloser) {
	_, _ = io.Copy(io.Discard, io.LimitReader(body, 4096))
	body.Close()
}

// pageParams are the query of one page request: after cursor (none for
// the first page), up to limit items.
func pageParams(cursor string, limit int) (*string, *int) {
	var c *string
	if cursor != "" {
		c = &cursor
	}
	return c, &limit
}

// nextCursor is the cursor of the page after p, "" after the last.
func nextCursor(next *string) string {
	if next == nil {
		return ""
	}
	return *next
}

func toVersions(items []api.VersionEntry) []feed.Version {
	out := make([]feed.Version, len(items))
	for i, v := range items {
		out[i] = toVersion(v)
	}
	return out
}

func toVersion(v api.VersionEntry) feed.Version {
	return feed.Version{ID: v.ID, Version: v.Version}
}
