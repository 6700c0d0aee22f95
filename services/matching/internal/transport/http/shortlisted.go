package http

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/gofiber/fiber/v2"

	onward "github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// ShortlistingReader reads each candidate's first shortlisting; the
// MongoDB store implements it. A candidate never shortlisted (or erased)
// is errs.NotFound.
type ShortlistingReader interface {
	Shortlisting(ctx context.Context, candidateID string) (results.Shortlisting, error)
	EachShortlisting(ctx context.Context, fn func(results.Shortlisting) error) error
}

// toShortlistingResponse is a first shortlisting as the contract names
// it: ids and a time only.
func toShortlistingResponse(s results.Shortlisting) onward.CandidateShortlisting {
	return onward.CandidateShortlisting{CandidateID: s.CandidateID, FirstAt: s.FirstAt.UTC(), FirstRoleID: s.FirstRoleID}
}

// shortlistings answers other services, insights first, when each
// candidate first stood on a stored shortlist.
type shortlistings struct {
	store        ShortlistingReader
	logger       *slog.Logger
	writeTimeout time.Duration
}

func newShortlistings(d Deps) *shortlistings {
	h := &shortlistings{store: d.Shortlistings, logger: d.Logger, writeTimeout: d.WriteTimeout}
	if h.logger == nil {
		h.logger = slog.Default()
	}
	return h
}

// internalCaller refuses anyone but an Onward service, before anything is
// looked up, and answers 503 on an instance without the records.
func (h *shortlistings) internalCaller(c *fiber.Ctx) error {
	p, err := caller(c)
	if err != nil {
		return err
	}
	if !p.IsService() {
		return fmt.Errorf("the internal API is for Onward services: %w", errs.Forbidden)
	}
	if h.store == nil {
		return fmt.Errorf("first shortlistings are not available on this instance: %w", errs.Unavailable)
	}
	return nil
}

// list streams every first shortlisting as one JSON line each, in no
// particular order, from one pass over the store, ended by
// {"end":true,"count":n}: what insights reads to rebuild.
func (h *shortlistings) list(c *fiber.Ctx) error {
	if err := h.internalCaller(c); err != nil {
		return err
	}
	return httpx.StreamNDJSON(c, h.logger, h.writeTimeout, func(ctx context.Context, emit httpx.Emit) error {
		return h.store.EachShortlisting(ctx, func(s results.Shortlisting) error { return emit(toShortlistingResponse(s)) })
	})
}

// one answers a candidate's first shortlisting, 404 when the candidate
// was never on a stored shortlist (or is erased).
func (h *shortlistings) one(c *fiber.Ctx) error {
	if err := h.internalCaller(c); err != nil {
		return err
	}
	s, err := h.store.Shortlisting(c.UserContext(), c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toShortlistingResponse(s))
}
