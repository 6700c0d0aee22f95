package employer

import (
	"errors"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Steps of the role form.
const (
	stepTemplate = "template"
	stepDetails  = "details"
	stepReview   = "review"
)

// roleFormPage is what the role form's template gets.
type roleFormPage struct {
	*roleForm
	Step       string
	Action     string // where the form posts
	Editing    bool
	Template   *kit.Picker
	Flags      []wordingNote
	FlagGroups []wordingGroup
	Sectors    []kit.Choice
	Contracts  []kit.Choice
	DayChoices []kit.Choice
	Levels     []kit.Choice
	LangRows   []kit.LanguageRowView
	LangNew    []kit.Choice
	CEFR       []kit.Choice
	ShiftRows  []shiftRowView
	ShiftDays  []kit.Choice
	Hidden     url.Values
	Stale      bool // the role changed since the form was loaded
	ReviewInfo *roleReview
	// Invalid says the review found field errors: the role cannot be
	// saved until they are fixed.
	Invalid bool
}

// NewRoleForm is GET /roles/new: step 1 picks an occupation template
// (its picker submits back here), and step=details continues with it, or
// with a blank role.
func (p *Pages) NewRoleForm(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/roles/new")
	d := &roleFormPage{Step: stepTemplate, Action: "/roles/new"}
	d.Template = p.kit.Picker(c, v, kit.PickerSpec{Name: "occupation", Kind: kit.Occupations, LabelID: "Field_role_template",
		HintID: "HintRoleTemplate", Action: "/roles/new"})
	if c.Query("step") == stepDetails {
		f := &roleForm{}
		if o, ok := d.Template.ChosenOccupation(); ok {
			f.fromTemplate(o)
		}
		if f.Occupation == "" && c.Query("blank") == "" && !d.Template.Searched && d.Template.Error == "" {
			d.Template.Error = v.T("RoleChooseTemplate")
		}
		if f.Occupation != "" || c.Query("blank") != "" {
			f.Sector = p.profileSector(c)
			f.Site = p.kit.Picker(c, v, sitePicker)
			f.NewSkill = p.kit.Picker(c, v, newSkillPicker)
			f.NewSkill.Clear()
			d.roleForm, d.Step = f, stepDetails
		}
	}
	return p.renderRoleForm(c, v, d, fiber.StatusOK)
}

// PostRoleForm is POST /roles/new and POST /roles/:id/edit. Only the
// "review", "check", "draft", "open" and "save" buttons do more than
// show the form again with the posted state (a picker search, a skill
// added or removed).
func (p *Pages) PostRoleForm(c *fiber.Ctx) error {
	id := c.Params("id")
	v := p.kit.NewView(c, "/roles/new")
	d := &roleFormPage{Step: stepDetails, Action: "/roles/new"}
	if id != "" {
		v.Path, d.Action, d.Editing = "/roles/"+url.PathEscape(id)+"/edit", "/roles/"+url.PathEscape(id)+"/edit", true
	}
	d.roleForm = p.readRoleForm(c, v)
	d.ID = id
	switch action := c.FormValue("action"); action {
	case "check":
		p.checkWording(c, v, d)
	case stepReview:
		if in, ok := d.roleInput(v); ok {
			p.checkWording(c, v, d)
			d.Step = stepReview
			p.validateForReview(c, v, d, in)
			d.Hidden = d.values()
			if d.Invalid {
				d.Hidden.Set("recheck", "1")
			}
		} else {
			v.Alert = v.T("ErrCheckFields")
		}
	case "edit":
		if kit.FormText(c, "recheck") != "" {
			if in, ok := d.roleInput(v); ok {
				p.validateForReview(c, v, d, in)
			}
		}
	case "draft", "open", "save":
		return p.saveRole(c, v, d, action)
	}
	return p.renderRoleForm(c, v, d, fiber.StatusOK)
}

// saveRole creates the role (as a draft or open) or saves an edit with
// its version, then goes home. The service's field errors come back to
// the form, next to their fields.
func (p *Pages) saveRole(c *fiber.Ctx, v *kit.View, d *roleFormPage, action string) error {
	in, ok := d.roleInput(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return p.renderRoleForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	var saved *api.Role
	if d.Editing {
		resp, err := p.kit.API.PatchRoleWithResponse(kit.Ctx(c), d.ID, in)
		if err != nil {
			return p.roleRefused(c, v, d, err)
		}
		saved = resp.JSON200
	} else {
		if action == "open" {
			in.Status = kit.Ptr(api.RoleStatus("open"))
		}
		in.Version = nil
		resp, err := p.kit.API.CreateRoleWithResponse(kit.Ctx(c), in)
		if err != nil {
			return p.roleRefused(c, v, d, err)
		}
		saved = resp.JSON201
	}
	f := &kit.Flash{Kind: kit.FlashRoleSaved, RoleTitle: d.Title}
	if saved != nil {
		f.Status, f.Notes = string(saved.Status), len(kit.Deref(saved.Warnings))
	}
	kit.SetFlash(c, f)
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// problemRoleCapReached is the type of the 409 that refuses to open a
// role because the employer holds the most open roles allowed of its
// occupation in its area.
const problemRoleCapReached = "/problems/role-cap-reached"

// roleRefused shows the form again with the service's refusal of a save:
// the role cap reached, a role changed meanwhile, or field errors beside
// their fields.
func (p *Pages) roleRefused(c *fiber.Ctx, v *kit.View, d *roleFormPage, err error) error {
	var pr *kit.Problem
	switch {
	case errors.As(err, &pr) && pr.Status == fiber.StatusConflict && pr.Type == problemRoleCapReached:
		v.Alert = v.T("EmpErrRoleCap", "Limit", pr.Limit, "Km", strconv.FormatFloat(pr.RadiusKm, 'f', -1, 64))
		return p.renderRoleForm(c, v, d, fiber.StatusConflict)
	case errors.As(err, &pr) && pr.Status == fiber.StatusConflict:
		d.Stale = true
		v.Alert = v.T("ErrRoleStale")
		return p.renderRoleForm(c, v, d, fiber.StatusConflict)
	case errors.As(err, &pr):
		roleProblem(v, d.roleForm, pr, false)
		return p.renderRoleForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return p.kit.ErrorPage(c, err)
}

// EditRoleForm is GET /roles/:id/edit: the form filled in from the role,
// with its version, and with the skills' and the site's names looked up.
func (p *Pages) EditRoleForm(c *fiber.Ctx) error {
	id := c.Params("id")
	resp, err := p.kit.API.GetRoleWithResponse(kit.Ctx(c), id)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	v := p.kit.NewView(c, "/roles/"+url.PathEscape(id)+"/edit")
	d := &roleFormPage{Step: stepDetails, Action: v.Path, Editing: true}
	d.roleForm = p.formFromRole(c, v, *resp.JSON200, true)
	return p.renderRoleForm(c, v, d, fiber.StatusOK)
}

// formFromRole fills the form from a role. A form to edit gets its
// pickers; the role's page, which only shows the role, does not load the
// picker's script.
func (p *Pages) formFromRole(c *fiber.Ctx, v *kit.View, r api.Role, editing bool) *roleForm {
	f := &roleForm{
		ID: r.ID, Version: r.Version, Occupation: kit.Deref(r.Occupation), Title: r.Title, Description: r.Description,
		Sector: r.Sector, Contract: string(r.Contract), StartDate: kit.Deref(r.StartDate), ASAP: r.StartAsap,
		EndDate: kit.Deref(r.EndDate), ClosingDate: kit.Deref(r.ClosingDate), DayRelease: r.DayReleaseOk, Remote: r.Remote,
	}
	if r.HoursPerWeek > 0 {
		f.Hours = strconv.Itoa(r.HoursPerWeek)
	}
	if r.Positions > 0 {
		f.Positions = strconv.Itoa(r.Positions)
	}
	f.scheduleFromRole(r.Schedule)
	f.Essential, f.Optional = p.labelSkills(c, v, r.EssentialSkills), p.labelSkills(c, v, r.OptionalSkills)
	f.Languages = languageRows(r.Languages)
	f.Site = p.placeOf(c, v, r.Site, editing)
	f.NewSkill = p.emptyPicker(c, v, newSkillPicker, editing)
	return f
}

// labelSkills looks up each skill's name; one that cannot be looked up
// shows its id.
func (p *Pages) labelSkills(c *fiber.Ctx, v *kit.View, skills []api.RoleSkill) []skillRow {
	rows := make([]skillRow, 0, len(skills))
	for _, sk := range skills {
		row := skillRow{ID: sk.Skill, Label: sk.Skill, Level: sk.MinLevel}
		if it, err := p.kit.Skill(kit.Ctx(c), sk.Skill, v.Lang); err == nil {
			row.Label = it.Label
		}
		rows = append(rows, row)
	}
	return rows
}

func (p *Pages) renderRoleForm(c *fiber.Ctx, v *kit.View, d *roleFormPage, status int) error {
	if d.roleForm != nil {
		// A picker's buttons come back to the picker (issue 11, item 2.2).
		if d.Site != nil && d.NewSkill != nil {
			d.Site.Action, d.NewSkill.Action = d.Action+"#site-choice", d.Action+"#skills"
		}
		v.Form["title"] = d.Title
		d.Sectors = p.sectorChoices(c, v, d.Sector)
		d.FlagGroups = wordingGroups(v, d.Flags)
		d.Contracts = kit.Choices(v, "Contract_", contracts, d.Contract)
		d.DayChoices = kit.Choices(v, "Day_", weekdays, d.roleForm.Days...)
		for _, l := range skillLevels {
			d.Levels = append(d.Levels, kit.Choice{Value: strconv.Itoa(l), Label: levelText(v, l)})
		}
		d.ShiftRows, d.ShiftDays = shiftRowViews(v, d.Shifts), kit.Choices(v, "Day_", weekdays)
		d.LangRows, d.LangNew, d.CEFR = kit.LanguageRowViews(v, d.Languages), kit.LanguageChoices(v, ""), kit.CEFRChoices(v)
		if d.Step == stepReview {
			d.ReviewInfo = reviewOf(v, d)
			reviewErrors(v, d.ReviewInfo)
		}
	}
	v.Data = d
	return p.templates.Render(c, status, "role_form", v)
}
