package staff

import (
	"errors"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// maxProgrammeSkills bounds a programme's skills, so a crafted form cannot
// grow them.
const maxProgrammeSkills = 50

// The pickers of the programme form: its site and the skill to add.
var (
	siteSpec = kit.PickerSpec{Name: "site", Kind: kit.Places, LabelID: "StaffField_programme_site", HintID: "StaffHintProgrammeSite"}
	newSkill = kit.PickerSpec{Name: "new_skill", Kind: kit.Skills, LabelID: "StaffField_programme_skill",
		HintID: "StaffHintProgrammeSkill", AutoSubmit: true}
)

// programmeForm is the programme form's state, all in the form.
type programmeForm struct {
	Name, Kind  string
	Kinds       []kit.Choice
	Site        *kit.Picker
	NewSkill    *kit.Picker
	Skills      []skillRow
	Supervisors []member
	Chosen      []string
	// ID and Version name the programme an edit form corrects; Stale says
	// someone changed it meanwhile (programme_edit.go).
	ID      string
	Version int
	Stale   bool
}

// Editing reports whether the form corrects a stored programme.
func (f *programmeForm) Editing() bool { return f.ID != "" }

// Supervises reports whether the form has id ticked as a supervisor.
func (f *programmeForm) Supervises(id string) bool { return slices.Contains(f.Chosen, id) }

func (f *programmeForm) hasSkill(id string) bool {
	return slices.ContainsFunc(f.Skills, func(r skillRow) bool { return r.ID == id })
}

// skillIDs are the form's skills as the API takes them.
func (f *programmeForm) skillIDs() *[]string {
	ids := []string{}
	for _, r := range f.Skills {
		ids = append(ids, r.ID)
	}
	return &ids
}

// NewProgrammeForm is GET /programmes/new; the signed-in user is ticked as
// the first supervisor.
func (p *Pages) NewProgrammeForm(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/programmes/new")
	f := &programmeForm{Chosen: []string{kit.ActorOf(c).UserID}, Site: p.kit.Picker(c, v, siteSpec), NewSkill: p.kit.Picker(c, v, newSkill)}
	return p.renderProgrammeForm(c, v, f, fiber.StatusOK)
}

// CreateProgramme is POST /programmes/new. Only the "create" button saves;
// the pickers' buttons and "remove" show the form again.
func (p *Pages) CreateProgramme(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/programmes/new")
	f := p.readProgrammeForm(c, v)
	if kit.FormText(c, "action") != "create" {
		return p.renderProgrammeForm(c, v, f, fiber.StatusOK)
	}
	in := api.CreateProgrammeJSONRequestBody{Name: f.Name, Kind: api.ProgrammeKind(f.Kind), Site: api.CandidatePlace{PlaceID: f.Site.Value},
		Skills: f.skillIDs(), Supervisors: &f.Chosen}
	resp, err := p.kit.API.CreateProgrammeWithResponse(kit.Ctx(c), in)
	var prob *kit.Problem
	switch {
	case err == nil:
		return c.Redirect(programmeURL(resp.JSON201.ID), fiber.StatusSeeOther)
	case errors.As(err, &prob) && prob.Status == fiber.StatusBadRequest:
		programmeProblem(v, f, prob)
		return p.renderProgrammeForm(c, v, f, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// readProgrammeForm reads the posted form, applying a "remove" button on a
// skill and adding the skill chosen in the picker.
func (p *Pages) readProgrammeForm(c *fiber.Ctx, v *kit.View) *programmeForm {
	f := &programmeForm{Name: kit.FormText(c, "name"), Kind: kit.FormText(c, "kind"), Chosen: kit.FormList(c, "supervisors")}
	ids, labels := kit.FormList(c, "skill"), kit.FormList(c, "skill_label")
	for i, id := range ids {
		if id = strings.TrimSpace(id); id != "" && len(f.Skills) < maxProgrammeSkills && !f.hasSkill(id) {
			r := skillRow{ID: id, Label: id}
			if i < len(labels) && labels[i] != "" {
				r.Label = labels[i]
			}
			f.Skills = append(f.Skills, r)
		}
	}
	if rest, ok := strings.CutPrefix(kit.FormText(c, "remove"), "skill:"); ok {
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(f.Skills) {
			f.Skills = slices.Delete(f.Skills, i, i+1)
		}
	}
	f.Site, f.NewSkill = p.kit.Picker(c, v, siteSpec), p.kit.Picker(c, v, newSkill)
	if np := f.NewSkill; np.Value != "" && np.Error == "" {
		if !f.hasSkill(np.Value) && len(f.Skills) < maxProgrammeSkills {
			f.Skills = append(f.Skills, skillRow{ID: np.Value, Label: np.Text})
		}
		np.Clear()
	}
	return f
}

// programmeProblem puts the service's field errors next to their fields.
func programmeProblem(v *kit.View, f *programmeForm, prob *kit.Problem) {
	v.Alert = v.T("ErrCheckFields")
	for _, fe := range prob.Errors {
		switch formField(fe.Field) {
		case "name":
			v.AddError("name", v.T("StaffErrProgrammeName"))
		case "kind":
			v.AddError("kind", v.T("StaffErrProgrammeKind"))
		case "site":
			f.Site.Error = v.T("StaffErrPlace")
			v.AddError("site_q", f.Site.Error)
		case "skills":
			v.AddError("skills", v.T("StaffErrProgrammeSkills"))
		case "supervisors":
			v.AddError("supervisors", v.T("StaffErrSupervisors"))
		default:
			v.Alert = v.T("StaffErrUnexpected")
		}
	}
}

func (p *Pages) renderProgrammeForm(c *fiber.Ctx, v *kit.View, f *programmeForm, status int) error {
	f.Kinds = kit.Choices(v, "StaffKind_", kit.ProgrammeKinds, f.Kind)
	f.Supervisors = p.members(c, f.Chosen)
	v.Form["name"] = f.Name
	v.Data = f
	return p.tmpl.Render(c, status, "staff_programme_form", v)
}
