package http

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"

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

// internalCandidateVersions lists every candidate's id and version: a
// page at a time, or all in one stream of JSON lines when the caller
// accepts application/x-ndjson (see streamAll).
func (h *handlers) internalCandidateVersions(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if httpx.WantsNDJSON(c) {
		return h.streamAll(c, p, func(ctx context.Context, emit httpx.Emit) error {
			return h.svc.EachCandidateVersion(ctx, p, func(v service.Version) error { return emit(toCandidateVersion(v)) })
		})
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
// up to service.MaxViewsPageSize at a time, or streams them all as JSON
// lines when the caller accepts application/x-ndjson, so matching loads
// thousands of candidates without one request each.
func (h *handlers) internalCandidateViews(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if httpx.WantsNDJSON(c) {
		return h.streamAll(c, p, func(ctx context.Context, emit httpx.Emit) error {
			return h.svc.EachCandidateView(ctx, p, func(v domain.MatchingView) error { return emit(toMatchingViewResponse(v)) })
		})
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

// streamAll answers with one JSON line per item of one pass over the
// store, ended by an {"end":true,"count":n} line. A listing by pages costs
// a full scan per page on FerretDB v1, which has no index behind range
// queries; one pass costs it once. Who may list is checked before the
// status line goes out, so a refusal is still a problem+json answer.
func (h *handlers) streamAll(c *fiber.Ctx, p auth.Principal, produce func(ctx context.Context, emit httpx.Emit) error) error {
	if err := h.svc.CheckInternalCaller(p); err != nil {
		return err
	}
	return httpx.StreamNDJSON(c, h.logger, h.writeTimeout, produce)
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
