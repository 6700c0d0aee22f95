package http

import (
	"strings"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// PurposeHeader names why a full record is read; the audit log keeps it.
const PurposeHeader = "X-Onward-Purpose"

// maxQuery bounds the search text of a listing, in characters.
const maxQuery = 100

func (h *handlers) registerCandidate(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	body, err := decodeCandidateBody(c)
	if err != nil {
		return err
	}
	if body.Version != nil {
		return errs.Invalid("version", "is set by the service on registration")
	}
	var spec domain.Spec
	body.applyTo(&spec)
	cand, err := h.svc.RegisterCandidate(c.UserContext(), p, spec)
	if err != nil {
		return err
	}
	c.Location("/api/v1/candidates/" + cand.ID)
	return c.Status(fiber.StatusCreated).JSON(toCandidateResponse(cand))
}

func (h *handlers) getCandidate(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	why, ok := domain.ParsePurpose(c.Get(PurposeHeader))
	if !ok {
		return errs.Invalid("purpose", "the %s header must be one of %v", PurposeHeader, domain.Purposes)
	}
	cand, err := h.svc.Candidate(c.UserContext(), p, c.Params("id"), why)
	if err != nil {
		return err
	}
	return c.JSON(toCandidateResponse(cand))
}

func (h *handlers) patchCandidate(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	body, err := decodeCandidateBody(c)
	if err != nil {
		return err
	}
	if body.Version == nil {
		return errs.Invalid("version", "is required: send the version you last read")
	}
	cand, err := h.svc.UpdateCandidate(c.UserContext(), p, c.Params("id"), *body.Version, body.applyTo)
	if err != nil {
		return err
	}
	return c.JSON(toCandidateResponse(cand))
}

func (h *handlers) listCandidates(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	f := domain.Filter{
		Query: strings.TrimSpace(c.Query("q")), Setting: domain.Setting(c.Query("setting")), ProgrammeID: c.Query("programme"),
	}
	if utf8.RuneCountInString(f.Query) > maxQuery {
		return errs.Invalid("q", "must be at most %d characters", maxQuery)
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.ListCandidates(c.UserContext(), p, f, pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toCandidateSummary))
}
