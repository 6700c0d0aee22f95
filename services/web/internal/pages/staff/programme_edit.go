package staff

import (
	"errors"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Correcting a programme: its name, kind, site, skills and supervisors,
// replaced whole at the version last read. Only its supervisors or the
// organisation's administrator may; the candidates service decides, and
// the page explains a refusal.

// EditProgrammeForm is GET /programmes/:id/edit, filled in from the
// programme as stored.
func (p *Pages) EditProgrammeForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, programmeURL(id, "edit"))
	f, err := p.storedProgrammeForm(c, v, id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	return p.renderProgrammeForm(c, v, f, fiber.StatusOK)
}

// storedProgrammeForm reads the programme into the form, with its version
// and its skills and site named.
func (p *Pages) storedProgrammeForm(c *fiber.Ctx, v *kit.View, id string) (*programmeForm, error) {
	resp, err := p.kit.API.GetProgrammeWithResponse(kit.Ctx(c), id)
	if err != nil {
		return nil, err
	}
	prog := resp.JSON200
	f := &programmeForm{ID: prog.ID, Version: int(prog.Version), Name: prog.Name, Kind: string(prog.Kind), Chosen: prog.Supervisors,
		Skills: p.skillLabels(c, v, prog.Skills), Site: p.kit.Picker(c, v, siteSpec), NewSkill: p.kit.Picker(c, v, newSkill)}
	f.Site.Clear()
	f.NewSkill.Clear()
	f.Site.Value, f.Site.Text = prog.Site.PlaceID, placeText(prog.Site)
	return f, nil
}

// EditProgramme is POST /programmes/:id/edit. Only "save" saves; the
// pickers' buttons and "remove" show the form again.
func (p *Pages) EditProgramme(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := p.kit.NewView(c, programmeURL(id, "edit"))
	f := p.readProgrammeForm(c, v)
	f.ID = id
	f.Version, _ = strconv.Atoi(kit.FormText(c, "version"))
	if kit.FormText(c, "action") != "save" {
		return p.renderProgrammeForm(c, v, f, fiber.StatusOK)
	}
	in := api.UpdateProgrammeJSONRequestBody{Version: f.Version, Name: f.Name, Kind: api.ProgrammeKind(f.Kind),
		Site: api.CandidatePlace{PlaceID: f.Site.Value}, Supervisors: append([]string{}, f.Chosen...), Skills: f.skillIDs()}
	_, err := p.kit.API.UpdateProgrammeWithResponse(kit.Ctx(c), id, in)
	var prob *kit.Problem
	switch {
	case err == nil:
		return c.Redirect(programmeURL(id)+"?saved=1", fiber.StatusSeeOther)
	case errors.Is(err, errs.Conflict):
		stored, lerr := p.storedProgrammeForm(c, v, id)
		if lerr != nil {
			return p.kit.ErrorPage(c, lerr)
		}
		stored.Stale = true
		v.Alert = v.T("CorrectionsErrProgrammeStale")
		return p.renderProgrammeForm(c, v, stored, fiber.StatusConflict)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		programmeProblem(v, f, prob)
		return p.renderProgrammeForm(c, v, f, fiber.StatusUnprocessableEntity)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("CorrectionsErrProgrammeForbidden")
		return p.renderProgrammeForm(c, v, f, fiber.StatusForbidden)
	}
	return p.kit.ErrorPage(c, err)
}
