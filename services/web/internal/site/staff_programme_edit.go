package site

import (
	"errors"
	"net/url"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Correcting a programme: its name, kind, site, skills and supervisors,
// replaced whole at the version last read. Only its supervisors or the
// organisation's administrator may; the candidates service decides, and
// the page explains a refusal.

// editProgrammeForm is GET /programmes/:id/edit, filled in from the
// programme as stored.
func (s *site) editProgrammeForm(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := s.newView(c, "/programmes/"+url.PathEscape(id)+"/edit")
	f, err := s.storedProgrammeForm(c, v, id)
	if err != nil {
		return s.errorPage(c, err)
	}
	return s.renderProgrammeForm(c, v, f, fiber.StatusOK)
}

// storedProgrammeForm reads the programme into the form, with its
// version and its skills and site named.
func (s *site) storedProgrammeForm(c *fiber.Ctx, v *view, id string) (*programmeForm, error) {
	p, err := s.candidates.getProgramme(c.UserContext(), accessToken(c), id)
	if err != nil {
		return nil, err
	}
	f := &programmeForm{ID: p.ID, Version: p.Version, Name: p.Name, Kind: p.Kind, Chosen: p.Supervisors, Skills: s.skillLabels(c, v, p.Skills)}
	f.Site = newPickerData(v, pickerSpec{Name: "site", Kind: placesCatalogue, LabelID: "StaffField_programme_site", HintID: "StaffHintProgrammeSite"})
	f.Site.Value, f.Site.Text = p.Site.PlaceID, placeText(p.Site)
	f.NewSkill = newPickerData(v, pickerSpec{Name: "new_skill", Kind: skillsCatalogue, LabelID: "StaffField_programme_skill",
		HintID: "StaffHintProgrammeSkill", AutoSubmit: true})
	v.usesPicker = true
	return f, nil
}

// postEditProgramme is POST /programmes/:id/edit. Only "save" saves; the
// pickers' buttons and "remove" show the form again.
func (s *site) postEditProgramme(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("id"))
	v := s.newView(c, "/programmes/"+url.PathEscape(id)+"/edit")
	f := s.readProgrammeForm(c, v)
	f.ID = id
	f.Version, _ = strconv.Atoi(formText(c, "version"))
	if formText(c, "action") != "save" {
		return s.renderProgrammeForm(c, v, f, fiber.StatusOK)
	}
	in := api.UpdateProgrammeJSONBody{Version: f.Version, Name: f.Name, Kind: api.ProgrammeKind(f.Kind),
		Site: api.CandidatePlace{PlaceID: f.Site.Value}, Supervisors: append([]string{}, f.Chosen...)}
	skills := []string{}
	for _, r := range f.Skills {
		skills = append(skills, r.ID)
	}
	in.Skills = &skills
	err := s.candidates.updateProgramme(c.UserContext(), accessToken(c), id, in)
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect("/programmes/"+url.PathEscape(id)+"?saved=1", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		stored, lerr := s.storedProgrammeForm(c, v, id)
		if lerr != nil {
			return s.errorPage(c, lerr)
		}
		stored.Stale = true
		v.Alert = v.T("CorrectionsErrProgrammeStale")
		return s.renderProgrammeForm(c, v, stored, fiber.StatusConflict)
	case errors.As(err, &p) && p.Status == fiber.StatusBadRequest:
		programmeProblem(v, f, p)
		return s.renderProgrammeForm(c, v, f, fiber.StatusUnprocessableEntity)
	case errors.Is(err, errs.Forbidden):
		v.Alert = v.T("CorrectionsErrProgrammeForbidden")
		return s.renderProgrammeForm(c, v, f, fiber.StatusForbidden)
	}
	return s.errorPage(c, err)
}
