package http

import (
	"slices"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

func (h *handlers) ask(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body askBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	a, err := body.toAsk()
	if err != nil {
		return err
	}
	in, err := h.svc.Ask(c.UserContext(), p, c.Params("id"), a)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toIntroduction(p, in))
}

func (h *handlers) listIntroductions(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	status := domain.Status(c.Query("status"))
	if status != "" && !slices.Contains(domain.Statuses, status) {
		return errs.Invalid("status", "must be requested, accepted, declined, expired or withdrawn")
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.Introductions(c.UserContext(), p, domain.IntroductionFilter{Status: status, RoleID: c.Query("role")}, c.Query("candidate"), pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, func(in domain.Introduction) api.Introduction { return toIntroduction(p, in) }))
}

func (h *handlers) getIntroduction(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	in, err := h.svc.Introduction(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toIntroduction(p, in))
}

func (h *handlers) answer(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body answerBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	a, err := body.toAnswer()
	if err != nil {
		return err
	}
	in, err := h.svc.Answer(c.UserContext(), p, c.Params("id"), a)
	if err != nil {
		return err
	}
	return c.JSON(toIntroduction(p, in))
}

func (h *handlers) withdraw(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	in, err := h.svc.Withdraw(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toIntroduction(p, in))
}

func (h *handlers) listMessages(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.Messages(c.UserContext(), p, c.Params("id"), pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toMessage))
}

func (h *handlers) postMessage(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body messageBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	m, err := h.svc.PostMessage(c.UserContext(), p, c.Params("id"), body.Text)
	if err != nil {
		return err
	}
	return c.Status(fiber.StatusCreated).JSON(toMessage(m))
}

func (h *handlers) outcome(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body outcomeBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	in, err := h.svc.RecordOutcome(c.UserContext(), p, c.Params("id"), body.toReport())
	if err != nil {
		return err
	}
	return c.JSON(toIntroduction(p, in))
}

func (h *handlers) listPlacements(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	status := domain.PlacementStatus(c.Query("status"))
	if status != "" && status != domain.PlacementActive && status != domain.PlacementEnded {
		return errs.Invalid("status", "must be active or ended")
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.Placements(c.UserContext(), p, domain.PlacementFilter{Status: status, CandidateID: c.Query("candidate")}, pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, func(pl domain.Placement) api.Placement { return toPlacement(p, pl) }))
}

func (h *handlers) getPlacement(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pl, err := h.svc.Placement(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toPlacement(p, pl))
}

func (h *handlers) endPlacement(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body endBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	pl, err := h.svc.EndPlacement(c.UserContext(), p, c.Params("id"), body.EndedOn, body.Reason)
	if err != nil {
		return err
	}
	return c.JSON(toPlacement(p, pl))
}

func (h *handlers) stillLooking(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body stillLookingBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if body.StillLooking == nil {
		return errs.Invalid("still_looking", "is required")
	}
	pl, err := h.svc.SetStillLooking(c.UserContext(), p, c.Params("id"), *body.StillLooking)
	if err != nil {
		return err
	}
	return c.JSON(toPlacement(p, pl))
}

func (h *handlers) listFollowUps(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	f := domain.FollowUpFilter{Status: domain.FollowUpStatus(c.Query("status"))}
	if f.Status != "" && f.Status != domain.FollowUpOpen && f.Status != domain.FollowUpAnswered {
		return errs.Invalid("status", "must be open or answered")
	}
	if d := c.Query("due_before"); d != "" {
		day, err := time.Parse(time.DateOnly, d)
		if err != nil {
			return errs.Invalid("due_before", "must be a date, YYYY-MM-DD")
		}
		f.DueBefore = day
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.FollowUps(c.UserContext(), p, f, pg)
	if err != nil {
		return err
	}
	now := h.svc.Now()
	return c.JSON(httpx.ToPage(list, next, func(fu domain.FollowUp) api.FollowUp { return toFollowUp(p, fu, now) }))
}

func (h *handlers) answerFollowUp(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body followUpBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if body.StillWorking == nil {
		return errs.Invalid("still_working", "is required")
	}
	f, err := h.svc.AnswerFollowUp(c.UserContext(), p, c.Params("id"), domain.FollowUpAnswer{StillWorking: *body.StillWorking, Reason: body.Reason})
	if err != nil {
		return err
	}
	return c.JSON(toFollowUp(p, f, h.svc.Now()))
}

func (h *handlers) parties(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	in, err := h.svc.Parties(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toParties(in))
}

func (h *handlers) record(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	rec, err := h.svc.Record(c.UserContext(), p, c.Params("candidate_id"))
	if err != nil {
		return err
	}
	return c.JSON(toRecord(rec, h.svc.Now()))
}
