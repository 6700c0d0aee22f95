package web

import (
	"errors"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// Cookie names. The access cookie goes with top-level navigations from
// other sites (SameSite=Lax), so a link to /home works; the refresh cookie
// never leaves a same-site request (Strict). Both are HttpOnly.
const (
	accessCookie  = "onward_access"
	refreshCookie = "onward_refresh"
	langCookie    = "onward_lang"
)

// actorKey stores the signed-in actor in Fiber's locals.
type actorKey struct{}

// tokenKey stores the request's valid access token in Fiber's locals: the
// one from the cookie, or the one a refresh has just issued.
type tokenKey struct{}

// actorInfo is the signed-in actor as the handlers see it.
type actorInfo struct {
	service.Actor
}

// actorFromToken verifies an access token and, like the API's converter,
// turns its principal into the use cases' actor.
func (s *site) actorFromToken(c *fiber.Ctx, raw string) (service.Actor, error) {
	claims, err := s.verifier.Verify(c.UserContext(), raw)
	if err != nil {
		return service.Actor{}, err
	}
	return service.ActorFromPrincipal(claims.Principal())
}

// sessionActor returns the signed-in actor. An expired or invalid access
// cookie is replaced by rotating the refresh cookie; errs.Unauthenticated
// means there is no usable session.
func (s *site) sessionActor(c *fiber.Ctx) (service.Actor, error) {
	if raw := c.Cookies(accessCookie); raw != "" {
		if a, err := s.actorFromToken(c, raw); err == nil {
			c.Locals(tokenKey{}, strings.Clone(raw))
			return a, nil
		}
	}
	refresh := c.Cookies(refreshCookie)
	if refresh == "" {
		return service.Actor{}, errs.Unauthenticated
	}
	pair, err := s.svc.Refresh(c.UserContext(), refresh)
	if err != nil {
		return service.Actor{}, err
	}
	s.startSession(c, pair)
	c.Locals(tokenKey{}, pair.AccessToken)
	return s.actorFromToken(c, pair.AccessToken)
}

// accessToken is the signed-in user's access token, for calls to other
// services on their behalf. It is set once requireSession has passed.
func accessToken(c *fiber.Ctx) string {
	token, _ := c.Locals(tokenKey{}).(string)
	return token
}

// requireSession lets signed-in users through and sends everyone else to
// the sign-in page.
func (s *site) requireSession(c *fiber.Ctx) error {
	a, err := s.sessionActor(c)
	if errors.Is(err, errs.Unauthenticated) {
		s.endSession(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	if err != nil {
		return s.errorPage(c, err)
	}
	c.Locals(actorKey{}, actorInfo{a})
	return c.Next()
}

// peekSession marks the request as signed in when the access cookie is
// valid, without refreshing: public pages only adapt their header to it.
func (s *site) peekSession(c *fiber.Ctx) bool {
	a, err := s.actorFromToken(c, c.Cookies(accessCookie))
	if err != nil {
		return false
	}
	c.Locals(actorKey{}, actorInfo{a})
	return true
}

// resumeSession reports whether the request has a live session, refreshing
// it if needed, so the sign-in and sign-up pages can send a signed-in user
// home. Any failure just means "not signed in" here.
func (s *site) resumeSession(c *fiber.Ctx) bool {
	a, err := s.sessionActor(c)
	if err != nil {
		return false
	}
	c.Locals(actorKey{}, actorInfo{a})
	return true
}

func actor(c *fiber.Ctx) service.Actor {
	info, _ := c.Locals(actorKey{}).(actorInfo)
	return info.Actor
}

// startSession sets the session cookies from a fresh token pair.
func (s *site) startSession(c *fiber.Ctx, pair service.TokenPair) {
	setCookie(c, accessCookie, pair.AccessToken, pair.ExpiresIn, fiber.CookieSameSiteLaxMode)
	setCookie(c, refreshCookie, pair.RefreshToken, domain.RefreshTTL, fiber.CookieSameSiteStrictMode)
}

// endSession clears the session cookies.
func (s *site) endSession(c *fiber.Ctx) {
	setCookie(c, accessCookie, "", -time.Hour, fiber.CookieSameSiteLaxMode)
	setCookie(c, refreshCookie, "", -time.Hour, fiber.CookieSameSiteStrictMode)
}

// setCookie sets an HttpOnly cookie for the whole site, Secure whenever the
// request came over TLS. A negative maxAge deletes it; zero makes it last
// for the browser session.
func setCookie(c *fiber.Ctx, name, value string, maxAge time.Duration, sameSite string) {
	ck := &fiber.Cookie{
		Name: name, Value: value, Path: "/", HTTPOnly: true,
		Secure: c.Protocol() == "https", SameSite: sameSite,
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
