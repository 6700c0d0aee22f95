// Package web is the gateway's server-rendered, mobile-first web UI: the
// landing page, employer sign-up, sign-in and sign-out, accepting an
// invitation, a home page per role, and a page to explore the skills,
// occupations and places that matching uses, through a reusable picker.
// Employers keep their profile and post, edit, pause, fill and close
// roles; programme staff and administrators browse every open role and
// see its employer with the contact person. Those pages call the employers
// service's API with the signed-in user's token.
//
// Every page works without JavaScript: forms are plain POSTs answered with a
// redirect, or with the same form and its field errors. Sessions live in
// two HttpOnly cookies holding the API's access and refresh tokens; every
// state-changing form carries a double-submit CSRF token. All text goes
// through go-i18n, in English and Dutch.
package web

import (
	"log/slog"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// Deps are what the web UI needs.
type Deps struct {
	Service  *service.Service
	Verifier *auth.Verifier
	Logger   *slog.Logger
	// PublicURL is the gateway's address as users reach it
	// (ONWARD_PUBLIC_URL); invitation links are built from it, never from
	// the request's Host header.
	PublicURL string
	// MatchingURL is the matching service's base address; the pickers
	// search its vocabularies with the signed-in user's token.
	MatchingURL string
	// EmployersURL is the employers service's base address; the employer
	// and staff pages call its API with the signed-in user's token.
	EmployersURL string
	// CandidatesURL is the candidates service's base address; the staff
	// pages for programmes, candidates and attestations call its API with
	// the signed-in user's token.
	CandidatesURL string
}

// site holds the web UI's dependencies and its parsed templates, messages
// and assets.
type site struct {
	svc      *service.Service
	verifier *auth.Verifier
	logger   *slog.Logger
	// publicURL prefixes the invitation links shown to inviters.
	publicURL  string
	matching   *matchingClient
	employers  *employersClient
	candidates *candidatesClient
	pages      pages
	i18n       *translator
	assets     assets
}

// Register adds the web pages to app. Call it after the API routes, so
// that /api/v1 never passes through the web UI's CSRF check.
func Register(app *fiber.App, d Deps) {
	logger := d.Logger
	if logger == nil {
		logger = slog.Default()
	}
	s := &site{
		svc: d.Service, verifier: d.Verifier, logger: logger, publicURL: d.PublicURL,
		matching: newMatchingClient(d.MatchingURL), employers: newEmployersClient(d.EmployersURL),
		candidates: newCandidatesClient(d.CandidatesURL),
		pages:      mustParsePages(), i18n: mustLoadTranslator(), assets: mustLoadAssets(),
	}
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

	app.Get("/explore", s.csrf, s.requireSession, s.explore)
	app.Get("/suggest/:kind", s.suggest)
	app.Get("/session/renew", s.renewSession)

	app.Use(s.notFound)
}
