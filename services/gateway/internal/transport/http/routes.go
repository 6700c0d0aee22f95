package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/gateway/internal/service"
)

// Deps are what the API needs.
type Deps struct {
	Service  *service.Service
	Keys     *service.KeyRing
	Verifier *auth.Verifier
	// InternalVerifier accepts service tokens meant for the gateway, on
	// the /internal/v1 routes other services call.
	InternalVerifier *auth.Verifier
	Proxy            *Proxy
	ServiceSecret    string
	CORSOrigins      string
	// OrgStatus is the gate's cache of organisations' statuses.
	OrgStatus *OrgStatusCache
}

// Register adds the security middleware, the gateway's own API and the
// proxy to app.
func Register(app *fiber.App, d Deps) {
	h := &handlers{svc: d.Service, serviceSecret: d.ServiceSecret}
	app.Use(securityHeaders(), corsFor(d.CORSOrigins))
	app.Get("/.well-known/jwks.json", jwks(d.Keys))
	app.Post(auth.ServiceTokenPath, h.serviceToken)

	api := app.Group("/api/v1")
	api.Post("/auth/signup", h.signup)
	api.Post("/auth/login", h.login)
	api.Post("/auth/refresh", h.refresh)
	api.Post("/auth/logout", h.logout)
	api.Post("/auth/password-reset", h.requestPasswordReset)
	api.Post("/auth/password-reset/confirm", h.confirmPasswordReset)
	api.Get("/invitations/:token", h.lookupInvitation)
	api.Post("/invitations/:token/accept", h.acceptInvitation)
	api.Post("/auth/candidate-login", h.candidateLogin)
	api.Get("/candidate-invitations/:token", h.lookupCandidateInvitation)
	api.Post("/candidate-invitations/:token/accept", h.acceptCandidateInvitation)

	authed := auth.Middleware(d.Verifier)
	api.Get("/me", authed, h.me)
	api.Patch("/me", authed, h.updateMe)
	api.Get("/organisations", authed, h.listOrganisations)
	api.Post("/organisations", authed, h.createOrganisation)
	api.Get("/organisations/:id", authed, h.organisation)
	api.Get("/organisations/:id/members", authed, h.members)
	api.Delete("/organisations/:id/members/:user_id", authed, h.removeMember)
	api.Put("/organisations/:id/members/:user_id/role", authed, h.changeMemberRole)
	api.Post("/organisations/:id/verify", authed, h.verifyOrganisation)
	api.Post("/organisations/:id/suspend", authed, h.suspendOrganisation)
	api.Post("/organisations/:id/reinstate", authed, h.reinstateOrganisation)
	api.Get("/organisations/:id/invitations", authed, h.openInvitations)
	api.Post("/organisations/:id/invitations", authed, h.invite)
	api.Post("/organisations/:id/invitations/:invitation_id/reissue", authed, h.reissueInvitation)
	api.Delete("/organisations/:id/invitations/:invitation_id", authed, h.revokeInvitation)
	api.Get("/users/:id", authed, h.user)
	api.Post("/users/:id/deactivation", authed, h.deactivateUser)
	api.Delete("/users/:id/deactivation", authed, h.reactivateUser)
	api.Post("/users/:id/password-reset", authed, h.issuePasswordReset)
	api.Post("/admin/signing-keys/rotate", authed, rotateKeys(d.Keys))
	// A candidate's own account is the gateway's; everything else under
	// /candidates/{id} goes on to the candidates service below.
	api.Post("/candidates/:id/account-invitation", authed, h.inviteCandidate)
	api.Get("/candidates/:id/account", authed, h.candidateAccount)
	api.Delete("/candidates/:id/account", authed, h.closeCandidateAccount)
	app.Use("/api/v1", orgGate(d.Verifier, d.OrgStatus), d.Proxy.Handle)

	internal := app.Group("/internal/v1", auth.Middleware(d.InternalVerifier))
	internal.Get("/users/:id/recipient", h.recipient)
	internal.Get("/organisations/:id/recipients", h.organisationRecipients)
	internal.Get("/organisations/:id", h.organisationStatus)
}
