package domain

import (
	"fmt"
	"net/mail"
	"regexp"
	"slices"

	"github.com/onward-jobs/onward/pkg/vocab"
)

var phonePattern = regexp.MustCompile(`^\+?[0-9 ()./-]{6,32}$`)

// Validate checks the whole spec and returns every problem at once, naming
// fields as the API spells them. today is "YYYY-MM-DD" in UTC. It fills
// the names and coordinates of gazetteer places.
func (s *Spec) Validate(v Vocabulary, today string) error {
	c := &checker{}
	s.Identity.validate(c, today)
	s.Profile.validate(c, v)
	return c.err()
}

func (id Identity) validate(c *checker, today string) {
	c.text("given_name", id.GivenName, true, MaxName)
	c.text("family_name", id.FamilyName, true, MaxName)
	c.text("preferred_name", id.PreferredName, false, MaxName)
	if id.DateOfBirth != "" && c.date("date_of_birth", id.DateOfBirth) {
		c.check(id.DateOfBirth > today, "date_of_birth", "must not be in the future")
		c.check(id.DateOfBirth < "1900-01-01", "date_of_birth", "must be after 1900")
	}
	if id.Phone != "" {
		c.check(!phonePattern.MatchString(id.Phone), "phone", "must be a phone number of digits, spaces and an optional leading +")
	}
	if id.Email != "" {
		a, err := mail.ParseAddress(id.Email)
		c.check(len(id.Email) > MaxEmail || err != nil || a.Address != id.Email, "email", "must be one e-mail address such as name@example.org")
	}
}

func (p *Profile) validate(c *checker, v Vocabulary) {
	if c.check(!p.Setting.Valid(), "setting", "must be one of detention_house, transition_house, released, probation") {
		return
	}
	if p.House != nil {
		c.check(!p.Setting.Housed(), "house", "applies only to detention_house and transition_house")
		checkPlace(c, v, "house.place_id", p.House)
	} else {
		c.check(p.Setting.Housed(), "house", "is required for a candidate in a house")
	}
	if p.DayRelease != nil {
		c.check(!p.Setting.Housed(), "day_release", "applies only to detention_house and transition_house")
		p.DayRelease.validate(c)
	}
	if p.Release != nil {
		p.Release.validate(c, v)
		if p.DayRelease != nil && validDate(p.DayRelease.EligibleFrom) && validDate(p.Release.ExpectedDate) {
			c.check(p.Release.ExpectedDate < p.DayRelease.EligibleFrom, "release.expected_date", "must not be before day_release.eligible_from")
		}
	}
	if !p.Setting.Housed() {
		c.check(p.Release == nil || p.Release.ReturnRegion == nil, "release.return_region", "is required for a released candidate or one on probation: matching measures distance from it")
	}
	p.validateLanguages(c)
	checkSectors(c, "excluded_sectors", p.ExcludedSectors)
	p.Preferences.validate(c)
}

func checkPlace(c *checker, v Vocabulary, field string, p *Place) {
	name, lat, lon, ok := v.Place(p.PlaceID)
	if c.check(!ok, field, "is not a known place id") {
		return
	}
	p.Name, p.Lat, p.Lon = name, lat, lon
}

func (d *DayRelease) validate(c *checker) {
	c.date("day_release.eligible_from", d.EligibleFrom)
	c.check(len(d.Days) == 0, "day_release.days", "must name at least one day")
	for i, day := range d.Days {
		c.check(!vocab.ValidWeekday(day), fmt.Sprintf("day_release.days[%d]", i), "must be one of mon, tue, wed, thu, fri, sat, sun")
		c.check(slices.Index(d.Days, day) != i, fmt.Sprintf("day_release.days[%d]", i), "is named twice")
	}
	okStart := !c.check(!validClock(d.Start), "day_release.start", "must be a time HH:MM")
	okEnd := !c.check(!validClock(d.End), "day_release.end", "must be a time HH:MM")
	if okStart && okEnd {
		c.check(d.End <= d.Start, "day_release.end", "must be after the start")
	}
	c.check(d.MaxCommuteKm < 1 || d.MaxCommuteKm > MaxCommuteKm, "day_release.max_commute_km", "must be between 1 and %d", MaxCommuteKm)
}

func (r *Release) validate(c *checker, v Vocabulary) {
	if r.ExpectedDate != "" {
		c.date("release.expected_date", r.ExpectedDate)
	}
	if r.ReturnRegion != nil {
		checkPlace(c, v, "release.return_region.place_id", &r.ReturnRegion.Place)
		c.check(r.ReturnRegion.RadiusKm < 1 || r.ReturnRegion.RadiusKm > MaxRadiusKm, "release.return_region.radius_km", "must be between 1 and %d", MaxRadiusKm)
	}
}

func (p *Profile) validateLanguages(c *checker) {
	c.check(len(p.Languages) > MaxLanguages, "languages", "may list at most %d languages", MaxLanguages)
	seen := map[string]bool{}
	for i, l := range p.Languages {
		f := fmt.Sprintf("languages[%d]", i)
		c.check(!vocab.ValidLanguage(l.Code), f+".code", "must be an ISO 639-1 code in lower case, such as nl")
		c.check(seen[l.Code], f+".code", "is named twice")
		c.check(vocab.CEFRRank(l.Level) < 0, f+".level", "must be a CEFR level A1–C2")
		seen[l.Code] = true
	}
}

func checkSectors(c *checker, field string, sectors []string) {
	for i, s := range sectors {
		f := fmt.Sprintf("%s[%d]", field, i)
		c.check(!vocab.ValidSector(s), f, "must be a NACE section letter A–U")
		c.check(slices.Index(sectors, s) != i, f, "is named twice")
	}
}

func (p Preferences) validate(c *checker) {
	checkSectors(c, "preferences.sectors", p.Sectors)
	c.check(p.HoursPerWeek < 0 || p.HoursPerWeek > MaxHoursPerWeek, "preferences.hours_per_week", "must be between 0 (no preference) and %d", MaxHoursPerWeek)
	for i, k := range p.Contracts {
		f := fmt.Sprintf("preferences.contracts[%d]", i)
		c.check(!vocab.ValidContract(k), f, "must be one of %v", vocab.Contracts)
		c.check(slices.Index(p.Contracts, k) != i, f, "is named twice")
	}
}
