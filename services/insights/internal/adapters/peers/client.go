// Package peers reads the facts insights counts back from the services
// that own them, through the client generated from docs/openapi.yaml and
// with the "insights" service token: candidates (a candidate's view, all
// views, the programme catalogue), matching (first shortlistings),
// placements (introductions' facts), employers (a role's contract kind
// and occupation) and the gateway (an organisation's kind and status).
// The owners' answers are converted to the domain's Progress by named
// converters (convert.go), which reduce a place to its country, region
// and urban class: no place id, name, alias or free text passes.
package peers

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Timeouts: DefaultTimeout bounds one call, StreamTimeout one whole
// listing, which grows with the data.
const (
	DefaultTimeout = 10 * time.Second
	StreamTimeout  = 10 * time.Minute
)

// Limits: maxBody caps one answer, maxLine one line of a listing.
const (
	maxBody = 8 << 20
	maxLine = 4 << 20
)

// ndjson is the media type of a listing streamed as JSON lines.
const ndjson = "application/x-ndjson"

// owner calls one service with tokens for its audience: calls parses
// answers, streams sends the listings read line by line.
type owner struct {
	calls   *api.ClientWithResponses
	streams *api.Client
}

// newOwner returns the client of the service named audience at baseURL.
func newOwner(baseURL, audience string, tokens auth.TokenSource, base http.RoundTripper, timeout time.Duration) (owner, error) {
	if _, err := url.ParseRequestURI(baseURL); err != nil || baseURL == "" {
		return owner{}, fmt.Errorf("peers: %s URL %q is not a URL", audience, baseURL)
	}
	transport := auth.ServiceTransport(tokens, audience, base)
	calls, err := api.NewClientWithResponses(baseURL, api.WithHTTPClient(&http.Client{Timeout: timeout, Transport: limited{transport}}))
	if err != nil {
		return owner{}, fmt.Errorf("peers: %s client: %w", audience, err)
	}
	streams, err := api.NewClient(baseURL, api.WithHTTPClient(&http.Client{Transport: transport}))
	if err != nil {
		return owner{}, fmt.Errorf("peers: %s client: %w", audience, err)
	}
	return owner{calls: calls, streams: streams}, nil
}

// limited is a transport whose answers end after maxBody bytes, since the
// generated client reads a whole answer before decoding it.
type limited struct{ base http.RoundTripper }

func (l limited) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := l.base.RoundTrip(req)
	if err == nil {
		resp.Body = struct {
			io.Reader
			io.Closer
		}{io.LimitReader(resp.Body, maxBody), resp.Body}
	}
	return resp, err
}

// ok returns the body of a 200, or the error the outcome stands for: a
// failed call or a 5xx errs.Unavailable, a 404 errs.NotFound. what names
// the call by ids only.
func ok[T any, R api.Answer[T]](what string, resp R, err error) (*T, error) {
	return api.Body[T]("peers", what, resp, err)
}

// statusError turns an owner's status into an error, nil for 200.
func statusError(what string, status int) error { return api.StatusError("peers", what, status) }

// opener sends a listing's request with the editors given.
type opener func(ctx context.Context, editors ...api.RequestEditorFn) (*http.Response, error)

// stream reads a listing as JSON lines, calling fn with each item. The
// listing ends with {"end":true,"count":n}; a stream without it, or whose
// count differs, was cut short and is errs.Unavailable, after fn saw what
// came.
func stream[T any](ctx context.Context, what string, open opener, fn func(T) error) error {
	ctx, cancel := context.WithTimeout(ctx, StreamTimeout)
	defer cancel()
	resp, err := open(ctx, api.AcceptMediaType(ndjson))
	if err != nil {
		return fmt.Errorf("peers: %s: %w: %w", what, errs.Unavailable, err)
	}
	defer resp.Body.Close()
	if err := statusError(what, resp.StatusCode); err != nil {
		return err
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 0, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		line := sc.Bytes()
		if bytes.HasPrefix(line, []byte(`{"end":`)) {
			var end api.StreamEnd
			if err := json.Unmarshal(line, &end); err != nil || !bool(end.End) || end.Count != n {
				return fmt.Errorf("peers: %s ended after %d items with a wrong end line: %w", what, n, errs.Unavailable)
			}
			return nil
		}
		var item T
		if err := json.Unmarshal(line, &item); err != nil {
			return fmt.Errorf("peers: decode item %d of %s: %w", n, what, err)
		}
		n++
		if err := fn(item); err != nil {
			return err
		}
	}
	return fmt.Errorf("peers: %s stopped after %d items without its end line: %w", what, n, errs.Unavailable)
}
