package httpx

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gofiber/fiber/v2"
)

// Check is one readiness probe, such as "mongo" or "redis".
type Check struct {
	Name  string
	Probe func(ctx context.Context) error
}

// Health answers /healthz (the process is alive) and /readyz (every
// dependency answers and the service is not shutting down).
type Health struct {
	mu       sync.RWMutex
	checks   []Check
	draining atomic.Bool
}

// AddCheck adds a readiness probe after the server was built, for a
// service that is not ready until some work of its own has finished (such
// as loading an index at start). It is safe to call while serving.
func (h *Health) AddCheck(c Check) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.checks = append(h.checks, c)
}

// Drain makes /readyz fail from now on, so load balancers stop sending
// traffic while in-flight requests finish.
func (h *Health) Drain() { h.draining.Store(true) }

type readiness struct {
	Status string            `json:"status"`
	Checks map[string]string `json:"checks"`
}

func (h *Health) live(c *fiber.Ctx) error {
	return c.JSON(fiber.Map{"status": "ok"})
}

// ready probes every dependency with a short deadline. The body names each
// dependency with "ok" or "unavailable", never the error text.
func (h *Health) ready(c *fiber.Ctx) error {
	ctx, cancel := context.WithTimeout(c.UserContext(), 2*time.Second)
	defer cancel()
	h.mu.RLock()
	checks := h.checks
	h.mu.RUnlock()
	out := readiness{Status: "ok", Checks: make(map[string]string, len(checks))}
	for _, chk := range checks {
		if err := chk.Probe(ctx); err != nil {
			out.Checks[chk.Name] = "unavailable"
			out.Status = "unavailable"
			continue
		}
		out.Checks[chk.Name] = "ok"
	}
	if h.draining.Load() {
		out.Status = "draining"
	}
	if out.Status != "ok" {
		return c.Status(fiber.StatusServiceUnavailable).JSON(out)
	}
	return c.JSON(out)
}
