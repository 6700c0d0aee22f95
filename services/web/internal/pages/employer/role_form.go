package employer

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The role form is one page in three steps, with its whole state in the
// form itself (hidden fields and the query string), never in a server
// session: step 1 picks an occupation template or starts blank, step 2
// fills in the role, and the review shows it once more before it is
// saved as a draft or opened. Every button is a plain submit, so the form
// works without JavaScript.

// skillRow is one skill of a role with its minimum level.
type skillRow struct {
	ID, Label string
	Level     int
}

// roleForm is the role form's state, read from the request.
type roleForm struct {
	// ID and Version are set when an existing role is edited.
	ID                                   string
	Version                              int64
	Occupation, OccupationLabel          string
	Title, Description, Sector, Contract string
	Hours, Positions                     string
	StartDate, EndDate, ClosingDate      string
	StartTime, EndTime                   string
	ASAP, DayRelease, Remote             bool
	Days                                 []string
	Essential, Optional                  []skillRow
	Languages                            []kit.LanguageRow
	// ScheduleKind is scheduleDays or scheduleShifts.
	ScheduleKind   string
	Shifts         []shiftRow
	Site, NewSkill *kit.Picker
	NewSkillKind   string
	NewSkillLevel  int
}

// The form's two pickers besides the template's.
var (
	sitePicker     = kit.PickerSpec{Name: "site", Kind: kit.Places, LabelID: "Field_site", HintID: "HintSite"}
	newSkillPicker = kit.PickerSpec{Name: "new_skill", Kind: kit.Skills, LabelID: "Field_new_skill", HintID: "HintNewSkill", AutoSubmit: true}
)

// readRoleForm reads the form's state from the request, applying the
// row-level buttons: a skill chosen in the "add a skill" picker joins its
// list, a "remove" button drops one.
func (p *Pages) readRoleForm(c *fiber.Ctx, v *kit.View) *roleForm {
	f := &roleForm{
		Occupation: kit.FormText(c, "occupation"), OccupationLabel: kit.FormText(c, "occupation_label"),
		Title: kit.FormText(c, "title"), Description: strings.TrimSpace(c.FormValue("description")),
		Sector: kit.FormText(c, "sector"), Contract: kit.FormText(c, "contract"),
		Hours: kit.FormText(c, "hours_per_week"), Positions: kit.FormText(c, "positions"),
		StartDate: kit.FormText(c, "start_date"), EndDate: kit.FormText(c, "end_date"), ClosingDate: kit.FormText(c, "closing_date"),
		StartTime: kit.FormText(c, "start_time"), EndTime: kit.FormText(c, "end_time"),
		ASAP: c.FormValue("start_asap") != "", DayRelease: c.FormValue("day_release_ok") != "", Remote: c.FormValue("remote") != "",
		Days: onlyKnown(kit.FormList(c, "days"), weekdays), NewSkillKind: kit.FormText(c, "new_skill_kind"),
	}
	f.Version, _ = strconv.ParseInt(kit.FormText(c, "version"), 10, 64)
	f.NewSkillLevel, _ = strconv.Atoi(kit.FormText(c, "new_skill_level"))
	f.Essential = readSkillRows(c, "ess")
	f.Optional = readSkillRows(c, "opt")
	f.Languages = kit.ReadLanguageRows(c)
	f.ScheduleKind, f.Shifts = scheduleDays, readShiftRows(c)
	if kit.FormText(c, "schedule_kind") == scheduleShifts {
		f.ScheduleKind = scheduleShifts
	}
	removeSkillRow(f, kit.FormText(c, "remove"))
	removeLanguageRow(f, kit.FormText(c, "remove"))
	removeShiftRow(f, kit.FormText(c, "remove"))
	f.Site = p.kit.Picker(c, v, sitePicker)
	f.NewSkill = p.kit.Picker(c, v, newSkillPicker)
	f.addChosenSkill()
	return f
}

// readSkillRows reads the rows <prefix>_skill, _label and _level.
func readSkillRows(c *fiber.Ctx, prefix string) []skillRow {
	ids, labels, levels := kit.FormList(c, prefix+"_skill"), kit.FormList(c, prefix+"_label"), kit.FormList(c, prefix+"_level")
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
		level := kit.FormText(c, prefix+"_level_"+strconv.Itoa(i))
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
	p.Clear()
}

func (f *roleForm) hasSkill(id string) bool {
	has := func(r skillRow) bool { return r.ID == id }
	return slices.ContainsFunc(f.Essential, has) || slices.ContainsFunc(f.Optional, has)
}

// fromTemplate starts a role from an occupation: its name and its skills.
func (f *roleForm) fromTemplate(o api.Occupation) {
	f.Occupation, f.OccupationLabel, f.Title = o.ID, o.Label, o.Label
	f.Essential, f.Optional = requirementRows(o.EssentialSkills), requirementRows(o.OptionalSkills)
}

func requirementRows(reqs []api.Requirement) []skillRow {
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
		q.Set("version", strconv.FormatInt(f.Version, 10))
	}
	return q
}
