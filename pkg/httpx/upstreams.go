package httpx

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync/atomic"
)

// ParseBaseURLs reads a service's address setting, one base URL or a
// comma-separated list of them (every instance of a service that runs
// several): each must be an absolute http or https URL with a host. The
// URLs come back without a trailing slash; an empty setting is no URL.
func ParseBaseURLs(list string) ([]string, error) {
	var out []string
	for _, raw := range strings.Split(list, ",") {
		raw = strings.TrimSpace(raw)
		if raw == "" {
			continue
		}
		u, err := url.Parse(raw)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			return nil, fmt.Errorf("%q is not an http(s) base URL", raw)
		}
		out = append(out, strings.TrimRight(raw, "/"))
	}
	return out, nil
}

// RoundRobin hands out a service's base URLs in turn, so calls spread
// over its instances. It is safe for concurrent use.
type RoundRobin struct {
	urls []string
	next atomic.Uint64
}

// NewRoundRobin takes turns over urls, which must not be empty.
func NewRoundRobin(urls []string) *RoundRobin { return &RoundRobin{urls: urls} }

// Next is the base URL whose turn it is.
func (r *RoundRobin) Next() string {
	return r.urls[(r.next.Add(1)-1)%uint64(len(r.urls))]
}

// Len is how many base URLs take turns.
func (r *RoundRobin) Len() int { return len(r.urls) }

// IsDialError reports whether err is a failure to connect: no byte of the
// request reached the service, so sending it to another instance cannot
// apply it twice.
func IsDialError(err error) bool {
	var op *net.OpError
	return errors.As(err, &op) && op.Op == "dial"
}

// RoundRobinTransport sends each request to the next of several instances
// of one service, replacing the scheme and host of the request's URL (the
// clients are built with the first instance's base URL; every instance
// must have the same path prefix, normally none). A request that could not
// connect is sent once more, to the next instance, if its body can be
// read again.
type RoundRobinTransport struct {
	Bases *RoundRobin
	Next  http.RoundTripper // nil means http.DefaultTransport
}

// RoundTrip implements http.RoundTripper.
func (t RoundRobinTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	next := t.Next
	if next == nil {
		next = http.DefaultTransport
	}
	resp, err := next.RoundTrip(t.aimed(req))
	if err == nil || t.Bases.Len() < 2 || !IsDialError(err) || (req.Body != nil && req.GetBody == nil) {
		return resp, err
	}
	retry := t.aimed(req)
	if req.Body != nil {
		body, bodyErr := req.GetBody()
		if bodyErr != nil {
			return nil, err
		}
		retry.Body = body
	}
	return next.RoundTrip(retry)
}

// aimed is req sent to the next instance.
func (t RoundRobinTransport) aimed(req *http.Request) *http.Request {
	base, err := url.Parse(t.Bases.Next())
	if err != nil {
		return req
	}
	out := req.Clone(req.Context())
	out.URL.Scheme, out.URL.Host, out.Host = base.Scheme, base.Host, ""
	return out
}
