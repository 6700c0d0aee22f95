package http

import (
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// Deps are what the API needs.
type Deps struct {
	Verifier *auth.Verifier
	// Counts are the read model's counts, Shares the sharing store and
	// Directory who organisations and programmes are.
	Counts    service.Counts
	Shares    service.ShareStore
	Directory service.Directory
	// Logger records a report withheld (ids and months only).
	Logger *slog.Logger
	// Clock is the service's time: the current month a report defaults
	// to, a share's time, the age of a kept report.
	Clock func() time.Time
	// ReportMaxAge is how long a built report is served again; zero means
	// service.DefaultReportMaxAge, a negative value none.
	ReportMaxAge time.Duration
	// Rebuilder serves POST /internal/v1/rebuild; nil leaves it out.
	Rebuilder Rebuilder
}

type handlers struct {
	outcomes  *service.Outcomes
	sharing   *service.Sharing
	logger    *slog.Logger
	clock     func() time.Time
	rebuilder Rebuilder
}

// Register mounts the insights API.
func Register(app *fiber.App, d Deps) {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	if d.Clock == nil {
		d.Clock = time.Now
	}
	h := &handlers{
		outcomes: service.NewOutcomes(service.OutcomesDeps{Counts: d.Counts, Shares: d.Shares, Directory: d.Directory,
			Clock: d.Clock, MaxAge: d.ReportMaxAge}),
		sharing:   service.NewSharing(d.Shares, d.Directory, d.Clock),
		logger:    d.Logger,
		clock:     d.Clock,
		rebuilder: d.Rebuilder,
	}
	api := app.Group("/api/v1/insights", auth.Middleware(d.Verifier))
	api.Get("/outcomes", h.getOutcomes)
	api.Get("/shares", h.listShares)
	api.Put("/shares/:observer", h.grantShare)
	api.Delete("/shares/:observer", h.revokeShare)
	internal := app.Group("/internal/v1", auth.Middleware(d.Verifier))
	internal.Post("/rebuild", h.rebuild)
}

// principal returns the caller the auth middleware verified.
func principal(c *fiber.Ctx) (auth.Principal, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return auth.Principal{}, errs.Unauthenticated
	}
	return p, nil
}
