package auth

import (
	"fmt"
	"net/http"
)

// ServiceTransport returns a RoundTripper that sends every request through
// base (http.DefaultTransport if nil) with a bearer token for audience from
// src. Use it as the Transport of the http.Client a service uses to call
// the service named audience.
func ServiceTransport(src TokenSource, audience string, base http.RoundTripper) http.RoundTripper {
	if base == nil {
		base = http.DefaultTransport
	}
	return &serviceTransport{src: src, audience: audience, base: base}
}

type serviceTransport struct {
	src      TokenSource
	audience string
	base     http.RoundTripper
}

// RoundTrip adds the token to a clone of req, because the RoundTripper
// contract forbids modifying the caller's request.
func (t *serviceTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	token, err := t.src.Token(req.Context(), t.audience)
	if err != nil {
		// RoundTrip must close the body even when it fails.
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, fmt.Errorf("auth: service token for %s: %w", t.audience, err)
	}
	out := req.Clone(req.Context())
	out.Header.Set("Authorization", "Bearer "+token)
	return t.base.RoundTrip(out)
}
