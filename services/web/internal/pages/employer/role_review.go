package employer

import (
	"strings"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// roleFieldMessages explain the employers service's field errors on the
// role form, by the form field they name; other fields get the kit's
// general messages.
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
// error next to its field, in the user's language. On the review, each
// error goes beside the review's line for its field instead.
func roleProblem(v *kit.View, f *roleForm, p *kit.Problem, review bool) {
	v.Alert = v.T("ErrCheckFields")
	addError := v.AddError
	if review {
		addError = func(field, msg string) { v.AddError(reviewField(field), msg) }
	}
	for _, fe := range p.Errors {
		field := formField(fe.Field)
		if field == "schedule" && shiftRowError(addError, f, fe.Field, v.T("ErrRoleShift")) {
			continue
		}
		if field == "languages" && languageRowError(addError, f, fe.Field, v.T("ErrRoleLanguage")) {
			continue
		}
		msg := v.FieldMessage(errs.FieldError{Field: field, Message: fe.Message})
		if id, ok := roleFieldMessages[field]; ok {
			msg = v.T(id)
		}
		switch field {
		case "site":
			f.Site.Error = msg
			addError("site_q", msg)
		case "schedule":
			addError("start_time", msg)
		default:
			addError(field, msg)
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

func reviewOf(v *kit.View, d *roleFormPage) *roleReview {
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
	sector := ""
	if f.Sector != "" {
		if sector = sectorName(d.Sectors, f.Sector); sector == "" {
			sector = v.TOr("Nace_"+f.Sector, f.Sector)
		}
	}
	add("sector", "Field_sector", sector)
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
