package http

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// vettingProblem answers a role opening refused because the employer is
// not verified with its own type: /problems/organisation-not-verified for
// a pending employer, /problems/organisation-suspended for a suspended
// one. ok is false for any other error.
func vettingProblem(c *fiber.Ctx, err error) (answered error, ok bool) {
	var ne *domain.OrgNotVerifiedError
	if !errors.As(err, &ne) {
		return nil, false
	}
	p := httpx.NewProblem(ne)
	p.Type, p.Title = httpx.ProblemType("organisation-not-verified"), "Your organisation is waiting for verification"
	if ne.Status == domain.OrgSuspended {
		p.Type, p.Title = httpx.ProblemType("organisation-suspended"), "Your organisation is suspended"
	}
	p.Instance, p.RequestID = c.Path(), httpx.RequestID(c)
	c.Set(fiber.HeaderContentType, httpx.ProblemContentType)
	return c.Status(p.Status).JSON(p, httpx.ProblemContentType), true
}
