package httpx

import (
	"io"
	"log/slog"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
)

// NewLogger returns a slog logger writing JSON (production) or text
// (development) at the given level, tagged with the service name.
func NewLogger(w io.Writer, format, level, service string) *slog.Logger {
	var lvl slog.Level
	_ = lvl.UnmarshalText([]byte(strings.ToUpper(level)))
	opts := &slog.HandlerOptions{Level: lvl}
	var h slog.Handler = slog.NewJSONHandler(w, opts)
	if format == "text" {
		h = slog.NewTextHandler(w, opts)
	}
	return slog.New(h).With("service", service)
}

// accessLog logs one line per request. It records the route pattern, never
// the raw path, query or body, because paths may carry invitation tokens and
// bodies carry personal data.
func accessLog(logger *slog.Logger) fiber.Handler {
	return func(c *fiber.Ctx) error {
		start := time.Now()
		err := c.Next()
		status := c.Response().StatusCode()
		if err != nil {
			status = NewProblem(err).Status
		}
		logger.LogAttrs(c.UserContext(), slog.LevelInfo, "request",
			slog.String("request_id", RequestID(c)),
			slog.String("method", c.Method()),
			slog.String("route", routePattern(c)),
			slog.Int("status", status),
			slog.Duration("duration", time.Since(start)),
		)
		return err
	}
}

// routePattern returns the matched route ("/api/v1/roles/:id"), or a fixed
// word for unmatched paths so raw URLs never reach logs or metric labels.
func routePattern(c *fiber.Ctx) string {
	r := c.Route()
	if r == nil || r.Path == "" || (r.Path == "/" && c.Path() != "/") {
		return "unmatched"
	}
	return r.Path
}
