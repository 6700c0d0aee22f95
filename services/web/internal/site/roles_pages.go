package site

import (
	"errors"
	"net/url"
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
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
	Template   *pickerData
	Flags      []wordingNote
	FlagGroups []wordingGroup
	Sectors    []choice
	Contracts  []choice
	DayChoices []choice
	Levels     []choice
	LangRows   []languageRowView
	LangNew    []choice
	CEFR       []choice
	ShiftRows  []shiftRowView
	ShiftDays  []choice
	Hidden     url.Values
	Stale      bool // the role changed since the form was loaded
	ReviewInfo *roleReview
	// Invalid says the review found field errors: the role cannot be
	// saved until they are fixed.
	Invalid bool
}

// wordingNote is a gentle note from the inclusive-wording check.
type wordingNote struct {
	Field, Phrase, Suggestion, Reason, Category string
}

// employerOnly lets employers through; the role form means nothing to
// anyone else.
func (s *site) employerOnly(c *fiber.Ctx) error {
	if actor(c).OrgKind != kindEmployer {
		return s.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

// newRoleForm is GET /roles/new: step 1 picks an occupation template
// (its picker submits back here), and step=details continues with it, or
// with a blank role.
func (s *site) newRoleForm(c *fiber.Ctx) error {
	v := s.newView(c, "/roles/new")
	d := &roleFormPage{Step: stepTemplate, Action: "/roles/new"}
	d.Template = s.picker(c, v, pickerSpec{Name: "occupation", Kind: occupationsCatalogue, LabelID: "Field_role_template",
		HintID: "HintRoleTemplate", Action: "/roles/new"})
	if c.Query("step") == stepDetails {
		f := &roleForm{}
		if it, ok := d.Template.item.(occupationItem); ok {
			f.fromTemplate(it)
		}
		if f.Occupation == "" && c.Query("blank") == "" && !d.Template.Searched && d.Template.Error == "" {
			d.Template.Error = v.T("RoleChooseTemplate")
		}
		if f.Occupation != "" || c.Query("blank") != "" {
			f.Sector = s.profileSector(c)
			f.Site = s.picker(c, v, pickerSpec{Name: "site", Kind: placesCatalogue, LabelID: "Field_site", HintID: "HintSite"})
			f.NewSkill = newPickerData(v, pickerSpec{Name: "new_skill", Kind: skillsCatalogue, LabelID: "Field_new_skill", HintID: "HintNewSkill", AutoSubmit: true})
			d.roleForm, d.Step = f, stepDetails
		}
	}
	return s.renderRoleForm(c, v, d, fiber.StatusOK)
}

// postRoleForm is POST /roles/new and POST /roles/:id/edit. Only the
// "review", "check", "draft", "open" and "save" buttons do more than
// show the form again with the posted state (a picker search, a skill
// added or removed).
func (s *site) postRoleForm(c *fiber.Ctx) error {
	id := c.Params("id")
	v := s.newView(c, "/roles/new")
	d := &roleFormPage{Step: stepDetails, Action: "/roles/new"}
	if id != "" {
		v.Path, d.Action, d.Editing = "/roles/"+url.PathEscape(id)+"/edit", "/roles/"+url.PathEscape(id)+"/edit", true
	}
	d.roleForm = s.readRoleForm(c, v)
	d.ID = id
	switch action := c.FormValue("action"); action {
	case "check":
		s.checkWording(c, v, d)
	case stepReview:
		if in, ok := d.input(v); ok {
			s.checkWording(c, v, d)
			d.Step = stepReview
			s.validateForReview(c, v, d, in)
			d.Hidden = d.values()
			if d.Invalid {
				d.Hidden.Set("recheck", "1")
			}
		} else {
			v.Alert = v.T("ErrCheckFields")
		}
	case "edit":
		if formText(c, "recheck") != "" {
			if in, ok := d.input(v); ok {
				s.validateForReview(c, v, d, in)
			}
		}
	case "draft", "open", "save":
		return s.saveRole(c, v, d, action)
	}
	return s.renderRoleForm(c, v, d, fiber.StatusOK)
}

// saveRole creates the role (as a draft or open) or saves an edit with
// its version, then goes home. The service's field errors come back to
// the form, next to their fields.
func (s *site) saveRole(c *fiber.Ctx, v *view, d *roleFormPage, action string) error {
	in, ok := d.input(v)
	if !ok {
		v.Alert = v.T("ErrCheckFields")
		return s.renderRoleForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	var saved role
	var err error
	if d.Editing {
		saved, err = s.employers.updateRole(c.UserContext(), accessToken(c), d.ID, in)
	} else {
		if action == "open" {
			in.Status = "open"
		}
		in.Version = 0
		saved, err = s.employers.createRole(c.UserContext(), accessToken(c), in)
	}
	var p *apiProblem
	switch {
	case err == nil:
		setFlash(c, &flash{Kind: flashRoleSaved, RoleTitle: d.Title, Status: saved.Status, Notes: len(saved.Warnings)})
		return c.Redirect("/home", fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusConflict:
		d.Stale = true
		v.Alert = v.T("ErrRoleStale")
		return s.renderRoleForm(c, v, d, fiber.StatusConflict)
	case errors.As(err, &p):
		roleProblem(v, d.roleForm, p)
		return s.renderRoleForm(c, v, d, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}

// checkWording asks the inclusive-wording check about the title and
// description. Its notes are gentle and never block; when the check is
// unavailable the form simply goes on without them.
func (s *site) checkWording(c *fiber.Ctx, v *view, d *roleFormPage) {
	if d.Title == "" && d.Description == "" {
		return
	}
	flags, err := s.employers.checkWording(c.UserContext(), accessToken(c), d.Title, d.Description, v.Lang)
	if err != nil {
		s.logServiceFailure(c, "employers", err)
		return
	}
	for _, f := range flags {
		d.Flags = append(d.Flags, wordingNote{Field: f.Field, Phrase: f.Phrase, Suggestion: f.Suggestion, Reason: f.Reason, Category: f.Category})
	}
	if len(d.Flags) == 0 {
		v.Notice = v.T("WordingClear")
	}
}

// editRoleForm is GET /roles/:id/edit: the form filled in from the role,
// with its version, and with the skills' and the site's names looked up.
func (s *site) editRoleForm(c *fiber.Ctx) error {
	id := c.Params("id")
	r, err := s.employers.getRole(c.UserContext(), accessToken(c), id)
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, "/roles/"+url.PathEscape(id)+"/edit")
	d := &roleFormPage{Step: stepDetails, Action: v.Path, Editing: true}
	d.roleForm = s.formFromRole(c, v, r)
	return s.renderRoleForm(c, v, d, fiber.StatusOK)
}

func (s *site) formFromRole(c *fiber.Ctx, v *view, r role) *roleForm {
	f := &roleForm{
		ID: r.ID, Version: r.Version, Occupation: r.Occupation, Title: r.Title, Description: r.Description,
		Sector: r.Sector, Contract: r.Contract, StartDate: r.StartDate, ASAP: r.StartASAP, EndDate: r.EndDate,
		ClosingDate: r.ClosingDate, DayRelease: r.DayReleaseOK, Remote: r.Remote,
	}
	if r.HoursPerWeek > 0 {
		f.Hours = strconv.Itoa(r.HoursPerWeek)
	}
	if r.Positions > 0 {
		f.Positions = strconv.Itoa(r.Positions)
	}
	if sc := r.Schedule; sc != nil {
		f.Days, f.StartTime, f.EndTime = onlyKnown(sc.Days, weekdays), sc.Start, sc.End
		for _, sh := range sc.Shifts {
			f.Shifts = append(f.Shifts, shiftRow{Day: sh.Day, Start: sh.Start, End: sh.End})
		}
		if len(f.Shifts) > 0 {
			f.ScheduleKind = scheduleShifts
		}
	}
	f.Essential, f.Optional = s.labelSkills(c, v, r.Essential), s.labelSkills(c, v, r.Optional)
	f.Languages = languageRows(r.Languages)
	f.Site = newPickerData(v, pickerSpec{Name: "site", Kind: placesCatalogue, LabelID: "Field_site", HintID: "HintSite"})
	v.usesPicker = true
	if r.Site != nil && r.Site.PlaceID != "" {
		s.resolveChoice(c, v, f.Site, r.Site.PlaceID)
	}
	f.NewSkill = newPickerData(v, pickerSpec{Name: "new_skill", Kind: skillsCatalogue, LabelID: "Field_new_skill", HintID: "HintNewSkill", AutoSubmit: true})
	return f
}

// labelSkills looks up each skill's name; one that cannot be looked up
// shows its id.
func (s *site) labelSkills(c *fiber.Ctx, v *view, skills []roleSkill) []skillRow {
	rows := make([]skillRow, 0, len(skills))
	for _, sk := range skills {
		row := skillRow{ID: sk.Skill, Label: sk.Skill, Level: sk.MinLevel}
		if it, err := lookup[skillItem](c.UserContext(), s.matching, accessToken(c), skillsCatalogue, sk.Skill, v.Lang); err == nil {
			row.Label = it.Label
		}
		rows = append(rows, row)
	}
	return rows
}

func (s *site) renderRoleForm(c *fiber.Ctx, v *view, d *roleFormPage, status int) error {
	if d.roleForm != nil {
		// A picker's buttons come back to the picker (issue 11, item 2.2).
		if d.Site != nil && d.NewSkill != nil {
			d.Site.Action, d.NewSkill.Action = d.Action+"#site-choice", d.Action+"#skills"
		}
		v.Form["title"] = d.Title
		d.Sectors = s.sectorChoices(c, v, d.Sector)
		d.FlagGroups = wordingGroups(v, d.Flags)
		d.Contracts = choices(v, "Contract_", contracts, d.Contract)
		d.DayChoices = choices(v, "Day_", weekdays, d.roleForm.Days...)
		for _, l := range skillLevels {
			d.Levels = append(d.Levels, choice{Value: strconv.Itoa(l), Label: levelText(v.localizer, l)})
		}
		d.ShiftRows, d.ShiftDays = shiftRowViews(v, d.Shifts), choices(v, "Day_", weekdays)
		d.LangRows, d.LangNew, d.CEFR = languageRowViews(v, d.Languages), languageChoices(v, ""), cefrChoices(v)
		if d.Step == stepReview {
			d.ReviewInfo = reviewOf(v, d)
			reviewErrors(v, d.ReviewInfo)
		}
	}
	v.Data = d
	return s.render(c, status, "role_form", v)
}
