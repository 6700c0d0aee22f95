package app

import (
	"bytes"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// maxPublicAnswer bounds what the web app passes on from the gateway for a
// public credential address; the answers are small JSON documents.
const maxPublicAnswer = 1 << 20

// publicAPI forwards the credential addresses of the public API to the
// gateway. A credential names its id, revocation list, issuer and keys
// under ONWARD_PUBLIC_URL, the web app's origin, so a verifier anywhere
// must find them here. It sends no cookie, no token and no header of the
// caller's but the content type: these calls are anonymous by design.
type publicAPI struct {
	base   string
	client *http.Client
}

func newPublicAPI(apiURL string, transport http.RoundTripper) *publicAPI {
	return &publicAPI{base: strings.TrimRight(apiURL, "/"), client: &http.Client{Timeout: 10 * time.Second, Transport: transport}}
}

// mount registers the forwarded addresses on app.
func (p *publicAPI) mount(app fiber.Router) {
	app.Post("/api/v1/credentials/verify", p.forward(func(*fiber.Ctx) string { return "/api/v1/credentials/verify" }))
	app.Get("/api/v1/credentials/:id/status", p.forward(func(c *fiber.Ctx) string { return "/api/v1/credentials/" + url.PathEscape(c.Params("id")) + "/status" }))
	app.Get("/api/v1/credentials/:id", p.forward(func(c *fiber.Ctx) string { return "/api/v1/credentials/" + url.PathEscape(c.Params("id")) }))
	app.Get("/api/v1/issuers/:id/jwks", p.forward(func(c *fiber.Ctx) string { return "/api/v1/issuers/" + url.PathEscape(c.Params("id")) + "/jwks" }))
	app.Get("/api/v1/issuers/:id", p.forward(func(c *fiber.Ctx) string { return "/api/v1/issuers/" + url.PathEscape(c.Params("id")) }))
}

// forward answers with the gateway's answer to the same method on the path
// pathOf builds from the route's parameters (never from the raw request
// line, so no encoded dot segment travels on).
func (p *publicAPI) forward(pathOf func(*fiber.Ctx) string) fiber.Handler {
	return func(c *fiber.Ctx) error {
		var body io.Reader
		if c.Method() == fiber.MethodPost {
			body = bytes.NewReader(c.Body())
		}
		req, err := http.NewRequestWithContext(c.UserContext(), c.Method(), p.base+pathOf(c), body)
		if err != nil {
			return fmt.Errorf("public API request: %w", err)
		}
		if ct := c.Get(fiber.HeaderContentType); ct != "" {
			req.Header.Set(fiber.HeaderContentType, ct)
		}
		resp, err := p.client.Do(req)
		if err != nil {
			return fiber.NewError(fiber.StatusBadGateway, "the API did not answer")
		}
		defer resp.Body.Close()
		raw, err := io.ReadAll(io.LimitReader(resp.Body, maxPublicAnswer))
		if err != nil {
			return fiber.NewError(fiber.StatusBadGateway, "the API's answer broke off")
		}
		c.Set(fiber.HeaderContentType, resp.Header.Get(fiber.HeaderContentType))
		c.Set(fiber.HeaderAccessControlAllowOrigin, "*")
		return c.Status(resp.StatusCode).Send(raw)
	}
}
