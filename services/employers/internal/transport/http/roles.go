package http

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
	"github.com/onward-jobs/onward/services/employers/internal/service"
)

func (h *handlers) createRole(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body roleBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if body.Version != nil {
		return errs.Invalid("version", "is set by the service on create")
	}
	open := false
	if body.Status != nil {
		if *body.Status != string(domain.StatusDraft) && *body.Status != string(domain.StatusOpen) {
			return errs.Invalid("status", "a new role is draft or open")
		}
		open = *body.Status == string(domain.StatusOpen)
	}
	spec := domain.RoleSpec{Positions: 1}
	body.applyTo(&spec)
	r, err := h.svc.CreateRole(c.UserContext(), p, spec, open)
	if err != nil {
		return capProblem(c, err)
	}
	return c.Status(fiber.StatusCreated).JSON(h.withWarnings(c, r))
}

func (h *handlers) getRole(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	r, err := h.svc.Role(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(h.roleResponse(r))
}

func (h *handlers) patchRole(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body roleBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	if body.Version == nil {
		return errs.Invalid("version", "is required: send the version you read")
	}
	if body.Status != nil {
		return errs.Invalid("status", "changes through POST /api/v1/roles/{id}/status")
	}
	r, err := h.svc.UpdateRole(c.UserContext(), p, c.Params("id"), *body.Version, body.applyTo)
	if err != nil {
		return capProblem(c, err)
	}
	return c.JSON(h.withWarnings(c, r))
}

// statusBody asks for a lifecycle move; version is optional and, when
// given, must be the role's current version. closing_date, when present,
// replaces the role's closing date in the same write, so a role closed by
// its closing date can be reopened with a later one.
type statusBody struct {
	Status      string  `json:"status" validate:"required"`
	Version     int64   `json:"version,omitempty"`
	ClosingDate *string `json:"closing_date,omitempty"`
}

func (h *handlers) changeStatus(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body statusBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	ch := service.StatusChange{To: domain.Status(body.Status), Version: body.Version, ClosingDate: body.ClosingDate}
	r, err := h.svc.ChangeStatus(c.UserContext(), p, c.Params("id"), ch)
	var te *domain.TransitionError
	if errors.As(err, &te) {
		return transitionProblem(c, te)
	}
	if err != nil {
		return capProblem(c, err)
	}
	return c.JSON(h.roleResponse(r))
}

// transitionProblem answers an illegal status change with the conflict
// problem plus an "allowed" array of the statuses the role may move to now.
// A reopening refused because the role's reopen window has passed has its
// own type, /problems/reopen-window-passed, and says when the window ended
// in "reopen_ended".
func transitionProblem(c *fiber.Ctx, te *domain.TransitionError) error {
	allowed := make([]string, 0, len(te.Allowed))
	for _, s := range te.Allowed {
		allowed = append(allowed, string(s))
	}
	p := httpx.NewProblem(te)
	p.Instance, p.RequestID = c.Path(), httpx.RequestID(c)
	var ended *time.Time
	if !te.ReopenEnded.IsZero() {
		p.Type, p.Title = httpx.ProblemType("reopen-window-passed"), "The time to reopen this role has passed"
		t := te.ReopenEnded.UTC()
		ended = &t
	}
	c.Set(fiber.HeaderContentType, httpx.ProblemContentType)
	return c.Status(p.Status).JSON(struct {
		httpx.Problem
		Allowed     []string   `json:"allowed"`
		ReopenEnded *time.Time `json:"reopen_ended,omitempty"`
	}{p, allowed, ended}, httpx.ProblemContentType)
}

// capProblem answers a refusal by the role cap with its own type,
// /problems/role-cap-reached, naming the limit and the radius of an area;
// any other error goes to the error handler.
func capProblem(c *fiber.Ctx, err error) error {
	if vetted, ok := vettingProblem(c, err); ok {
		return vetted
	}
	var ce *domain.RoleCapError
	if !errors.As(err, &ce) {
		return err
	}
	p := httpx.NewProblem(ce)
	p.Type, p.Title = httpx.ProblemType("role-cap-reached"), "You hold the most open roles allowed for this occupation in this area"
	p.Instance, p.RequestID = c.Path(), httpx.RequestID(c)
	c.Set(fiber.HeaderContentType, httpx.ProblemContentType)
	return c.Status(p.Status).JSON(struct {
		httpx.Problem
		Limit    int     `json:"limit"`
		RadiusKm float64 `json:"radius_km"`
	}{p, ce.Limit, ce.RadiusKm}, httpx.ProblemContentType)
}

func (h *handlers) listRoles(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	f, near, pg, err := parseRoleQuery(c)
	if err != nil {
		return err
	}
	roles, next, err := h.svc.ListRoles(c.UserContext(), p, f, near, pg)
	if err != nil {
		return err
	}
	out := httpx.Page[roleResponse]{Items: make([]roleResponse, 0, len(roles)), NextCursor: next}
	for _, r := range roles {
		out.Items = append(out.Items, h.roleResponse(r))
	}
	return c.JSON(out)
}

// Bounds of the distance filter.
const (
	defaultWithinKm = 25
	maxWithinKm     = 500
)

func parseRoleQuery(c *fiber.Ctx) (domain.RoleFilter, *service.Near, mongox.PageRequest, error) {
	var fields []errs.FieldError
	bad := func(field, msg string) { fields = append(fields, errs.FieldError{Field: field, Message: msg}) }
	f := domain.RoleFilter{
		Status: domain.Status(c.Query("status")), Query: strings.TrimSpace(c.Query("q")),
		Skill: c.Query("skill"), Sector: c.Query("sector"), Contract: c.Query("contract"),
	}
	if f.Contract != "" && !slices.Contains(domain.Contracts, f.Contract) {
		bad("contract", "must be one of permanent, fixed_term, temporary, apprenticeship, work_placement")
	}
	if f.Status != "" && !f.Status.Valid() {
		bad("status", "must be one of draft, open, paused, filled, closed")
	}
	if len(f.Query) > 100 {
		bad("q", "must be at most 100 characters long")
	}
	if f.Sector != "" && !domain.ValidSector(f.Sector) {
		bad("sector", "must be a NACE Rev. 2 section letter A–U")
	}
	switch c.Query("day_release") {
	case "", "false":
	case "true":
		f.DayRelease = true
	default:
		bad("day_release", "must be true or false")
	}
	var near *service.Near
	if id := c.Query("near"); id != "" {
		near = &service.Near{PlaceID: id, Km: defaultWithinKm}
	}
	if w := c.Query("within_km"); w != "" {
		km, err := strconv.ParseFloat(w, 64)
		switch {
		case err != nil || km <= 0 || km > maxWithinKm:
			bad("within_km", "must be a number of kilometres above 0 and at most 500")
		case near == nil:
			bad("within_km", "needs near")
		default:
			near.Km = km
		}
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		var ve *errs.ValidationError
		if errors.As(err, &ve) {
			fields = append(fields, ve.Fields...)
		}
	}
	if len(fields) > 0 {
		return f, nil, pg, &errs.ValidationError{Fields: fields}
	}
	return f, near, pg, nil
}
