package employer

import (
	"strconv"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// roleInput turns the form into what the API takes to create, change or
// check a role. Numbers that are not numbers are reported at their
// fields. The lists, the dates and the yes/no fields are always sent, so
// an edit can remove the last language, clear a date or switch between a
// date and "as soon as possible": a missing field would keep the old
// value.
func (f *roleForm) roleInput(v *kit.View) (api.RoleInput, bool) {
	in := api.RoleInput{
		Title: ptr(f.Title), Description: ptr(f.Description), Remote: ptr(f.Remote),
		EssentialSkills: ptr(roleSkills(f.Essential)), OptionalSkills: ptr(roleSkills(f.Optional)),
		Languages: ptr(roleLanguages(f.Languages)), StartAsap: ptr(f.ASAP), StartDate: ptr(""),
		EndDate: ptr(f.EndDate), DayReleaseOk: ptr(f.DayRelease), ClosingDate: ptr(f.ClosingDate),
		Schedule: f.schedule(),
	}
	if f.Occupation != "" {
		in.Occupation = ptr(f.Occupation)
	}
	if f.Sector != "" {
		in.Sector = ptr(f.Sector)
	}
	if f.Contract != "" {
		in.Contract = ptr(api.Contract(f.Contract))
	}
	if f.Version > 0 {
		in.Version = ptr(f.Version)
	}
	if !f.ASAP {
		in.StartDate = ptr(f.StartDate)
	}
	if f.Site.Value != "" {
		in.Site = &api.RoleSite{PlaceID: ptr(f.Site.Value)}
	}
	ok := true
	for _, n := range []struct {
		field, text string
		into        **int
	}{{"hours_per_week", f.Hours, &in.HoursPerWeek}, {"positions", f.Positions, &in.Positions}} {
		if n.text == "" {
			continue
		}
		val, err := strconv.Atoi(n.text)
		if err != nil || val < 0 {
			v.AddError(n.field, v.T("ErrWholeNumber"))
			ok = false
			continue
		}
		if val > 0 {
			*n.into = ptr(val)
		}
	}
	return in, ok
}

func roleSkills(rows []skillRow) []api.RoleSkill {
	out := make([]api.RoleSkill, 0, len(rows))
	for _, r := range rows {
		out = append(out, api.RoleSkill{Skill: r.ID, MinLevel: r.Level})
	}
	return out
}
