package staff

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The candidate form: identity, setting and availability. The register
// wizard shows it in two steps, carrying the other step's values in hidden
// fields (nothing is stored before the last step's POST); the edit page
// shows it whole. Its state lives in the form only.

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

// The pickers of the candidate form: the house and the return region.
var (
	houseSpec  = kit.PickerSpec{Name: "house", Kind: kit.Places, LabelID: "StaffField_house", HintID: "StaffHintHouse"}
	regionSpec = kit.PickerSpec{Name: "region", Kind: kit.Places, LabelID: "StaffField_region", HintID: "StaffHintRegion"}
)

// candidateForm is the candidate form's state.
type candidateForm struct {
	// Text holds the identity and the scalar fields by form name.
	Text                         map[string]string
	Days, Excluded               []string
	PrefSectors, PrefContracts   []string
	Languages                    []kit.LanguageRow
	House, Region                *kit.Picker
	Version                      int
	DayChoices, SectorChoices    []kit.Choice
	PrefSectorChoices, Contracts []kit.Choice
	Settings                     []kit.Choice
	LangRows                     []kit.LanguageRowView
	LangNew, CEFR                []kit.Choice
}

// Get is the value of one single-valued field.
func (f *candidateForm) Get(name string) string { return f.Text[name] }

// Housed reports whether the chosen setting has a house.
func (f *candidateForm) Housed() bool { return housed(f.Text["setting"]) }

// newCandidateForm is an empty form with its defaults.
func (p *Pages) newCandidateForm(c *fiber.Ctx, v *kit.View) *candidateForm {
	return &candidateForm{
		Text:  map[string]string{"dr_commute": defaultCommuteKm, "region_radius": defaultRadiusKm},
		House: p.kit.Picker(c, v, houseSpec), Region: p.kit.Picker(c, v, regionSpec),
	}
}

// readCandidateForm reads the posted form, applying a "remove" button on a
// language row and adding the language chosen under "add a language".
func (p *Pages) readCandidateForm(c *fiber.Ctx, v *kit.View) *candidateForm {
	f := &candidateForm{Text: map[string]string{}}
	for _, name := range append(slices.Clone(identityFields), scalarFields...) {
		f.Text[name] = kit.FormText(c, name)
	}
	f.Days = onlyKnown(kit.FormList(c, "dr_days"), weekdays)
	f.Excluded = onlyKnown(kit.FormList(c, "excluded_sectors"), naceSections)
	f.PrefSectors = onlyKnown(kit.FormList(c, "pref_sectors"), naceSections)
	f.PrefContracts = onlyKnown(kit.FormList(c, "pref_contracts"), contracts)
	f.Languages = kit.ReadLanguageRows(c)
	if rest, ok := strings.CutPrefix(kit.FormText(c, "remove"), "lang:"); ok {
		if i, err := strconv.Atoi(rest); err == nil && i >= 0 && i < len(f.Languages) {
			f.Languages = slices.Delete(f.Languages, i, i+1)
		}
	}
	f.Version, _ = strconv.Atoi(kit.FormText(c, "version"))
	f.House, f.Region = p.kit.Picker(c, v, houseSpec), p.kit.Picker(c, v, regionSpec)
	return f
}

// formFromCandidate fills the form from a stored candidate, for editing.
func (p *Pages) formFromCandidate(c *fiber.Ctx, v *kit.View, k api.Candidate) *candidateForm {
	f := p.newCandidateForm(c, v)
	f.Version = int(k.Version)
	for name, val := range map[string]*string{"given_name": k.GivenName, "family_name": k.FamilyName, "preferred_name": k.PreferredName,
		"date_of_birth": k.DateOfBirth, "phone": k.Phone, "email": k.Email} {
		f.Text[name] = kit.Deref(val)
	}
	f.Text["setting"] = string(kit.Deref(k.Setting))
	if k.House != nil {
		f.House.Value, f.House.Text = k.House.PlaceID, placeText(*k.House)
	}
	if d := k.DayRelease; d != nil {
		f.Text["dr_eligible_from"], f.Text["dr_start"], f.Text["dr_end"] = d.EligibleFrom, d.Start, d.End
		f.Text["dr_commute"] = strconv.Itoa(d.MaxCommuteKm)
		f.Days = onlyKnown(weekdayStrings(d.Days), weekdays)
	}
	if r := k.Release; r != nil {
		f.Text["rel_date"] = kit.Deref(r.ExpectedDate)
		if rr := r.ReturnRegion; rr != nil {
			f.Region.Value, f.Region.Text = rr.PlaceID, placeText(api.CandidatePlace{PlaceID: rr.PlaceID, Name: rr.Name})
			f.Text["region_radius"] = strconv.Itoa(rr.RadiusKm)
		}
	}
	for _, l := range kit.Deref(k.Languages) {
		f.Languages = append(f.Languages, kit.LanguageRow{Code: l.Code, Level: string(l.Level)})
	}
	prefs := kit.Deref(k.Preferences)
	f.Excluded = onlyKnown(kit.Deref(k.ExcludedSectors), naceSections)
	f.PrefSectors = onlyKnown(kit.Deref(prefs.Sectors), naceSections)
	f.PrefContracts = onlyKnown(contractStrings(kit.Deref(prefs.Contracts)), contracts)
	if hours := kit.Deref(prefs.HoursPerWeek); hours > 0 {
		f.Text["pref_hours"] = strconv.Itoa(hours)
	}
	return f
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
	for _, pk := range []*kit.Picker{f.House, f.Region} {
		if pk.Value != "" {
			q.Set(pk.Name, pk.Value)
			q.Set(pk.Name+"_q", pk.Text)
			q.Set(pk.Name+"_shown", pk.Text)
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

// checkIdentity is the wizard's own check before step 2: a given and a
// family name. Everything else the candidates service checks.
func (f *candidateForm) checkIdentity(v *kit.View) bool {
	for _, name := range []string{"given_name", "family_name"} {
		if f.Text[name] == "" {
			v.AddError(name, v.T("StaffErrName"))
		}
	}
	return len(v.Errors) == 0
}

// prepare names the form's choices in the user's language and copies its
// text into the view, for Val and the field errors.
func (f *candidateForm) prepare(v *kit.View) {
	for k, val := range f.Text {
		v.Form[k] = val
	}
	f.Settings = kit.Choices(v, "StaffSetting_", candidateSettings, f.Text["setting"])
	for i := range f.Settings {
		f.Settings[i].Hint = v.T("StaffSettingHint_" + f.Settings[i].Value)
	}
	f.DayChoices = kit.Choices(v, "Day_", weekdays, f.Days...)
	f.SectorChoices = kit.Choices(v, "Nace_", naceSections, f.Excluded...)
	f.PrefSectorChoices = kit.Choices(v, "Nace_", naceSections, f.PrefSectors...)
	f.Contracts = kit.Choices(v, "Contract_", contracts, f.PrefContracts...)
	f.LangRows, f.LangNew, f.CEFR = kit.LanguageRowViews(v, f.Languages), kit.LanguageChoices(v, ""), kit.CEFRChoices(v)
}
