package kit

import (
	"time"

	"github.com/gofiber/fiber/v2"
)

// Cookies are Secure whenever ONWARD_PUBLIC_URL is https, whatever scheme
// the request arrived over: behind a TLS terminator the web app sees
// plain HTTP, and believes X-Forwarded-Proto only from TRUSTED_PROXIES
// (pkg/httpx), so a forged header can neither add nor remove the flag.
// A request that did arrive over TLS, or through a trusted proxy that
// says so, gets Secure cookies too.

// secureKey marks, in a request's locals, that its cookies must be Secure.
type secureKey struct{}

// MarkSecure is middleware for every route: it records whether the
// request's cookies must be Secure, for SecureCookies.
func (k *Kit) MarkSecure(c *fiber.Ctx) error {
	if k.secureCookies(c) {
		c.Locals(secureKey{}, true)
	}
	return c.Next()
}

// SecureCookies reports whether the cookies set on c must be Secure, for
// pages that set their own (flash, notices).
func SecureCookies(c *fiber.Ctx) bool {
	secure, _ := c.Locals(secureKey{}).(bool)
	return secure || c.Protocol() == "https"
}

func (k *Kit) secureCookies(c *fiber.Ctx) bool {
	return k.secure || c.Protocol() == "https"
}

// SetCookie sets an HttpOnly cookie for the whole site, Secure whenever
// cookies must be. A negative maxAge deletes it; zero makes it last for
// the browser session.
func (k *Kit) SetCookie(c *fiber.Ctx, name, value string, maxAge time.Duration, sameSite string) {
	ck := &fiber.Cookie{
		Name: name, Value: value, Path: "/", HTTPOnly: true,
		Secure: k.secureCookies(c), SameSite: sameSite,
	}
	switch {
	case maxAge < 0:
		ck.MaxAge, ck.Expires = -1, time.Unix(0, 0)
	case maxAge > 0:
		ck.MaxAge = int(maxAge.Seconds())
		ck.Expires = time.Now().Add(maxAge)
	default:
		ck.SessionOnly = true
	}
	c.Cookie(ck)
}
