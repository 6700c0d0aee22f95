package kit

import (
	"errors"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// The session cookie holds only a random id; the tokens stay on the server
// (session_store.go). It goes with top-level navigations from other sites
// (SameSite=Lax), so a link to /home works. Whenever cookies are Secure
// (an https ONWARD_PUBLIC_URL) it takes the __Host- prefix, which browsers
// accept only from a secure origin, for the whole site and without a
// Domain, so no sibling subdomain can plant one.
const (
	sessionCookie       = "onward_session"
	secureSessionCookie = "__Host-onward_session"
	langCookie          = "onward_lang"
)

// actorKey stores the signed-in actor in Fiber's locals.
type actorKey struct{}

// tokenKey stores the request's valid access token in Fiber's locals.
type tokenKey struct{}

// sessionCookieName is the session cookie's name: __Host- prefixed
// whenever cookies are Secure.
func (k *Kit) sessionCookieName(c *fiber.Ctx) string {
	if k.secureCookies(c) {
		return secureSessionCookie
	}
	return sessionCookie
}

// sessionActor returns the signed-in actor, renewing the session's access
// token if need be; errs.Unauthenticated means there is no usable session.
func (k *Kit) sessionActor(c *fiber.Ctx) (Actor, error) {
	id := c.Cookies(k.sessionCookieName(c))
	if id == "" {
		return Actor{}, errs.Unauthenticated
	}
	sess, err := k.sessions.live(c.UserContext(), id)
	if err != nil {
		return Actor{}, err
	}
	c.Locals(tokenKey{}, sess.AccessToken)
	return sess.Actor, nil
}

// AccessToken is the signed-in user's access token, for calls to the API on
// their behalf. It is set once requireSession has passed.
func AccessToken(c *fiber.Ctx) string {
	token, _ := c.Locals(tokenKey{}).(string)
	return token
}

// RequireSession lets signed-in users through and sends everyone else to
// the sign-in page.
func (k *Kit) RequireSession(c *fiber.Ctx) error {
	a, err := k.sessionActor(c)
	if errors.Is(err, errs.Unauthenticated) {
		k.ClearSessionCookie(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	if err != nil {
		return k.ErrorPage(c, err)
	}
	c.Locals(actorKey{}, a)
	return c.Next()
}

// PeekSession marks the request as signed in when it has a session,
// without renewing it: public pages only adapt their header to it.
func (k *Kit) PeekSession(c *fiber.Ctx) bool {
	sess, err := k.sessions.load(c.UserContext(), c.Cookies(k.sessionCookieName(c)))
	if err != nil {
		return false
	}
	c.Locals(actorKey{}, sess.Actor)
	return true
}

// ResumeSession reports whether the request has a live session, renewing
// it if needed, so the sign-in and sign-up pages can send a signed-in user
// home. Any failure just means "not signed in" here.
func (k *Kit) ResumeSession(c *fiber.Ctx) bool {
	a, err := k.sessionActor(c)
	if err != nil {
		return false
	}
	c.Locals(actorKey{}, a)
	return true
}

// ActorOf is the signed-in actor, once RequireSession has passed.
func ActorOf(c *fiber.Ctx) Actor {
	a, _ := c.Locals(actorKey{}).(Actor)
	return a
}

// SignedIn reports whether the request carries a signed-in actor.
func SignedIn(c *fiber.Ctx) bool {
	_, ok := c.Locals(actorKey{}).(Actor)
	return ok
}

// StartSession keeps a fresh token pair on the server and gives the browser
// the session's id. A session the browser already had is ended first, so
// a sign-in always starts a new id (no session fixation).
func (k *Kit) StartSession(c *fiber.Ctx, pair api.Tokens) error {
	if old := c.Cookies(k.sessionCookieName(c)); old != "" {
		k.sessions.delete(c.UserContext(), old)
	}
	id, sess, err := k.sessions.create(c.UserContext(), pair)
	if err != nil {
		return err
	}
	k.SetCookie(c, k.sessionCookieName(c), id, sessionTTL, fiber.CookieSameSiteLaxMode)
	c.Locals(actorKey{}, sess.Actor)
	// A page drawn in this same request carries the new session's token.
	c.Locals(csrfKey{}, maskCSRF(k.sessionCSRF(id)))
	return nil
}

// EndSession revokes the session's refresh token at the gateway, forgets
// the session and clears its cookie.
func (k *Kit) EndSession(c *fiber.Ctx) error {
	id := c.Cookies(k.sessionCookieName(c))
	if sess, err := k.sessions.load(c.UserContext(), id); err == nil {
		if _, err := k.API.LogOutWithResponse(c.UserContext(), api.RefreshRequest{RefreshToken: sess.RefreshToken}); err != nil && !errors.Is(err, errs.Unauthenticated) {
			return err
		}
	}
	k.sessions.delete(c.UserContext(), id)
	k.ClearSessionCookie(c)
	return nil
}

// ClearSessionCookie tells the browser to forget a session that has ended.
func (k *Kit) ClearSessionCookie(c *fiber.Ctx) {
	k.SetCookie(c, k.sessionCookieName(c), "", -time.Hour, fiber.CookieSameSiteLaxMode)
}

// CandidateHome is the first page of a candidate's own account.
const CandidateHome = "/me"

// KeepCandidatesHome sends a signed-in candidate to their own pages: the
// pages everyone else signed in shares (home, the inbox, explore) are not
// theirs. It follows RequireSession.
func (k *Kit) KeepCandidatesHome(c *fiber.Ctx) error {
	if ActorOf(c).IsCandidate() {
		return c.Redirect(CandidateHome, fiber.StatusSeeOther)
	}
	return c.Next()
}
