package http

import (
	"errors"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
	"github.com/onward-jobs/onward/services/placements/internal/service"
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

// Register mounts the placements API.
func Register(app fiber.Router, d Deps) {
	if d.Logger == nil {
		d.Logger = slog.Default()
	}
	h := &handlers{svc: d.Service, logger: d.Logger, writeTimeout: d.WriteTimeout}
	w := withProblems
	api := app.Group("/api/v1", auth.Middleware(d.Verifier))
	api.Post("/roles/:id/introductions", w(h.ask))
	api.Get("/introductions", w(h.listIntroductions))
	api.Get("/introductions/:id", w(h.getIntroduction))
	api.Post("/introductions/:id/answer", w(h.answer))
	api.Post("/introductions/:id/withdraw", w(h.withdraw))
	api.Get("/introductions/:id/messages", w(h.listMessages))
	api.Post("/introductions/:id/messages", w(h.postMessage))
	api.Post("/introductions/:id/outcome", w(h.outcome))
	api.Get("/placements", w(h.listPlacements))
	api.Get("/placements/:id", w(h.getPlacement))
	api.Post("/placements/:id/end", w(h.endPlacement))
	api.Post("/placements/:id/still-looking", w(h.stillLooking))
	api.Get("/followups", w(h.listFollowUps))
	api.Post("/followups/:id", w(h.answerFollowUp))
	internal := app.Group("/internal/v1", auth.Middleware(d.Verifier))
	internal.Get("/introductions/:id", w(h.parties))
	internal.Get("/introductions/:id/facts", w(h.facts))
	internal.Get("/introduction-facts", w(h.allFacts))
	internal.Get("/placement-records/:candidate_id", w(h.record))
}

// principal returns the caller the auth middleware verified, and a
// context that carries the caller's own token for calls on their behalf.
func principal(c *fiber.Ctx) (auth.Principal, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return auth.Principal{}, errs.Unauthenticated
	}
	if token, ok := strings.CutPrefix(c.Get(fiber.HeaderAuthorization), "Bearer "); ok {
		c.SetUserContext(service.WithBearer(c.UserContext(), token))
	}
	return p, nil
}

// withProblems answers a refusal with its own problem type
// (/problems/role-not-open, ...); every other error goes to the error
// handler.
func withProblems(next fiber.Handler) fiber.Handler {
	return func(c *fiber.Ctx) error {
		err := next(c)
		var dp *domain.Problem
		if err == nil || !errors.As(err, &dp) {
			return err
		}
		p := httpx.NewProblem(err)
		p.Type, p.Title, p.Detail = httpx.ProblemType(dp.Slug), dp.Title, dp.Title
		p.Instance, p.RequestID = c.Path(), httpx.RequestID(c)
		c.Set(fiber.HeaderContentType, httpx.ProblemContentType)
		return c.Status(p.Status).JSON(p, httpx.ProblemContentType)
	}
}
