package domain

import (
	"fmt"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Limits on what a role may hold.
const (
	MaxTitle       = 120
	MaxDescription = 5000
	MaxSkills      = 30
	MaxLanguages   = 10
	// MaxPositions bounds the people one role hires: more is a hiring
	// campaign, posted as several roles, and an unbounded number once
	// took 9223372036854775807.
	MaxPositions = 100
	MaxShifts    = 21
)

// Vocabulary answers whether the ids a role names exist. The service backs
// it with the embedded skills taxonomy and gazetteer.
type Vocabulary interface {
	SkillExists(id string) bool
	// Occupation returns the template's essential and optional skills.
	Occupation(id string) (essential, optional []SkillRequirement, ok bool)
	// Place returns a gazetteer place's name and coordinates.
	Place(id string) (name string, lat, lon float64, ok bool)
}

// ApplyTemplate fills the skills of a new role from its occupation when the
// employer left them out, so a role can start from a template and be
// adjusted. An empty list sent on purpose is kept.
func (s *RoleSpec) ApplyTemplate(v Vocabulary) {
	if s.Occupation == "" || s.EssentialSkills != nil {
		return
	}
	ess, opt, ok := v.Occupation(s.Occupation)
	if !ok {
		return
	}
	s.EssentialSkills = ess
	if s.OptionalSkills == nil {
		s.OptionalSkills = opt
	}
}

// Validate checks the whole spec and returns every problem at once, naming
// fields as the API spells them. today is "YYYY-MM-DD" in UTC. It fills a
// gazetteer site's name and coordinates.
func (s *RoleSpec) Validate(v Vocabulary, today string) error {
	return s.validate(v, today, nil)
}

// ValidateChange is Validate for an edit of before: a start or closing date
// the edit leaves as it was may lie in the past by now.
func (s *RoleSpec) ValidateChange(v Vocabulary, today string, before RoleSpec) error {
	return s.validate(v, today, &before)
}

func (s *RoleSpec) validate(v Vocabulary, today string, before *RoleSpec) error {
	c := &checker{}
	n := utf8.RuneCountInString(s.Title)
	c.check(n == 0, "title", "is required")
	c.check(n > MaxTitle, "title", "must be at most %d characters long", MaxTitle)
	c.check(utf8.RuneCountInString(s.Description) > MaxDescription, "description", "must be at most %d characters long", MaxDescription)
	if s.Occupation != "" {
		_, _, ok := v.Occupation(s.Occupation)
		c.check(!ok, "occupation", "is not a known occupation id")
	}
	c.check(!ValidSector(s.Sector), "sector", "must be a NACE Rev. 2 section letter A–U")
	s.validateSite(c, v)
	s.validateSkills(c, v)
	s.validateLanguages(c)
	if s.Schedule != nil {
		s.Schedule.validate(c)
	}
	c.check(s.HoursPerWeek < 1 || s.HoursPerWeek > 60, "hours_per_week", "must be between 1 and 60")
	c.check(!slices.Contains(Contracts, s.Contract), "contract", "must be one of: %v", Contracts)
	c.check(s.Positions < 1 || s.Positions > MaxPositions, "positions", "must be between 1 and %d", MaxPositions)
	s.validateDates(c, today, before)
	return c.err()
}

func (s *RoleSpec) validateSite(c *checker, v Vocabulary) {
	if s.Site == nil {
		c.check(!s.Remote, "site", "is required unless the role is remote")
		return
	}
	if s.Site.PlaceID != "" {
		name, lat, lon, ok := v.Place(s.Site.PlaceID)
		if c.check(!ok, "site.place_id", "is not a known place id") {
			return
		}
		if s.Site.Name == "" {
			s.Site.Name = name
		}
		s.Site.Lat, s.Site.Lon = &lat, &lon
		return
	}
	c.check(s.Site.Name == "", "site.name", "is required without a place_id")
	c.check(s.Site.Lat == nil || *s.Site.Lat < -90 || *s.Site.Lat > 90, "site.lat", "must be a latitude between -90 and 90")
	c.check(s.Site.Lon == nil || *s.Site.Lon < -180 || *s.Site.Lon > 180, "site.lon", "must be a longitude between -180 and 180")
}

func (s *RoleSpec) validateSkills(c *checker, v Vocabulary) {
	c.check(len(s.EssentialSkills) == 0, "essential_skills", "must name at least one skill (or give an occupation to start from)")
	c.check(len(s.EssentialSkills)+len(s.OptionalSkills) > MaxSkills, "essential_skills", "a role may name at most %d skills in all", MaxSkills)
	seen := map[string]bool{}
	lists := []struct {
		name string
		reqs []SkillRequirement
	}{{"essential_skills", s.EssentialSkills}, {"optional_skills", s.OptionalSkills}}
	for _, l := range lists {
		name := l.name
		for i, r := range l.reqs {
			f := fmt.Sprintf("%s[%d]", name, i)
			c.check(!v.SkillExists(r.Skill), f+".skill", "is not a known skill id")
			c.check(r.MinLevel < 1 || r.MinLevel > 4, f+".min_level", "must be between 1 and 4")
			c.check(seen[r.Skill] && r.Skill != "", f+".skill", "is named twice")
			seen[r.Skill] = true
		}
	}
}

func (s *RoleSpec) validateLanguages(c *checker) {
	c.check(len(s.Languages) > MaxLanguages, "languages", "may list at most %d languages", MaxLanguages)
	for i, l := range s.Languages {
		f := fmt.Sprintf("languages[%d]", i)
		c.check(!ValidLanguage(l.Code), f+".code", "must be an ISO 639-1 code in lower case, such as nl")
		c.check(!slices.Contains(CEFRLevels, l.MinLevel), f+".min_level", "must be a CEFR level A1–C2")
	}
}

func (sc *Schedule) validate(c *checker) {
	if len(sc.Shifts) > 0 {
		c.check(len(sc.Days) > 0 || sc.Start != "" || sc.End != "", "schedule", "give either days with start and end, or shifts, not both")
		c.check(len(sc.Shifts) > MaxShifts, "schedule.shifts", "may list at most %d shifts", MaxShifts)
		for i, sh := range sc.Shifts {
			f := fmt.Sprintf("schedule.shifts[%d]", i)
			c.check(!slices.Contains(Weekdays, sh.Day), f+".day", "must be one of mon, tue, wed, thu, fri, sat, sun")
			checkWindow(c, f, sh.Start, sh.End)
		}
		return
	}
	c.check(len(sc.Days) == 0, "schedule.days", "must name at least one day, or give shifts")
	for i, d := range sc.Days {
		c.check(!slices.Contains(Weekdays, d), fmt.Sprintf("schedule.days[%d]", i), "must be one of mon, tue, wed, thu, fri, sat, sun")
	}
	checkWindow(c, "schedule", sc.Start, sc.End)
}

func checkWindow(c *checker, prefix, start, end string) {
	okStart := !c.check(!validClock(start), prefix+".start", "must be a time HH:MM")
	okEnd := !c.check(!validClock(end), prefix+".end", "must be a time HH:MM")
	if okStart && okEnd {
		c.check(end <= start, prefix+".end", "must be after the start")
	}
}

func (s *RoleSpec) validateDates(c *checker, today string, before *RoleSpec) {
	keptStart := before != nil && before.StartDate == s.StartDate
	keptClosing := before != nil && before.ClosingDate == s.ClosingDate
	switch {
	case s.StartASAP && s.StartDate != "":
		c.add("start_date", "give a start date or start_asap, not both")
	case !s.StartASAP && s.StartDate == "":
		c.add("start_date", "is required unless start_asap is true")
	case s.StartDate != "" && !validDate(s.StartDate):
		c.add("start_date", "must be a date YYYY-MM-DD")
	case s.StartDate != "" && s.StartDate < today && !keptStart:
		c.add("start_date", "must not be in the past")
	}
	needsEnd := s.Contract == "fixed_term" || s.Contract == "temporary"
	switch {
	case s.EndDate == "":
		c.check(needsEnd, "end_date", "is required for a %s contract", s.Contract)
	case !validDate(s.EndDate):
		c.add("end_date", "must be a date YYYY-MM-DD")
	case s.EndDate <= s.StartDate || (s.StartDate == "" && s.EndDate <= today):
		c.add("end_date", "must be after the start date")
	}
	checkClosing(c, s.ClosingDate, today, keptClosing)
}

// CheckClosingDate checks s's closing date alone, as Validate does for an
// edit of before: for a status change that sets the date.
func CheckClosingDate(s, before RoleSpec, today string) error {
	c := &checker{}
	checkClosing(c, s.ClosingDate, today, s.ClosingDate == before.ClosingDate)
	return c.err()
}

func checkClosing(c *checker, date, today string, kept bool) {
	if date != "" {
		c.check(!validDate(date), "closing_date", "must be a date YYYY-MM-DD")
		c.check(validDate(date) && date < today && !kept, "closing_date", "must not be in the past")
	}
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func validClock(s string) bool {
	_, err := time.Parse("15:04", s)
	return err == nil && len(s) == 5
}

// checker collects field errors so a client hears about all of them at once.
type checker struct{ fields []errs.FieldError }

// check records the problem when bad holds and reports bad.
func (c *checker) check(bad bool, field, format string, args ...any) bool {
	if bad {
		c.add(field, format, args...)
	}
	return bad
}

func (c *checker) add(field, format string, args ...any) {
	c.fields = append(c.fields, errs.FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

func (c *checker) err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return &errs.ValidationError{Fields: c.fields}
}
