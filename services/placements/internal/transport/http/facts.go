package http

import (
	"context"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

// facts answers one introduction's facts to the insights service.
func (h *handlers) facts(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	f, err := h.svc.IntroductionFacts(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toIntroductionFacts(f))
}

// allFacts streams every introduction's facts as JSON lines, ended by an
// {"end":true,"count":n} line, from one pass over the store, so that the
// insights service rebuilds without a request per introduction. Who may
// list is checked before the status line goes out, so a refusal is still
// a problem+json answer.
func (h *handlers) allFacts(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	if err := h.svc.CheckFactReader(p); err != nil {
		return err
	}
	return httpx.StreamNDJSON(c, h.logger, h.writeTimeout, func(ctx context.Context, emit httpx.Emit) error {
		return h.svc.EachIntroductionFacts(ctx, p, func(f domain.IntroductionFacts) error { return emit(toIntroductionFacts(f)) })
	})
}

// toIntroductionFacts renders an introduction's facts: ids, times and
// categories, as domain.IntroductionFacts holds them.
func toIntroductionFacts(f domain.IntroductionFacts) api.IntroductionFacts {
	out := api.IntroductionFacts{
		ID: f.ID, RoleID: f.RoleID, EmployerOrgID: f.EmployerOrgID, CandidateID: f.CandidateID, CandidateOrgID: f.CandidateOrgID,
		Status: api.IntroductionStatus(f.Status), RequestedAt: f.RequestedAt, Followups: make([]api.IntroductionFactsFollowUp, 0, len(f.FollowUps)),
	}
	if a := f.Answer; a != nil {
		out.Answer = &api.IntroductionFactsAnswer{Accepted: a.Accepted, AnsweredAt: a.AnsweredAt}
	}
	if o := f.Outcome; o != nil {
		out.Outcome = &api.IntroductionFactsOutcome{Kind: api.MeetingOutcomeKind(o.Kind), RecordedAt: o.RecordedAt}
	}
	if pl := f.Placement; pl != nil {
		out.Placement = &api.IntroductionFactsPlacement{ID: pl.ID, RecordedAt: pl.RecordedAt, StartDate: pl.StartDate,
			Contract: api.ContractKind(pl.Contract), Status: api.PlacementStatus(pl.Status), EndedOn: optional(pl.EndedOn)}
	}
	for _, fu := range f.FollowUps {
		out.Followups = append(out.Followups, api.IntroductionFactsFollowUp{Day: api.IntroductionFactsFollowUpDay(fu.Day),
			Side: api.PartySide(fu.Side), DueAt: fu.DueAt, StillWorking: fu.StillWorking, AnsweredAt: optionalTime(fu.AnsweredAt)})
	}
	return out
}
