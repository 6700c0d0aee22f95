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
		Title: kit.Ptr(f.Title), Description: kit.Ptr(f.Description), Remote: kit.Ptr(f.Remote),
		EssentialSkills: kit.Ptr(roleSkills(f.Essential)), OptionalSkills: kit.Ptr(roleSkills(f.Optional)),
		Languages: kit.Ptr(roleLanguages(f.Languages)), StartAsap: kit.Ptr(f.ASAP), StartDate: kit.Ptr(""),
		EndDate: kit.Ptr(f.EndDate), DayReleaseOk: kit.Ptr(f.DayRelease), ClosingDate: kit.Ptr(f.ClosingDate),
		Schedule: f.schedule(),
	}
	if f.Occupation != "" {
		in.Occupation = kit.Ptr(f.Occupation)
	}
	if f.Sector != "" {
		in.Sector = kit.Ptr(f.Sector)
	}
	if f.Contract != "" {
		in.Contract = kit.Ptr(api.Contract(f.Contract))
	}
	if f.Version > 0 {
		in.Version = kit.Ptr(f.Version)
	}
	if !f.ASAP {
		in.StartDate = kit.Ptr(f.StartDate)
	}
	if f.Site.Value != "" {
		in.Site = &api.RoleSite{PlaceID: kit.Ptr(f.Site.Value)}
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
			*n.into = kit.Ptr(val)
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
