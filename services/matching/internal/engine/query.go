package engine

import "strings"

// maxRequirements bounds the requirements of a role that scoring reads, so
// a requirement fits a byte; roles list a dozen at most.
const maxRequirements = 200

// compiledRole is a role in the form scoring reads. It does not depend on
// "today"; startOn resolves the start date.
type compiledRole struct {
	id        string
	startDate Day
	remote    bool
	site      site
	sector    uint32 // the role's sector bit
	dayRelOK  bool
	shiftDays uint8 // weekdays of the shifts
	// shiftStart and shiftEnd bound every shift: the earliest start and
	// latest end; overnight is true when a shift ends before it starts.
	shiftStart, shiftEnd int32
	overnight            bool
	hasShifts            bool
	shifts               []Shift
	reqs                 []compiledReq
	nEssential           int
	links                []link
	langs                []LanguageRequirement
	hoursWeek            int32
	contract             string
	// sig is the signature of every skill earning essential credit; a
	// candidate whose signature misses it cannot qualify.
	sig uint32
}

// compiledReq is one skill requirement; essential ones come first.
type compiledReq struct {
	name      string
	skill     skillID
	known     bool
	min       int32
	essential bool
}

// compileRole builds the scoring form of r with the skills of t, interning
// skills t does not know yet (the index does so under its write lock).
func compileRole(r *Role, t *skillTable) *compiledRole {
	c := &compiledRole{
		id:        r.ID,
		startDate: r.StartDate,
		remote:    r.Site == nil,
		sector:    sectorBit(r.Sector),
		dayRelOK:  r.DayReleaseOK,
		hoursWeek: clampInt32(r.HoursPerWeek),
		contract:  r.Contract,
	}
	if r.Site != nil {
		c.site = newSite(toPoint32(*r.Site))
	}
	for i, s := range r.Shifts {
		c.addShift(i, s)
	}
	c.shifts = r.Shifts
	add := func(reqs []Requirement, essential bool) {
		for _, q := range reqs {
			if len(c.reqs) >= maxRequirements {
				return
			}
			id, ok := t.intern(q.Skill)
			c.reqs = append(c.reqs, compiledReq{name: q.Skill, skill: id, known: ok,
				min: clampInt32(max(q.MinLevel, 1)), essential: essential})
		}
	}
	add(r.Essential, true)
	c.nEssential = len(c.reqs)
	add(r.Optional, false)
	c.links = t.linksFor(c.reqs)
	for _, l := range r.Languages {
		c.langs = append(c.langs, LanguageRequirement{Code: strings.ToLower(l.Code), MinRank: l.MinRank})
	}
	return c
}

// startOn is the day the role starts, seen on today: its start date, or
// today when it has none or it has passed ("as soon as possible").
func (c *compiledRole) startOn(today Day) Day {
	return max(c.startDate, today)
}

// scheduleFits reports whether every shift lies inside the day-release
// window: on a permitted weekday, starting no earlier and ending no later
// than allowed. A role that names no shifts fits.
func (c *compiledRole) scheduleFits(d *drWindow) bool {
	if !c.hasShifts {
		return true
	}
	return !c.overnight && c.shiftDays&^d.days == 0 && c.shiftStart >= d.start && c.shiftEnd <= d.end
}

// addShift folds the i-th shift into the bounds of all shifts.
func (c *compiledRole) addShift(i int, s Shift) {
	if s.Weekday >= 0 && s.Weekday < 7 {
		c.shiftDays |= 1 << s.Weekday
	} else {
		c.shiftDays |= 1 << 7 // no candidate permits an unknown day
	}
	st, en := clampInt32(s.Start), clampInt32(s.End)
	if i == 0 || st < c.shiftStart {
		c.shiftStart = st
	}
	if i == 0 || en > c.shiftEnd {
		c.shiftEnd = en
	}
	if en <= st {
		c.overnight = true
	}
	c.hasShifts = true
}
