// Package web is Onward's server-rendered, mobile-first web app: the
// landing page, employer sign-up, sign-in and sign-out, accepting an
// invitation, a home page per role, the employer's profile, roles and
// shortlists, the programme staff's candidates, programmes and portfolios,
// and a page to explore the skills, occupations and places that matching
// uses, through a reusable picker.
//
// It is a client of the public API like any other: every page calls the
// gateway's /api/v1 with the signed-in user's own access token, so the
// gateway and the services behind it decide what the user may see and
// change. It holds no data of its own but the sessions.
//
// Every page works without JavaScript: forms are plain POSTs answered with a
// redirect, or with the same form and its field errors. Sessions live in
// Redis, keyed by a random id in an HttpOnly cookie; the tokens never reach
// the browser. Every state-changing form carries a double-submit CSRF
// token. All text goes through go-i18n.
package site

import (
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"
	"github.com/redis/go-redis/v9"
)

// Deps are what the web app needs.
type Deps struct {
	Logger *slog.Logger
	// Redis keeps the sessions; SessionPrefix names their keys.
	Redis         redis.UniversalClient
	SessionPrefix string
	// PublicURL is the web app's address as users reach it
	// (ONWARD_PUBLIC_URL); invitation links are built from it, never from
	// the request's Host header.
	PublicURL string
	// APIURL is the gateway's base address: every call goes to its
	// public /api/v1.
	APIURL string
}

// site holds the web app's dependencies and its parsed templates, messages
// and assets.
type site struct {
	logger *slog.Logger
	// publicURL prefixes the invitation links shown to inviters.
	publicURL  string
	accounts   *accountClient
	sessions   *sessionStore
	matching   *matchingClient
	employers  *employersClient
	candidates *candidatesClient
	pages      pages
	i18n       *translator
	assets     assets
}

// Register adds the web pages to app.
func Register(app *fiber.App, d Deps) {
	logger := d.Logger
	if logger == nil {
		logger = slog.Default()
	}
	accounts := newAccountClient(d.APIURL)
	s := &site{
		logger: logger, publicURL: d.PublicURL, accounts: accounts,
		sessions: &sessionStore{redis: d.Redis, prefix: d.SessionPrefix, accounts: accounts, now: time.Now},
		matching: newMatchingClient(d.APIURL), employers: newEmployersClient(d.APIURL),
		candidates: newCandidatesClient(d.APIURL),
		pages:      mustParsePages(), i18n: mustLoadTranslator(), assets: mustLoadAssets(),
	}
	// Pages are compressed as they go out (brotli or gzip, as the browser
	// accepts); assets were compressed once, as they loaded.
	app.Use(compress.New(compress.Config{
		Level: compress.LevelBestSpeed,
		Next:  func(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/assets/") },
	}))
	app.Get("/assets/:name", s.assets.serve)
	app.Get("/lang/:code", s.switchLanguage)

	app.Get("/", s.csrf, s.landing)
	app.Get("/signup", s.csrf, s.signupForm)
	app.Post("/signup", s.csrf, s.signup)
	app.Get("/login", s.csrf, s.loginForm)
	app.Post("/login", s.csrf, s.login)
	app.Post("/logout", s.csrf, s.logout)
	app.Get("/invitations/:token", s.csrf, s.invitationForm)
	app.Post("/invitations/:token", s.csrf, s.acceptInvitation)

	app.Get("/home", s.csrf, s.requireSession, s.home)
	app.Post("/home/organisations", s.csrf, s.requireSession, s.createOrganisation)
	app.Post("/home/invitations", s.csrf, s.requireSession, s.invite)

	app.Post("/roles/:id/status", s.csrf, s.requireSession, s.changeRoleStatus)
	app.Get("/employer/profile", s.csrf, s.requireSession, s.employerOnly, s.profileForm)
	app.Post("/employer/profile", s.csrf, s.requireSession, s.employerOnly, s.saveProfile)
	app.Get("/roles/new", s.csrf, s.requireSession, s.employerOnly, s.newRoleForm)
	app.Post("/roles/new", s.csrf, s.requireSession, s.employerOnly, s.postRoleForm)
	app.Get("/roles", s.csrf, s.requireSession, s.staffOnly, s.browseRoles)
	app.Get("/roles/:id", s.csrf, s.requireSession, s.showRole)
	app.Get("/roles/:id/edit", s.csrf, s.requireSession, s.employerOnly, s.editRoleForm)
	app.Post("/roles/:id/edit", s.csrf, s.requireSession, s.employerOnly, s.postRoleForm)

	s.registerCandidatePages(app)
	s.registerPortfolioPages(app)
	s.registerMatchingPages(app)
	s.registerAdminPages(app)

	app.Get("/explore", s.csrf, s.requireSession, s.explore)
	app.Get("/suggest/:kind", s.suggest)
	app.Get("/session/renew", s.renewSession)

	app.Use(s.notFound)
}
