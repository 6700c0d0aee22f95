package http

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
	"github.com/onward-jobs/onward/services/candidates/internal/service"
)

// candidateVersion is one entry of the internal listing of every candidate.
type candidateVersion struct {
	ID      string `json:"id"`
	Version int64  `json:"version"`
}

func toCandidateVersion(v service.Version) candidateVersion {
	return candidateVersion{ID: v.ID, Version: v.Version}
}

// toInternalProgrammeResponse is a programme with its organisation, which
// only other services see.
func toInternalProgrammeResponse(p domain.Programme) programmeResponse {
	out := toProgrammeResponse(p)
	out.OrgID = p.OrgID
	return out
}

func (h *handlers) internalMatchingView(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	v, err := h.svc.MatchingView(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toMatchingViewResponse(v))
}

func (h *handlers) internalCandidateVersions(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.CandidateVersions(c.UserContext(), p, pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toCandidateVersion))
}

// internalCandidateViews pages through every candidate's matching view,
// up to service.MaxViewsPageSize at a time, so matching loads thousands of
// candidates in a few requests instead of one request each.
func (h *handlers) internalCandidateViews(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, service.MaxViewsPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.CandidateViews(c.UserContext(), p, pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toMatchingViewResponse))
}

func (h *handlers) internalProgrammes(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.AllProgrammes(c.UserContext(), p, pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toInternalProgrammeResponse))
}
