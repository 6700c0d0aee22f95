package staff

import (
	"bytes"
	"encoding/json"
	"strconv"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// input turns the form into what the candidates service takes. House and
// day release go only with a housed setting; a number that is not a number
// is reported at its field. Lists are always sent, so an edit can empty
// them.
func (f *candidateForm) input(v *kit.View) (api.CandidateInput, bool) {
	t := f.Text
	setting := api.Setting(t["setting"])
	in := api.CandidateInput{
		GivenName: optional(t["given_name"]), FamilyName: optional(t["family_name"]), PreferredName: optional(t["preferred_name"]),
		DateOfBirth: optional(t["date_of_birth"]), Phone: optional(t["phone"]), Email: optional(t["email"]), Setting: &setting,
	}
	in.ExcludedSectors = new(append([]string{}, f.Excluded...))
	ok := true
	number := func(field string) int {
		if t[field] == "" {
			return 0
		}
		n, err := strconv.Atoi(t[field])
		if err != nil || n < 0 {
			v.AddError(field, v.T("ErrWholeNumber"))
			ok = false
		}
		return n
	}
	if f.Housed() {
		if f.House.Value != "" {
			in.House = &api.CandidatePlace{PlaceID: f.House.Value}
		}
		if t["dr_eligible_from"] != "" || len(f.Days) > 0 || t["dr_start"] != "" || t["dr_end"] != "" {
			days := []api.Weekday{}
			for _, d := range f.Days {
				days = append(days, api.Weekday(d))
			}
			in.DayRelease = &api.DayRelease{EligibleFrom: t["dr_eligible_from"], Days: days,
				Start: t["dr_start"], End: t["dr_end"], MaxCommuteKm: number("dr_commute")}
		}
	}
	if t["rel_date"] != "" || f.Region.Value != "" {
		in.Release = &api.Release{ExpectedDate: optional(t["rel_date"])}
		if f.Region.Value != "" {
			in.Release.ReturnRegion = &struct {
				Name     *string `json:"name,omitempty"`
				PlaceID  string  `json:"place_id"`
				RadiusKm int     `json:"radius_km"`
			}{PlaceID: f.Region.Value, RadiusKm: number("region_radius")}
		}
	}
	kinds := []api.Contract{}
	for _, ct := range f.PrefContracts {
		kinds = append(kinds, api.Contract(ct))
	}
	hours := number("pref_hours")
	in.Preferences = &api.Preferences{Sectors: new(append([]string{}, f.PrefSectors...)), Contracts: &kinds, HoursPerWeek: &hours}
	langs := []api.Language{}
	for _, l := range f.Languages {
		langs = append(langs, api.Language{Code: l.Code, Level: api.CEFRLevel(l.Level)})
	}
	in.Languages = &langs
	return in, ok
}

// clearable are the optional fields an edit clears with null.
var clearable = []string{"preferred_name", "date_of_birth", "phone", "email", "house", "day_release", "release"}

// patchBody is the edit page's PATCH body: every field, null for an
// optional one left empty (a missing field would keep its old value), and
// the version the form was loaded at. The generated PATCH type leaves an
// empty field out instead, so the body is written from the input here.
func patchBody(in api.CandidateInput, version int) (*bytes.Reader, error) {
	buf, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	body := map[string]any{}
	if err := json.Unmarshal(buf, &body); err != nil {
		return nil, err
	}
	for _, k := range clearable {
		if _, ok := body[k]; !ok {
			body[k] = nil
		}
	}
	body["version"] = version
	buf, err = json.Marshal(body)
	return bytes.NewReader(buf), err
}
