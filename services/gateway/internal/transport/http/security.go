package http

import (
	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/cors"
	"github.com/gofiber/fiber/v2/middleware/helmet"
)

// ContentSecurityPolicy allows only the gateway's own scripts, styles and
// images: no inline script, no framing, forms post only to us.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; " +
	"font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"

// securityHeaders sets the CSP, nosniff, frame and referrer headers on every
// answer, and HSTS when the request arrived over TLS (helmet checks that).
func securityHeaders() fiber.Handler {
	return helmet.New(helmet.Config{
		ContentSecurityPolicy:     ContentSecurityPolicy,
		XFrameOptions:             "DENY",
		ReferrerPolicy:            "no-referrer",
		HSTSMaxAge:                31536000,
		HSTSExcludeSubdomains:     false,
		CrossOriginEmbedderPolicy: "require-corp",
		CrossOriginOpenerPolicy:   "same-origin",
		CrossOriginResourcePolicy: "same-origin",
		PermissionPolicy:          "camera=(), microphone=(), geolocation=()",
	})
}

// corsFor allows cross-origin calls only from the configured origins; with
// none configured CORS stays off and browsers enforce the same origin.
func corsFor(origins string) fiber.Handler {
	if origins == "" {
		return func(c *fiber.Ctx) error { return c.Next() }
	}
	return cors.New(cors.Config{AllowOrigins: origins, AllowHeaders: "Authorization, Content-Type", MaxAge: 600})
}
