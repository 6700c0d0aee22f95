package site

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// The role form is one page in three steps, with its whole state in the
// form itself (hidden fields and the query string), never in a server
// session: step 1 picks an occupation template or starts blank, step 2
// fills in the role, and the review shows it once more before it is
// saved as a draft or opened. Every button is a plain submit, so the form
// works without JavaScript.

// maxRoleSkills mirrors the employers service's limit.
const maxRoleSkills = 30

// skillRow is one skill of a role with its minimum level.
type skillRow struct {
	ID, Label string
	Level     int
}

// roleForm is the role form's state, read from the request.
type roleForm struct {
	// ID and Version are set when an existing role is edited.
	ID                                   string
	Version                              int
	Occupation, OccupationLabel          string
	Title, Description, Sector, Contract string
	Hours, Positions                     string
	StartDate, EndDate, ClosingDate      string
	StartTime, EndTime                   string
	ASAP, DayRelease, Remote             bool
	Days                                 []string
	Essential, Optional                  []skillRow
	Languages                            []languageRow
	// ScheduleKind is scheduleDays or scheduleShifts.
	ScheduleKind   string
	Shifts         []shiftRow
	Site, NewSkill *pickerData
	NewSkillKind   string
	NewSkillLevel  int
}

// readRoleForm reads the form's state from the request, applying the
// row-level buttons: a skill chosen in the "add a skill" picker joins its
// list, a "remove" button drops one.
func (s *site) readRoleForm(c *fiber.Ctx, v *view) *roleForm {
	f := &roleForm{
		Occupation: formText(c, "occupation"), OccupationLabel: formText(c, "occupation_label"),
		Title: formText(c, "title"), Description: strings.TrimSpace(c.FormValue("description")),
		Sector: formText(c, "sector"), Contract: formText(c, "contract"),
		Hours: formText(c, "hours_per_week"), Positions: formText(c, "positions"),
		StartDate: formText(c, "start_date"), EndDate: formText(c, "end_date"), ClosingDate: formText(c, "closing_date"),
		StartTime: formText(c, "start_time"), EndTime: formText(c, "end_time"),
		ASAP: c.FormValue("start_asap") != "", DayRelease: c.FormValue("day_release_ok") != "", Remote: c.FormValue("remote") != "",
		Days: onlyKnown(formList(c, "days"), weekdays), NewSkillKind: formText(c, "new_skill_kind"),
	}
	f.Version, _ = strconv.Atoi(formText(c, "version"))
	f.NewSkillLevel, _ = strconv.Atoi(formText(c, "new_skill_level"))
	f.Essential = readSkillRows(c, "ess")
	f.Optional = readSkillRows(c, "opt")
	f.Languages = readLanguageRows(c)
	f.ScheduleKind, f.Shifts = scheduleDays, readShiftRows(c)
	if formText(c, "schedule_kind") == scheduleShifts {
		f.ScheduleKind = scheduleShifts
	}
	removeSkillRow(f, formText(c, "remove"))
	removeLanguageRow(f, formText(c, "remove"))
	removeShiftRow(f, formText(c, "remove"))
	f.Site = s.picker(c, v, pickerSpec{Name: "site", Kind: placesCatalogue, LabelID: "Field_site", HintID: "HintSite"})
	f.NewSkill = s.picker(c, v, pickerSpec{Name: "new_skill", Kind: skillsCatalogue, LabelID: "Field_new_skill",
		HintID: "HintNewSkill", AutoSubmit: true})
	f.addChosenSkill()
	return f
}

// readSkillRows reads the rows <prefix>_skill, _label and _level.
func readSkillRows(c *fiber.Ctx, prefix string) []skillRow {
	ids, labels, levels := formList(c, prefix+"_skill"), formList(c, prefix+"_label"), formList(c, prefix+"_level")
	var rows []skillRow
	for i, id := range ids {
		if id = strings.TrimSpace(id); id == "" {
			continue
		}
		r := skillRow{ID: id, Label: id, Level: 1}
		if i < len(labels) && labels[i] != "" {
			r.Label = labels[i]
		}
		// The form's chips name each row's level prefix_level_<i>; the
		// review's hidden fields repeat prefix_level.
		level := formText(c, prefix+"_level_"+strconv.Itoa(i))
		if level == "" && i < len(levels) {
			level = levels[i]
		}
		if n, err := strconv.Atoi(level); err == nil && n >= 1 && n <= 4 {
			r.Level = n
		}
		rows = append(rows, r)
	}
	return rows
}

// removeSkillRow applies a "remove" button, whose value is "ess:2".
func removeSkillRow(f *roleForm, which string) {
	list, idx, ok := strings.Cut(which, ":")
	i, err := strconv.Atoi(idx)
	if !ok || err != nil || i < 0 {
		return
	}
	switch {
	case list == "ess" && i < len(f.Essential):
		f.Essential = slices.Delete(f.Essential, i, i+1)
	case list == "opt" && i < len(f.Optional):
		f.Optional = slices.Delete(f.Optional, i, i+1)
	}
}

// addChosenSkill moves the skill chosen in the "add a skill" picker into
// its list and empties the picker for the next one.
func (f *roleForm) addChosenSkill() {
	p := f.NewSkill
	if p.Value == "" || p.Error != "" {
		return
	}
	row := skillRow{ID: p.Value, Label: p.Text, Level: f.NewSkillLevel}
	if row.Level < 1 || row.Level > 4 {
		row.Level = 1
	}
	if !f.hasSkill(row.ID) {
		if f.NewSkillKind == "optional" {
			f.Optional = append(f.Optional, row)
		} else {
			f.Essential = append(f.Essential, row)
		}
	}
	p.Value, p.Text, p.item = "", "", nil
}

func (f *roleForm) hasSkill(id string) bool {
	for _, r := range append(slices.Clone(f.Essential), f.Optional...) {
		if r.ID == id {
			return true
		}
	}
	return false
}

// fromTemplate starts a role from an occupation: its name and its skills.
func (f *roleForm) fromTemplate(it occupationItem) {
	f.Occupation, f.OccupationLabel, f.Title = it.ID, it.Label, it.Label
	f.Essential, f.Optional = requirementRows(it.Essential), requirementRows(it.Optional)
}

func requirementRows(reqs []skillRequirement) []skillRow {
	rows := make([]skillRow, 0, len(reqs))
	for _, r := range reqs {
		level := r.MinLevel
		if level < 1 || level > 4 {
			level = 1
		}
		rows = append(rows, skillRow{ID: r.Skill, Label: r.Label, Level: level})
	}
	return rows
}

// input turns the form into what the employers service takes. Numbers
// that are not numbers are reported at their fields.
func (f *roleForm) input(v *view) (roleInput, bool) {
	in := roleInput{
		Title: f.Title, Description: f.Description, Occupation: f.Occupation, Sector: f.Sector, Remote: f.Remote,
		Essential: skillInputs(f.Essential), Optional: skillInputs(f.Optional), Languages: languageInputs(f.Languages), Contract: f.Contract,
		StartASAP: f.ASAP, EndDate: f.EndDate, DayReleaseOK: f.DayRelease, ClosingDate: f.ClosingDate, Version: f.Version,
	}
	if !f.ASAP {
		in.StartDate = f.StartDate
	}
	if f.Site.Value != "" {
		in.Site = &roleSite{PlaceID: f.Site.Value}
	}
	in.Schedule = f.schedule()
	ok := true
	for _, n := range []struct {
		field, text string
		into        *int
	}{{"hours_per_week", f.Hours, &in.HoursPerWeek}, {"positions", f.Positions, &in.Positions}} {
		if n.text == "" {
			continue
		}
		val, err := strconv.Atoi(n.text)
		if err != nil || val < 0 {
			v.addError(n.field, v.T("ErrWholeNumber"))
			ok = false
			continue
		}
		*n.into = val
	}
	return in, ok
}

func skillInputs(rows []skillRow) []roleSkill {
	out := make([]roleSkill, 0, len(rows))
	for _, r := range rows {
		out = append(out, roleSkill{Skill: r.ID, MinLevel: r.Level})
	}
	return out
}

// values writes the form's state back as fields, for the review step's
// hidden inputs.
func (f *roleForm) values() url.Values {
	q := url.Values{}
	set := func(k, val string) {
		if val != "" {
			q.Set(k, val)
		}
	}
	set("occupation", f.Occupation)
	set("occupation_label", f.OccupationLabel)
	set("title", f.Title)
	set("description", f.Description)
	set("sector", f.Sector)
	set("contract", f.Contract)
	set("hours_per_week", f.Hours)
	set("positions", f.Positions)
	set("start_date", f.StartDate)
	set("end_date", f.EndDate)
	set("closing_date", f.ClosingDate)
	set("start_time", f.StartTime)
	set("end_time", f.EndTime)
	for k, b := range map[string]bool{"start_asap": f.ASAP, "day_release_ok": f.DayRelease, "remote": f.Remote} {
		if b {
			q.Set(k, "1")
		}
	}
	q["days"] = f.Days
	for prefix, rows := range map[string][]skillRow{"ess": f.Essential, "opt": f.Optional} {
		for _, r := range rows {
			q.Add(prefix+"_skill", r.ID)
			q.Add(prefix+"_label", r.Label)
			q.Add(prefix+"_level", strconv.Itoa(r.Level))
		}
	}
	if f.ScheduleKind == scheduleShifts {
		q.Set("schedule_kind", scheduleShifts)
	}
	for _, r := range f.Shifts {
		q.Add("shift_day", r.Day)
		q.Add("shift_start", r.Start)
		q.Add("shift_end", r.End)
	}
	for _, l := range f.Languages {
		q.Add("lang_code", l.Code)
		q.Add("lang_level", l.Level)
	}
	if f.Site.Value != "" {
		q.Set("site", f.Site.Value)
		q.Set("site_q", f.Site.Text)
		q.Set("site_shown", f.Site.Text)
	}
	if f.Version > 0 {
		q.Set("version", strconv.Itoa(f.Version))
	}
	return q
}

// onlyKnown keeps the values that are in known, in their order.
func onlyKnown(values, known []string) []string {
	var out []string
	for _, k := range known {
		if slices.Contains(values, k) {
			out = append(out, k)
		}
	}
	return out
}
