package http

import (
	"fmt"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// Upstream is one service behind the gateway.
type Upstream struct {
	Name string
	// URL is the service's base URL, such as http://employers:8081, or a
	// comma-separated list of its instances' base URLs, which calls take
	// turns over; empty if not deployed.
	URL string
}

// route sends paths matching Pattern to an upstream. Pattern segments are
// literal or "*" for one id; a pattern matches a path with at least as
// many segments, so "/api/v1/roles" covers "/api/v1/roles/{id}/status".
type route struct {
	Pattern  []string
	Upstream string
}

// Routes lists the public prefixes of each service, most specific first:
// the matching engine answers a role's shortlist and a candidate's
// suggestions although the collections belong to the other services.
var Routes = []struct{ Pattern, Upstream string }{
	{"/api/v1/roles/*/shortlist", "matching"},
	{"/api/v1/roles/*/introductions", "placements"},
	{"/api/v1/candidates/*/suggestions", "matching"},
	{"/api/v1/matching", "matching"},
	{"/api/v1/skills", "matching"},
	{"/api/v1/occupations", "matching"},
	{"/api/v1/places", "matching"},
	{"/api/v1/employers", "employers"},
	{"/api/v1/roles", "employers"},
	{"/api/v1/candidates", "candidates"},
	{"/api/v1/programmes", "candidates"},
	{"/api/v1/attestations", "candidates"},
	{"/api/v1/credentials", "candidates"},
	{"/api/v1/issuers", "candidates"},
	{"/api/v1/consent-texts", "candidates"},
	{"/api/v1/notifications", "notifications"},
	{"/api/v1/introductions", "placements"},
	{"/api/v1/placements", "placements"},
	{"/api/v1/followups", "placements"},
	{"/api/v1/disclosures", "candidates"},
	{"/api/v1/insights", "insights"},
}

// Proxy forwards API calls to the services by path prefix.
type Proxy struct {
	routes    []route
	upstreams map[string]*upstreamPool
	client    *fasthttp.Client
	timeout   time.Duration
}

// NewProxy builds the route table for the given upstreams.
func NewProxy(upstreams []Upstream, timeout time.Duration) *Proxy {
	p := &Proxy{upstreams: map[string]*upstreamPool{}, timeout: timeout, client: &fasthttp.Client{
		ReadTimeout: timeout, WriteTimeout: timeout, MaxIdleConnDuration: 30 * time.Second,
		NoDefaultUserAgentHeader: true, DisablePathNormalizing: true,
	}}
	for _, u := range upstreams {
		p.upstreams[u.Name] = newUpstreamPool(u.URL)
	}
	for _, r := range Routes {
		p.routes = append(p.routes, route{Pattern: strings.Split(strings.Trim(r.Pattern, "/"), "/"), Upstream: r.Upstream})
	}
	return p
}

// match returns the name of the upstream for path, or "".
func (p *Proxy) match(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for _, r := range p.routes {
		if len(segs) < len(r.Pattern) {
			continue
		}
		ok := true
		for i, want := range r.Pattern {
			if want != "*" && want != segs[i] {
				ok = false
				break
			}
		}
		if ok {
			return r.Upstream
		}
	}
	return ""
}

// Handle forwards the request if a route matches and passes to the next
// handler otherwise; a route to an upstream without a URL answers 503.
// The browser session cookie is not forwarded: services
// authenticate the bearer token only.
//
// The path is checked as sent, before any decoding (canonicalPath), and
// matched decoded; what is forwarded is that same path and the query, so
// a service routes exactly what the gateway matched. Fiber's c.Path() is
// the raw path, which the services would decode and clean themselves:
// "..%2f..%2fmetrics" once reached their /metrics.
func (p *Proxy) Handle(c *fiber.Ctx) error {
	rawPath, query, _ := strings.Cut(string(c.Request().Header.RequestURI()), "?")
	decoded, err := canonicalPath(rawPath)
	if err != nil {
		return err
	}
	upstream := p.match(decoded)
	if upstream == "" {
		return c.Next()
	}
	pool := p.upstreams[upstream]
	if pool == nil {
		// An optional service (notifications, placements, insights) that is
		// not deployed.
		return fmt.Errorf("the %s service is not configured: %w", upstream, errs.Unavailable)
	}
	target := rawPath
	if query != "" {
		target += "?" + query
	}
	c.Request().Header.Del(fiber.HeaderCookie)
	c.Request().Header.Set(httpx.HeaderRequestID, httpx.RequestID(c))
	if err := pool.forward(c, target, p.timeout, p.client); err != nil {
		return fmt.Errorf("upstream for %s: %w", c.Route().Path, errs.Unavailable)
	}
	c.Response().Header.Del(fiber.HeaderServer)
	return nil
}
