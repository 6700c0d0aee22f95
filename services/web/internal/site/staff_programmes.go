package site

import (
	"errors"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gofiber/fiber/v2"
)

// programmeKinds are the kinds of work programme the candidates service
// knows ("StaffKind_<kind>").
var programmeKinds = []string{
	"coffee_roastery", "catering", "bakery", "garden", "green_maintenance", "workshop", "woodwork",
	"metalwork", "bike_repair", "laundry", "cleaning", "printing", "assembly", "logistics",
	"construction", "textiles", "retail", "office", "other",
}

// Bounds that keep one page from fanning out or growing without end.
const (
	programmePageSize = "50"
	maxProgrammeSkill = 50
	maxLabelLookups   = 30
)

// programmeListPage is the list of the organisation's programmes.
type programmeListPage struct {
	Programmes []programme
	NextHref   string
}

// listProgrammesPage is GET /programmes.
func (s *site) listProgrammesPage(c *fiber.Ctx) error {
	q := url.Values{"limit": {programmePageSize}}
	if cur := c.Query("cursor"); cur != "" {
		q.Set("cursor", cur)
	}
	page, err := s.candidates.listProgrammes(c.UserContext(), accessToken(c), q)
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, "/programmes")
	d := &programmeListPage{Programmes: page.Items}
	if page.NextCursor != "" {
		d.NextHref = "/programmes?" + url.Values{"cursor": {page.NextCursor}}.Encode()
	}
	v.Data = d
	return s.render(c, fiber.StatusOK, "staff_programmes", v)
}

// programmeForm is the new-programme form's state, all in the form.
type programmeForm struct {
	Name, Kind  string
	Kinds       []choice
	Site        *pickerData
	NewSkill    *pickerData
	Skills      []skillRow
	Supervisors []member
	Chosen      []string
	// ID and Version name the programme an edit form corrects; Stale says
	// someone changed it meanwhile (staff_programme_edit.go).
	ID      string
	Version int
	Stale   bool
}

// Editing reports whether the form corrects a stored programme.
func (f *programmeForm) Editing() bool { return f.ID != "" }

// Supervises reports whether the form has id ticked as a supervisor.
func (f *programmeForm) Supervises(id string) bool { return slices.Contains(f.Chosen, id) }

// newProgrammeForm is GET /programmes/new; the signed-in user is ticked
// as the first supervisor.
func (s *site) newProgrammeForm(c *fiber.Ctx) error {
	v := s.newView(c, "/programmes/new")
	f := &programmeForm{Chosen: []string{actor(c).UserID}}
	f.Site = newPickerData(v, pickerSpec{Name: "site", Kind: placesCatalogue, LabelID: "StaffField_programme_site", HintID: "StaffHintProgrammeSite"})
	f.NewSkill = newPickerData(v, pickerSpec{Name: "new_skill", Kind: skillsCatalogue, LabelID: "StaffField_programme_skill",
		HintID: "StaffHintProgrammeSkill", AutoSubmit: true})
	v.usesPicker = true
	return s.renderProgrammeForm(c, v, f, fiber.StatusOK)
}

// postProgrammeForm is POST /programmes/new. Only the "create" button
// saves; the pickers' buttons and "remove" show the form again.
func (s *site) postProgrammeForm(c *fiber.Ctx) error {
	v := s.newView(c, "/programmes/new")
	f := s.readProgrammeForm(c, v)
	if formText(c, "action") != "create" {
		return s.renderProgrammeForm(c, v, f, fiber.StatusOK)
	}
	in := programmeInput{Name: f.Name, Kind: f.Kind, Site: placeRef{PlaceID: f.Site.Value}, Skills: []string{}, Supervisors: f.Chosen}
	for _, r := range f.Skills {
		in.Skills = append(in.Skills, r.ID)
	}
	created, err := s.candidates.createProgramme(c.UserContext(), accessToken(c), in)
	var p *apiProblem
	switch {
	case err == nil:
		return c.Redirect("/programmes/"+url.PathEscape(created.ID), fiber.StatusSeeOther)
	case errors.As(err, &p) && p.Status == fiber.StatusBadRequest:
		programmeProblem(v, f, p)
		return s.renderProgrammeForm(c, v, f, fiber.StatusUnprocessableEntity)
	}
	return s.errorPage(c, err)
}

func (s *site) readProgrammeForm(c *fiber.Ctx, v *view) *programmeForm {
	f := &programmeForm{Name: formText(c, "name"), Kind: formText(c, "kind"), Chosen: formList(c, "supervisors")}
	ids, labels := formList(c, "skill"), formList(c, "skill_label")
	for i, id := range ids {
		if id = strings.TrimSpace(id); id != "" && len(f.Skills) < maxProgrammeSkill && !f.hasSkill(id) {
			r := skillRow{ID: id, Label: id}
			if i < len(labels) && labels[i] != "" {
				r.Label = labels[i]
			}
			f.Skills = append(f.Skills, r)
		}
	}
	if rest, ok := strings.CutPrefix(formText(c, "remove"), "skill:"); ok {
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(f.Skills) {
			f.Skills = slices.Delete(f.Skills, i, i+1)
		}
	}
	f.Site = s.picker(c, v, pickerSpec{Name: "site", Kind: placesCatalogue, LabelID: "StaffField_programme_site", HintID: "StaffHintProgrammeSite"})
	f.NewSkill = s.picker(c, v, pickerSpec{Name: "new_skill", Kind: skillsCatalogue, LabelID: "StaffField_programme_skill",
		HintID: "StaffHintProgrammeSkill", AutoSubmit: true})
	if p := f.NewSkill; p.Value != "" && p.Error == "" {
		if !f.hasSkill(p.Value) && len(f.Skills) < maxProgrammeSkill {
			f.Skills = append(f.Skills, skillRow{ID: p.Value, Label: p.Text})
		}
		p.Value, p.Text, p.item = "", "", nil
	}
	return f
}

func (f *programmeForm) hasSkill(id string) bool {
	return slices.ContainsFunc(f.Skills, func(r skillRow) bool { return r.ID == id })
}

// programmeProblem puts the service's field errors next to their fields.
func programmeProblem(v *view, f *programmeForm, p *apiProblem) {
	v.Alert = v.T("ErrCheckFields")
	for _, fe := range p.Errors {
		switch formField(fe.Field) {
		case "name":
			v.addError("name", v.T("StaffErrProgrammeName"))
		case "kind":
			v.addError("kind", v.T("StaffErrProgrammeKind"))
		case "site":
			f.Site.Error = v.T("StaffErrPlace")
			v.addError("site_q", f.Site.Error)
		case "skills":
			v.addError("skills", v.T("StaffErrProgrammeSkills"))
		case "supervisors":
			v.addError("supervisors", v.T("StaffErrSupervisors"))
		default:
			v.Alert = v.T("StaffErrUnexpected")
		}
	}
}

func (s *site) renderProgrammeForm(c *fiber.Ctx, v *view, f *programmeForm, status int) error {
	f.Kinds = choices(v, "StaffKind_", programmeKinds, f.Kind)
	f.Supervisors = s.members(c, f.Chosen)
	v.Form["name"] = f.Name
	v.Data = f
	return s.render(c, status, "staff_programme_form", v)
}

// programmeDetail is one programme's page.
type programmeDetail struct {
	programme
	SkillRows   []skillRow
	Supervising []member
	// CanEdit offers the correction form to the programme's supervisors
	// and the organisation's administrator, whom the service lets edit.
	CanEdit bool
}

// showProgramme is GET /programmes/:id.
func (s *site) showProgramme(c *fiber.Ctx) error {
	p, err := s.candidates.getProgramme(c.UserContext(), accessToken(c), c.Params("id"))
	if err != nil {
		return s.errorPage(c, err)
	}
	v := s.newView(c, "/programmes/"+url.PathEscape(p.ID))
	d := &programmeDetail{programme: p, SkillRows: s.skillLabels(c, v, p.Skills),
		CanEdit: isProgrammeAdmin(actor(c)) || slices.Contains(p.Supervisors, actor(c).UserID)}
	if c.Query("saved") != "" {
		v.Notice = v.T("CorrectionsNoticeProgrammeSaved")
	}
	names := map[string]string{}
	for _, id := range p.Supervisors {
		d.Supervising = append(d.Supervising, member{ID: id, Name: s.colleagueName(c, names, id)})
	}
	v.Data = d
	return s.render(c, fiber.StatusOK, "staff_programme", v)
}

// skillLabels names skills in the user's language, side by side and at
// most maxLabelLookups of them; a skill that cannot be looked up shows
// its id.
func (s *site) skillLabels(c *fiber.Ctx, v *view, ids []string) []skillRow {
	rows := make([]skillRow, len(ids))
	var wg sync.WaitGroup
	ctx, token := c.UserContext(), accessToken(c)
	for i, id := range ids {
		rows[i] = skillRow{ID: id, Label: id}
		if i >= maxLabelLookups {
			continue
		}
		wg.Go(func() {
			if it, err := lookup[skillItem](ctx, s.matching, token, skillsCatalogue, id, v.Lang); err == nil {
				rows[i].Label = it.Label
			}
		})
	}
	wg.Wait()
	return rows
}
