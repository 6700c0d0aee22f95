package kit

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// CSRF protection needs no shared storage, so it works across replicas.
// A signed-in form's token is an HMAC of the session's id under the
// server's key (WEB_CSRF_KEY): only the server can make it, and only for
// that session, so a token seen in one browser is worthless in another,
// and a planted cookie cannot make one. A signed-out form (sign-in,
// sign-up, an invitation) has no session to bind to: it keeps a
// double-submit token, random, in an HttpOnly, SameSite=Strict cookie that
// the form repeats. Every state-changing request must also come from the
// public URL's origin when the browser names one (Origin), and not be
// labelled cross-site or same-site (Sec-Fetch-Site).
//
// Fiber's csrf middleware is not used because it keeps tokens in process
// memory (one replica cannot check another's token) and, over TLS, demands
// a Referer header, which the gateway's "Referrer-Policy: no-referrer"
// suppresses.
const (
	csrfCookie       = "onward_csrf"
	secureCSRFCookie = "__Host-onward_csrf"
	csrfField        = "_csrf"
)

// csrfKey stores the request's token in Fiber's locals for the templates.
type csrfKey struct{}

// CSRF issues the token on every web page and checks it on every request
// that may change something.
func (k *Kit) CSRF(c *fiber.Ctx) error {
	token := k.expectedCSRF(c)
	if c.Method() != fiber.MethodGet && c.Method() != fiber.MethodHead {
		if !sameOrigin(c) || !k.fromPublicOrigin(c) || token == "" ||
			subtle.ConstantTimeCompare([]byte(unmaskCSRF(c.FormValue(csrfField))), []byte(token)) != 1 {
			return k.csrfFailed(c, token != "")
		}
	}
	if token == "" {
		token = newCSRFToken()
		k.SetCookie(c, k.csrfCookieName(c), token, 0, fiber.CookieSameSiteStrictMode)
	}
	c.Locals(csrfKey{}, maskCSRF(token))
	return c.Next()
}

// expectedCSRF is the token this request's form must carry: the session's
// when the browser holds a session cookie, else the double-submit
// cookie's, or "" when it has none yet. A browser with a session cookie
// never falls back to the double-submit cookie, which a sibling subdomain
// could plant.
func (k *Kit) expectedCSRF(c *fiber.Ctx) string {
	if id := c.Cookies(k.sessionCookieName(c)); id != "" {
		return k.sessionCSRF(id)
	}
	if token := c.Cookies(k.csrfCookieName(c)); wellFormedToken(token) {
		return token
	}
	return ""
}

// sessionCSRF is the CSRF token of the session id.
func (k *Kit) sessionCSRF(id string) string {
	mac := hmac.New(sha256.New, k.csrfKey)
	mac.Write([]byte("onward web csrf\x00"))
	mac.Write([]byte(id))
	return base64.RawURLEncoding.EncodeToString(mac.Sum(nil))
}

// csrfCookieName is the double-submit cookie's name: __Host- prefixed
// whenever cookies are Secure, so no sibling subdomain can plant one.
func (k *Kit) csrfCookieName(c *fiber.Ctx) string {
	if k.secureCookies(c) {
		return secureCSRFCookie
	}
	return csrfCookie
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

// fromPublicOrigin rejects a request whose Origin header is not the public
// URL's origin ("null" included). Browsers send Origin with every POST;
// a client that sends none relies on the token alone.
func (k *Kit) fromPublicOrigin(c *fiber.Ctx) bool {
	origin := c.Get(fiber.HeaderOrigin)
	return origin == "" || publicOrigin(k.origin, originOf(origin))
}

// publicOrigin reports whether origin is the public one. On a loopback
// public URL (make run's http://localhost:8080) any loopback name for the
// same scheme and port is the same server too, so a developer may open
// http://127.0.0.1:8080 instead; no public URL in production is loopback.
func publicOrigin(public, origin string) bool {
	if origin == "" || public == "" {
		return false
	}
	if origin == public {
		return true
	}
	p, err1 := url.Parse(public)
	o, err2 := url.Parse(origin)
	return err1 == nil && err2 == nil && p.Scheme == o.Scheme && p.Port() == o.Port() &&
		loopback(p.Hostname()) && loopback(o.Hostname())
}

// loopback reports whether host names this machine's loopback interface.
func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// originOf is the origin of a URL as browsers serialise it: lower-case
// scheme and host, the default port left out; "" for anything else.
func originOf(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	scheme, host := strings.ToLower(u.Scheme), strings.ToLower(u.Host)
	if p := u.Port(); (scheme == "http" && p == "80") || (scheme == "https" && p == "443") {
		host = strings.TrimSuffix(host, ":"+p)
	}
	return scheme + "://" + host
}

// csrfFailed explains a rejected form: most often the page was open for a
// long time or cookies were cleared, so the user is asked to try again.
func (k *Kit) csrfFailed(c *fiber.Ctx, hasToken bool) error {
	if !hasToken {
		k.SetCookie(c, k.csrfCookieName(c), newCSRFToken(), 0, fiber.CookieSameSiteStrictMode)
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
