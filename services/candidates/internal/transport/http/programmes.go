package http

import (
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// programmeBody is a programme as POST takes it. Supervisors may be left
// out; the caller then supervises the programme.
type programmeBody struct {
	Name        string    `json:"name"`
	Kind        string    `json:"kind"`
	Site        placeBody `json:"site"`
	Skills      []string  `json:"skills"`
	Supervisors []string  `json:"supervisors"`
}

func (b programmeBody) toDomain() domain.ProgrammeSpec {
	return domain.ProgrammeSpec{
		Name: b.Name, Kind: b.Kind, Site: domain.Place{PlaceID: b.Site.PlaceID},
		Skills: b.Skills, Supervisors: b.Supervisors,
	}
}

// programmeResponse is a programme as the API answers it. OrgID is only
// filled on the internal API, where the matching service needs it.
type programmeResponse struct {
	ID          string    `json:"id"`
	OrgID       string    `json:"org_id,omitempty"`
	Name        string    `json:"name"`
	Kind        string    `json:"kind"`
	Site        placeBody `json:"site"`
	Skills      []string  `json:"skills"`
	Supervisors []string  `json:"supervisors"`
	Version     int64     `json:"version"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

func toProgrammeResponse(p domain.Programme) programmeResponse {
	return programmeResponse{
		ID: p.ID, Name: p.Spec.Name, Kind: p.Spec.Kind, Site: toPlaceBody(p.Spec.Site),
		Skills: nonNil(p.Spec.Skills), Supervisors: nonNil(p.Spec.Supervisors),
		Version: p.Version, CreatedAt: p.CreatedAt, UpdatedAt: p.UpdatedAt,
	}
}

func (h *handlers) createProgramme(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	var body programmeBody
	if err := httpx.DecodeJSON(c, &body); err != nil {
		return err
	}
	prog, err := h.svc.CreateProgramme(c.UserContext(), p, body.toDomain())
	if err != nil {
		return err
	}
	c.Location("/api/v1/programmes/" + prog.ID)
	return c.Status(fiber.StatusCreated).JSON(toProgrammeResponse(prog))
}

func (h *handlers) getProgramme(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	prog, err := h.svc.Programme(c.UserContext(), p, c.Params("id"))
	if err != nil {
		return err
	}
	return c.JSON(toProgrammeResponse(prog))
}

func (h *handlers) listProgrammes(c *fiber.Ctx) error {
	p, err := principal(c)
	if err != nil {
		return err
	}
	pg, err := httpx.PageRequest(c, mongox.MaxPageSize)
	if err != nil {
		return err
	}
	list, next, err := h.svc.ListProgrammes(c.UserContext(), p, pg)
	if err != nil {
		return err
	}
	return c.JSON(httpx.ToPage(list, next, toProgrammeResponse))
}
