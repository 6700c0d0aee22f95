package site

import (
	"strings"

	"github.com/onward-jobs/onward/pkg/errs"
)

// roleFieldMessages explain the employers service's field errors on the
// role form, by the form field they name; other fields get the general
// messages of translateField.
var roleFieldMessages = map[string]string{
	"title":            "ErrRoleTitle",
	"description":      "ErrRoleDescription",
	"occupation":       "ErrRoleOccupation",
	"sector":           "ErrRoleSector",
	"site":             "ErrRoleSite",
	"essential_skills": "ErrRoleSkills",
	"optional_skills":  "ErrRoleSkills",
	"schedule":         "ErrRoleSchedule",
	"languages":        "ErrRoleLanguage",
	"hours_per_week":   "ErrRoleHours",
	"contract":         "ErrRoleContract",
	"start_date":       "ErrRoleStartDate",
	"end_date":         "ErrRoleEndDate",
	"positions":        "ErrRolePositions",
	"closing_date":     "ErrRoleClosingDate",
}

// formField is the form field an API field error names:
// "essential_skills[0].min_level" is the essential skills, "site.place_id"
// the site.
func formField(apiField string) string {
	if i := strings.IndexAny(apiField, ".["); i >= 0 {
		return apiField[:i]
	}
	return apiField
}

// roleProblem shows the service's refusal on the role form: each field
// error next to its field, in the user's language.
func roleProblem(v *view, f *roleForm, p *apiProblem) {
	v.Alert = v.T("ErrCheckFields")
	for _, fe := range p.Errors {
		field := formField(fe.Field)
		if field == "schedule" && shiftRowError(v, f, fe.Field, v.T("ErrRoleShift")) {
			continue
		}
		if field == "languages" && languageRowError(v, f, fe.Field, v.T("ErrRoleLanguage")) {
			continue
		}
		msg := v.translateField(errs.FieldError{Field: field, Message: fe.Message})
		if id, ok := roleFieldMessages[field]; ok {
			msg = v.T(id)
		}
		switch field {
		case "site":
			f.Site.Error = msg
			v.addError("site_q", msg)
		case "schedule":
			v.addError("start_time", msg)
		default:
			v.addError(field, msg)
		}
	}
}

// reviewLine is one line of the review: a label and what was filled in.
// Field is the id of the form field it comes from, where "Change" leads
// back to; Error is the service's objection to it, if any.
type reviewLine struct {
	Label, Value string
	Field, Error string
}

// roleReview is the role as the review step shows it.
type roleReview struct {
	Lines                         []reviewLine
	Essential, Optional           []skillRow
	EssentialError, OptionalError string
}

func reviewOf(v *view, d *roleFormPage) *roleReview {
	f := d.roleForm
	r := &roleReview{Essential: f.Essential, Optional: f.Optional}
	// A line shows when it has a value, or when the service objects to
	// the field (an empty title, say).
	add := func(field, labelID, value string) {
		if value != "" || v.Err(field) != "" {
			r.Lines = append(r.Lines, reviewLine{Label: v.T(labelID), Value: value, Field: field})
		}
	}
	add("title", "Field_title", f.Title)
	add("description", "Field_description", f.Description)
	if f.Sector != "" {
		name := sectorName(d.Sectors, f.Sector)
		if name == "" {
			name = v.TOr("Nace_"+f.Sector, f.Sector)
		}
		add("sector", "Field_sector", name)
	} else {
		add("sector", "Field_sector", "")
	}
	add("site_q", "Field_site", f.Site.Text)
	add("schedule", "Field_schedule", scheduleText(v, f))
	add("languages", "Field_languages", languagesText(v, f.Languages))
	add("hours_per_week", "Field_hours_per_week", f.Hours)
	contract := ""
	if f.Contract != "" {
		contract = v.T("Contract_" + f.Contract)
	}
	add("contract", "Field_contract", contract)
	if f.ASAP {
		add("start_date", "Field_start_date", v.T("Field_start_asap"))
	} else {
		add("start_date", "Field_start_date", f.StartDate)
	}
	add("end_date", "Field_end_date", f.EndDate)
	add("positions", "Field_positions", f.Positions)
	if f.DayRelease {
		add("day_release_ok", "Field_day_release_ok", v.T("Yes"))
	} else {
		add("day_release_ok", "Field_day_release_ok", v.T("No"))
	}
	add("closing_date", "Field_closing_date", f.ClosingDate)
	return r
}
