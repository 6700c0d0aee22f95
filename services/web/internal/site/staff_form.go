package site

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// The candidate form: identity, setting and availability. The register
// wizard shows it in two steps, carrying the other step's values in
// hidden fields (nothing is stored before the last step's POST); the edit
// page shows it whole. Its state lives in the form only.

// candidateSettings are where a candidate is ("StaffSetting_<setting>").
var candidateSettings = []string{"detention_house", "transition_house", "released", "probation"}

// housed reports whether a setting has a house, and so day release.
func housed(setting string) bool {
	return setting == "detention_house" || setting == "transition_house"
}

// identityFields are the form fields of the wizard's first step.
var identityFields = []string{"given_name", "family_name", "preferred_name", "date_of_birth", "phone", "email"}

// scalarFields are the form's single-valued fields besides the identity
// and the pickers.
var scalarFields = []string{"setting", "dr_eligible_from", "dr_start", "dr_end", "dr_commute", "rel_date", "region_radius", "pref_hours"}

// Defaults a new form starts with.
const (
	defaultCommuteKm = "25"
	defaultRadiusKm  = "30"
)

// candidateForm is the candidate form's state.
type candidateForm struct {
	// Text holds the identity and the scalar fields by form name.
	Text                         map[string]string
	Days, Excluded               []string
	PrefSectors, PrefContracts   []string
	Languages                    []languageRow
	House, Region                *pickerData
	Version                      int
	DayChoices, SectorChoices    []choice
	PrefSectorChoices, Contracts []choice
	Settings                     []choice
	LangRows                     []languageRowView
	LangNew, CEFR                []choice
}

// Get is the value of one single-valued field.
func (f *candidateForm) Get(name string) string { return f.Text[name] }

// Housed reports whether the chosen setting has a house.
func (f *candidateForm) Housed() bool { return housed(f.Text["setting"]) }

func (s *site) housePicker(c *fiber.Ctx, v *view, read bool) *pickerData {
	spec := pickerSpec{Name: "house", Kind: placesCatalogue, LabelID: "StaffField_house", HintID: "StaffHintHouse"}
	if read {
		return s.picker(c, v, spec)
	}
	v.usesPicker = true
	return newPickerData(v, spec)
}

func (s *site) regionPicker(c *fiber.Ctx, v *view, read bool) *pickerData {
	spec := pickerSpec{Name: "region", Kind: placesCatalogue, LabelID: "StaffField_region", HintID: "StaffHintRegion"}
	if read {
		return s.picker(c, v, spec)
	}
	v.usesPicker = true
	return newPickerData(v, spec)
}

// newCandidateForm is an empty form with its defaults.
func (s *site) newCandidateForm(c *fiber.Ctx, v *view) *candidateForm {
	return &candidateForm{
		Text:  map[string]string{"dr_commute": defaultCommuteKm, "region_radius": defaultRadiusKm},
		House: s.housePicker(c, v, false), Region: s.regionPicker(c, v, false),
	}
}

// readCandidateForm reads the posted form, applying a "remove" button on
// a language row and adding the language chosen under "add a language".
func (s *site) readCandidateForm(c *fiber.Ctx, v *view) *candidateForm {
	f := &candidateForm{Text: map[string]string{}}
	for _, name := range append(slices.Clone(identityFields), scalarFields...) {
		f.Text[name] = formText(c, name)
	}
	f.Days = onlyKnown(formList(c, "dr_days"), weekdays)
	f.Excluded = onlyKnown(formList(c, "excluded_sectors"), naceSections)
	f.PrefSectors = onlyKnown(formList(c, "pref_sectors"), naceSections)
	f.PrefContracts = onlyKnown(formList(c, "pref_contracts"), contracts)
	f.Languages = readLanguageRows(c)
	if rest, ok := strings.CutPrefix(formText(c, "remove"), "lang:"); ok {
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(f.Languages) {
			f.Languages = slices.Delete(f.Languages, i, i+1)
		}
	}
	f.Version, _ = strconv.Atoi(formText(c, "version"))
	f.House, f.Region = s.housePicker(c, v, true), s.regionPicker(c, v, true)
	return f
}

// formFromCandidate fills the form from a stored candidate, for editing.
func (s *site) formFromCandidate(c *fiber.Ctx, v *view, k candidate) *candidateForm {
	f := s.newCandidateForm(c, v)
	f.Version = k.Version
	for name, val := range map[string]string{"given_name": k.GivenName, "family_name": k.FamilyName, "preferred_name": k.PreferredName,
		"date_of_birth": k.DateOfBirth, "phone": k.Phone, "email": k.Email, "setting": k.Setting} {
		f.Text[name] = val
	}
	if k.House != nil {
		f.House.Value, f.House.Text = k.House.PlaceID, placeText(*k.House)
	}
	if d := k.DayRelease; d != nil {
		f.Text["dr_eligible_from"], f.Text["dr_start"], f.Text["dr_end"] = d.EligibleFrom, d.Start, d.End
		f.Text["dr_commute"] = strconv.Itoa(d.MaxCommuteKm)
		f.Days = onlyKnown(d.Days, weekdays)
	}
	if r := k.Release; r != nil {
		f.Text["rel_date"] = r.ExpectedDate
		if rr := r.ReturnRegion; rr != nil {
			f.Region.Value, f.Region.Text = rr.PlaceID, placeText(namedPlace{PlaceID: rr.PlaceID, Name: rr.Name})
			f.Text["region_radius"] = strconv.Itoa(rr.RadiusKm)
		}
	}
	for _, l := range k.Languages {
		f.Languages = append(f.Languages, languageRow{Code: l.Code, Level: l.Level})
	}
	f.Excluded = onlyKnown(k.ExcludedSectors, naceSections)
	f.PrefSectors = onlyKnown(k.Preferences.Sectors, naceSections)
	f.PrefContracts = onlyKnown(k.Preferences.Contracts, contracts)
	if k.Preferences.HoursPerWeek > 0 {
		f.Text["pref_hours"] = strconv.Itoa(k.Preferences.HoursPerWeek)
	}
	return f
}

// placeText is a place's name, or its id when the service sent no name.
func placeText(p namedPlace) string {
	if p.Name != "" {
		return p.Name
	}
	return p.PlaceID
}

// values writes the whole form as fields, for hidden inputs.
func (f *candidateForm) values() url.Values {
	q := url.Values{}
	for k, val := range f.Text {
		if val != "" {
			q.Set(k, val)
		}
	}
	q["dr_days"], q["excluded_sectors"] = f.Days, f.Excluded
	q["pref_sectors"], q["pref_contracts"] = f.PrefSectors, f.PrefContracts
	for _, l := range f.Languages {
		q.Add("lang_code", l.Code)
		q.Add("lang_level", l.Level)
	}
	for _, p := range []*pickerData{f.House, f.Region} {
		if p.Value != "" {
			q.Set(p.Name, p.Value)
			q.Set(p.Name+"_q", p.Text)
			q.Set(p.Name+"_shown", p.Text)
		}
	}
	return q
}

// hidden is the form's state without the fields a step shows itself.
func (f *candidateForm) hidden(step int) url.Values {
	q := f.values()
	for k := range q {
		if slices.Contains(identityFields, k) == (step == 1) {
			q.Del(k)
		}
	}
	return q
}

// input turns the form into what the candidates service takes. House and
// day release go only with a housed setting; a number that is not a
// number is reported at its field.
func (f *candidateForm) input(v *view) (candidateInput, bool) {
	t := f.Text
	in := candidateInput{
		GivenName: t["given_name"], FamilyName: t["family_name"], PreferredName: t["preferred_name"],
		DateOfBirth: t["date_of_birth"], Phone: t["phone"], Email: t["email"], Setting: t["setting"],
		Languages: []candidateLanguage{}, ExcludedSectors: append([]string{}, f.Excluded...),
		Preferences: candidatePreferences{Sectors: append([]string{}, f.PrefSectors...), Contracts: append([]string{}, f.PrefContracts...)},
	}
	ok := true
	number := func(field string) int {
		if t[field] == "" {
			return 0
		}
		n, err := strconv.Atoi(t[field])
		if err != nil || n < 0 {
			v.addError(field, v.T("ErrWholeNumber"))
			ok = false
		}
		return n
	}
	if f.Housed() {
		if f.House.Value != "" {
			in.House = &placeRef{PlaceID: f.House.Value}
		}
		if t["dr_eligible_from"] != "" || len(f.Days) > 0 || t["dr_start"] != "" || t["dr_end"] != "" {
			in.DayRelease = &dayRelease{EligibleFrom: t["dr_eligible_from"], Days: append([]string{}, f.Days...),
				Start: t["dr_start"], End: t["dr_end"], MaxCommuteKm: number("dr_commute")}
		}
	}
	if t["rel_date"] != "" || f.Region.Value != "" {
		in.Release = &releasePlan{ExpectedDate: t["rel_date"]}
		if f.Region.Value != "" {
			in.Release.ReturnRegion = &returnRegion{PlaceID: f.Region.Value, RadiusKm: number("region_radius")}
		}
	}
	in.Preferences.HoursPerWeek = number("pref_hours")
	for _, l := range f.Languages {
		in.Languages = append(in.Languages, candidateLanguage{Code: l.Code, Level: l.Level})
	}
	return in, ok
}

// checkIdentity is the wizard's own check before step 2: a given and a
// family name. Everything else the candidates service checks.
func (f *candidateForm) checkIdentity(v *view) bool {
	for _, name := range []string{"given_name", "family_name"} {
		if f.Text[name] == "" {
			v.addError(name, v.T("StaffErrName"))
		}
	}
	return len(v.Errors) == 0
}

// prepare names the form's choices in the user's language and copies its
// text into the view, for Val and the field errors.
func (f *candidateForm) prepare(v *view) {
	for k, val := range f.Text {
		v.Form[k] = val
	}
	f.Settings = choices(v, "StaffSetting_", candidateSettings, f.Text["setting"])
	for i := range f.Settings {
		f.Settings[i].Hint = v.T("StaffSettingHint_" + f.Settings[i].Value)
	}
	f.DayChoices = choices(v, "Day_", weekdays, f.Days...)
	f.SectorChoices = choices(v, "Nace_", naceSections, f.Excluded...)
	f.PrefSectorChoices = choices(v, "Nace_", naceSections, f.PrefSectors...)
	f.Contracts = choices(v, "Contract_", contracts, f.PrefContracts...)
	f.LangRows, f.LangNew, f.CEFR = languageRowViews(v, f.Languages), languageChoices(v, ""), cefrChoices(v)
}
