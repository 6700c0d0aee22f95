package http

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// Rebuilder rebuilds the read model from the owners and says what
// differed from the incremental counts.
type Rebuilder interface {
	RebuildAndCheck(ctx context.Context) (service.RebuildCheck, error)
}

// rebuild answers POST /internal/v1/rebuild, for operators and platform
// tests holding a service token: it rebuilds the read model from the
// owners' listings and answers how many candidates it read and how many
// counts differed from the incremental ones.
func (h *handlers) rebuild(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if !p.IsService() {
		return errs.Forbidden
	}
	if h.rebuilder == nil {
		return errs.NotFound
	}
	check, err := h.rebuilder.RebuildAndCheck(c.UserContext())
	if err != nil {
		return err
	}
	return c.JSON(check)
}
