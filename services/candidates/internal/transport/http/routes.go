package http

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// Deps are what the API needs.
type Deps struct {
	Verifier *auth.Verifier
	Service  *service.Service
	// Logger records streams cut short; WriteTimeout bounds each stretch
	// of a stream without progress.
	Logger       *slog.Logger
	WriteTimeout time.Duration
}

type handlers struct {
	svc          *service.Service
	logger       *slog.Logger
	writeTimeout time.Duration
}

// Register mounts the candidates API. Every route but the public
// credential ones (registerPublicCredentials) needs a verified token;
// who may do what is the service's decision, so employers, administrators
// and services hear 403 from it, not from here.
func Register(app fiber.Router, d Deps) {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	h := &handlers{svc: d.Service, logger: d.Logger, writeTimeout: d.WriteTimeout}
	registerPublicCredentials(app, h)
	api := app.Group("/api/v1", auth.Middleware(d.Verifier))
	api.Post("/programmes", h.createProgramme)
	api.Get("/programmes", h.listProgrammes)
	api.Get("/programmes/:id", h.getProgramme)
	api.Put("/programmes/:id", h.updateProgramme)
	api.Post("/candidates", h.registerCandidate)
	api.Get("/candidates", h.listCandidates)
	api.Get("/candidates/:id", h.getCandidate)
	api.Patch("/candidates/:id", h.patchCandidate)
	api.Delete("/candidates/:id", h.eraseCandidate)
	api.Post("/candidates/:id/skills", h.attest)
	api.Post("/candidates/:id/programme-records", h.addProgrammeRecord)
	api.Put("/candidates/:id/programme-records/:record_id", h.updateProgrammeRecord)
	api.Delete("/candidates/:id/programme-records/:record_id", h.removeProgrammeRecord)
	api.Post("/candidates/:id/certificates", h.addCertificate)
	api.Put("/candidates/:id/certificates/:cert_id", h.updateCertificate)
	api.Delete("/candidates/:id/certificates/:cert_id", h.removeCertificate)
	api.Put("/candidates/:id/consent", h.setConsent)
	api.Put("/candidates/:id/statement", h.setStatement)
	api.Delete("/candidates/:id/statement", h.removeStatement)
	api.Post("/candidates/:id/statement/review", h.reviewStatement)
	api.Get("/candidates/:id/export", h.export)
	api.Get("/candidates/:id/portfolio.pdf", h.portfolioPDF)
	api.Get("/candidates/:id/audit", h.auditTrail)
	api.Get("/attestations/:id/verify", h.verifyAttestation)
	api.Get("/attestations/:id/credential", h.issueCredential)
	api.Post("/attestations/:id/revocation", h.revokeAttestation)
	api.Get("/candidates/:id/disclosures", h.listCandidateDisclosures)
	api.Get("/disclosures/:id", h.readDisclosure)
	api.Post("/disclosures/:id/withdraw", h.withdrawDisclosure)
	api.Get("/consent-texts", h.listConsentTexts)
	api.Get("/consent-texts/:version", h.getConsentText)
	internal := app.Group("/internal/v1", auth.Middleware(d.Verifier))
	// The literal path comes first, or ":id" would swallow "versions".
	internal.Get("/candidates/versions", h.internalCandidateVersions)
	internal.Get("/candidates/views", h.internalCandidateViews)
	internal.Get("/candidates/:id", h.internalMatchingView)
	internal.Put("/candidates/:id/placement", h.setCandidatePlacement)
	internal.Post("/disclosures", h.grantDisclosure)
	internal.Get("/programmes", h.internalProgrammes)
}

// principal returns the caller the auth middleware verified.
func principal(c *fiber.Ctx) (auth.Principal, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return auth.Principal{}, errs.Unauthenticated
	}
	return p, nil
}
