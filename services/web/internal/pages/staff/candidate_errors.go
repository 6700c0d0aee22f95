package staff

import (
	"slices"
	"strconv"
	"strings"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// candidateField maps a candidates service field name (its API's
// spelling, such as "day_release.start") to the form field that shows the
// error and the message that explains it.
type candidateField struct {
	api, field, msg string
}

// candidateFields are checked in order and the first match wins, so the
// more specific names come first.
var candidateFields = []candidateField{
	{"given_name", "given_name", "StaffErrName"},
	{"family_name", "family_name", "StaffErrName"},
	{"preferred_name", "preferred_name", "StaffErrName"},
	{"date_of_birth", "date_of_birth", "StaffErrDateOfBirth"},
	{"phone", "phone", "StaffErrPhone"},
	{"email", "email", "StaffErrEmail"},
	{"setting", "setting", "StaffErrSetting"},
	{"house", "house_q", "StaffErrHouse"},
	{"day_release.eligible_from", "dr_eligible_from", "StaffErrDate"},
	{"day_release.days", "dr_days", "StaffErrDays"},
	{"day_release.start", "dr_start", "StaffErrStart"},
	{"day_release.end", "dr_end", "StaffErrEnd"},
	{"day_release.max_commute_km", "dr_commute", "StaffErrCommute"},
	{"day_release", "dr_eligible_from", "StaffErrDayRelease"},
	{"release.expected_date", "rel_date", "StaffErrReleaseDate"},
	{"release.return_region.radius_km", "region_radius", "StaffErrRadius"},
	{"release.return_region", "region_q", "StaffErrRegion"},
	{"release", "rel_date", "StaffErrReleaseDate"},
	{"excluded_sectors", "excluded_sectors", "StaffErrSectors"},
	{"preferences.sectors", "pref_sectors", "StaffErrSectors"},
	{"preferences.hours_per_week", "pref_hours", "StaffErrHours"},
	{"preferences.contracts", "pref_contracts", "StaffErrContracts"},
}

// names reports whether the API field name is api or lies under it.
func names(field, api string) bool {
	return field == api || strings.HasPrefix(field, api+".") || strings.HasPrefix(field, api+"[")
}

// candidateProblem puts the service's field errors on the candidate form,
// each next to its field, and reports whether any of them belongs to the
// wizard's first step.
func candidateProblem(v *kit.View, f *candidateForm, prob *kit.Problem) (identity bool) {
	v.Alert = v.T("ErrCheckFields")
	for _, fe := range prob.Errors {
		if names(fe.Field, "languages") {
			languageProblem(v, f, fe.Field)
			continue
		}
		i := slices.IndexFunc(candidateFields, func(m candidateField) bool { return names(fe.Field, m.api) })
		if i < 0 {
			v.Alert = v.T("StaffErrUnexpected")
			continue
		}
		m := candidateFields[i]
		msg := v.T(m.msg)
		switch m.field {
		case "house_q":
			f.House.Error = msg
		case "region_q":
			f.Region.Error = msg
		}
		v.AddError(m.field, msg)
		identity = identity || slices.Contains(identityFields, m.field)
	}
	return identity
}

// languageProblem puts an error on "languages[2].level" next to row 2, or
// on the list as a whole.
func languageProblem(v *kit.View, f *candidateForm, field string) {
	msg := v.T("StaffErrLanguage")
	rest, _ := strings.CutPrefix(field, "languages[")
	idx, _, ok := strings.Cut(rest, "]")
	i, err := strconv.Atoi(idx)
	if !ok || err != nil || i < 0 || i >= len(f.Languages) {
		v.AddError("languages", msg)
		return
	}
	f.Languages[i].Error = msg
	v.AddError("lang_level_"+strconv.Itoa(i), msg)
}
