package kit

import (
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"

	"github.com/gofiber/fiber/v2"
)

// CSRF protection is a stateless double-submit token, so it works across
// gateway replicas without shared storage. Every page gets a random token
// in an HttpOnly, SameSite=Strict cookie, and every form repeats it in a
// hidden field; a POST is accepted only when the two match. A page on
// another site can neither read the cookie nor make the browser send it,
// so it cannot produce a matching pair. Browsers that send Sec-Fetch-Site
// are checked too: a POST must come from our own origin.
//
// Fiber's csrf middleware is not used because it keeps tokens in process
// memory (one replica cannot check another's token) and, over TLS, demands
// a Referer header, which the gateway's "Referrer-Policy: no-referrer"
// suppresses.
const (
	csrfCookie = "onward_csrf"
	csrfField  = "_csrf"
)

// csrfKey stores the request's token in Fiber's locals for the templates.
type csrfKey struct{}

// CSRF issues the token on every web page and checks it on every POST.
func (k *Kit) CSRF(c *fiber.Ctx) error {
	token := c.Cookies(csrfCookie)
	if !wellFormedToken(token) {
		token = ""
	}
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		if !sameOrigin(c) || token == "" || subtle.ConstantTimeCompare([]byte(unmaskCSRF(c.FormValue(csrfField))), []byte(token)) != 1 {
			return k.csrfFailed(c, token != "")
		}
	}
	if token == "" {
		token = newCSRFToken()
		SetCookie(c, csrfCookie, token, 0, fiber.CookieSameSiteStrictMode)
	}
	c.Locals(csrfKey{}, maskCSRF(token))
	return c.Next()
}

// maskCSRF hides the token behind a fresh one-time pad for each page, so a
// compressed page never repeats the same secret bytes: an attacker who
// can reflect text into pages and watch their compressed size (BREACH)
// learns nothing about the token.
func maskCSRF(token string) string {
	raw, _ := base64.RawURLEncoding.DecodeString(token)
	out := make([]byte, 2*len(raw))
	_, _ = rand.Read(out[:len(raw)])
	for i, b := range raw {
		out[len(raw)+i] = b ^ out[i]
	}
	return base64.RawURLEncoding.EncodeToString(out)
}

// unmaskCSRF recovers the token from a form's masked value; anything that
// is not a masked token gives "".
func unmaskCSRF(masked string) string {
	b, err := base64.RawURLEncoding.DecodeString(masked)
	if err != nil || len(b) != 64 {
		return ""
	}
	raw := make([]byte, 32)
	for i := range raw {
		raw[i] = b[32+i] ^ b[i]
	}
	return base64.RawURLEncoding.EncodeToString(raw)
}

// sameOrigin rejects requests that browsers label as coming from another
// site or a sibling subdomain. Older browsers send no Sec-Fetch-Site and
// rely on the token alone.
func sameOrigin(c *fiber.Ctx) bool {
	switch c.Get("Sec-Fetch-Site") {
	case "cross-site", "same-site":
		return false
	}
	return true
}

// csrfFailed explains a rejected form: most often the page was open for a
// long time or cookies were cleared, so the user is asked to try again.
func (k *Kit) csrfFailed(c *fiber.Ctx, hasToken bool) error {
	if !hasToken {
		SetCookie(c, csrfCookie, newCSRFToken(), 0, fiber.CookieSameSiteStrictMode)
	}
	return k.Message(c, fiber.StatusForbidden, "ErrorCSRF")
}

func newCSRFToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// wellFormedToken accepts only tokens this package could have made.
func wellFormedToken(t string) bool {
	b, err := base64.RawURLEncoding.DecodeString(t)
	return err == nil && len(b) == 32
}
