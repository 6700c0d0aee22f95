package site

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// The session cookie holds only a random id; the tokens stay on the server
// (session_store.go). It goes with top-level navigations from other sites
// (SameSite=Lax), so a link to /home works. Over HTTPS it takes the
// __Host- prefix, which browsers accept only from a secure origin, for the
// whole site and without a Domain, so no sibling subdomain can plant one.
const (
	sessionCookie       = "onward_session"
	secureSessionCookie = "__Host-onward_session"
	langCookie          = "onward_lang"
)

// actorKey stores the signed-in actor in Fiber's locals.
type actorKey struct{}

// tokenKey stores the request's valid access token in Fiber's locals.
type tokenKey struct{}

// sessionCookieName is the session cookie's name for this request's scheme.
func sessionCookieName(c *fiber.Ctx) string {
	if c.Protocol() == "https" {
		return secureSessionCookie
	}
	return sessionCookie
}

// sessionActor returns the signed-in actor, renewing the session's access
// token if need be; errs.Unauthenticated means there is no usable session.
func (s *site) sessionActor(c *fiber.Ctx) (Actor, error) {
	id := c.Cookies(sessionCookieName(c))
	if id == "" {
		return Actor{}, errs.Unauthenticated
	}
	sess, err := s.sessions.live(c.UserContext(), id)
	if err != nil {
		return Actor{}, err
	}
	c.Locals(tokenKey{}, sess.AccessToken)
	return sess.Actor, nil
}

// accessToken is the signed-in user's access token, for calls to the API on
// their behalf. It is set once requireSession has passed.
func accessToken(c *fiber.Ctx) string {
	token, _ := c.Locals(tokenKey{}).(string)
	return token
}

// requireSession lets signed-in users through and sends everyone else to
// the sign-in page.
func (s *site) requireSession(c *fiber.Ctx) error {
	a, err := s.sessionActor(c)
	if errors.Is(err, errs.Unauthenticated) {
		s.clearSessionCookie(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	if err != nil {
		return s.errorPage(c, err)
	}
	c.Locals(actorKey{}, a)
	return c.Next()
}

// peekSession marks the request as signed in when it has a session,
// without renewing it: public pages only adapt their header to it.
func (s *site) peekSession(c *fiber.Ctx) bool {
	sess, err := s.sessions.load(c.UserContext(), c.Cookies(sessionCookieName(c)))
	if err != nil {
		return false
	}
	c.Locals(actorKey{}, sess.Actor)
	return true
}

// resumeSession reports whether the request has a live session, renewing
// it if needed, so the sign-in and sign-up pages can send a signed-in user
// home. Any failure just means "not signed in" here.
func (s *site) resumeSession(c *fiber.Ctx) bool {
	a, err := s.sessionActor(c)
	if err != nil {
		return false
	}
	c.Locals(actorKey{}, a)
	return true
}

func actor(c *fiber.Ctx) Actor {
	a, _ := c.Locals(actorKey{}).(Actor)
	return a
}

// signedIn reports whether the request carries a signed-in actor.
func signedIn(c *fiber.Ctx) bool {
	_, ok := c.Locals(actorKey{}).(Actor)
	return ok
}

// startSession keeps a fresh token pair on the server and gives the browser
// the session's id. A session the browser already had is ended first, so
// a sign-in always starts a new id (no session fixation).
func (s *site) startSession(c *fiber.Ctx, pair tokenPair) error {
	if old := c.Cookies(sessionCookieName(c)); old != "" {
		s.sessions.delete(c.UserContext(), old)
	}
	id, sess, err := s.sessions.create(c.UserContext(), pair)
	if err != nil {
		return err
	}
	setCookie(c, sessionCookieName(c), id, sessionTTL, fiber.CookieSameSiteLaxMode)
	c.Locals(actorKey{}, sess.Actor)
	return nil
}

// endSession revokes the session's refresh token at the gateway, forgets
// the session and clears its cookie.
func (s *site) endSession(c *fiber.Ctx) error {
	id := c.Cookies(sessionCookieName(c))
	if sess, err := s.sessions.load(c.UserContext(), id); err == nil {
		if err := s.accounts.logout(c.UserContext(), sess.RefreshToken); err != nil && !errors.Is(err, errs.Unauthenticated) {
			return err
		}
	}
	s.sessions.delete(c.UserContext(), id)
	s.clearSessionCookie(c)
	return nil
}

// clearSessionCookie tells the browser to forget a session that has ended.
func (s *site) clearSessionCookie(c *fiber.Ctx) {
	setCookie(c, sessionCookieName(c), "", -time.Hour, fiber.CookieSameSiteLaxMode)
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
