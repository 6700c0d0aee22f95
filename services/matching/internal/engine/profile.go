package engine

import (
	"math"
	"slices"
	"strings"
)

// dayMax stands for "no end" in availability windows.
const dayMax = Day(math.MaxInt32)

// profile is a candidate in the form scoring reads: skills interned and
// sorted, positions in float32, sectors as bit masks. The index keeps it in
// compact columns and decodes it on demand; the reference builds it
// straight from a Candidate. Both then call the same evaluate.
type profile struct {
	housed     bool
	hasHouse   bool
	house      point32
	hasDR      bool
	dr         drWindow
	release    Day
	hasRegion  bool
	region     point32
	radiusKm   int32
	excluded   uint32 // sector bits ruled out
	preferred  uint32 // sector bits preferred
	langs      []langRank
	skills     []skillRec // sorted by id
	certs      int
	hoursWeek  int32
	contracts  []string
	alias, org string
}

// drWindow is a day-release permission in scoring form.
type drWindow struct {
	eligible   Day
	days       uint8
	start, end int32
	commuteKm  int32
}

// langRank is one language a candidate speaks.
type langRank struct {
	code string
	rank int32
}

// skillRec is one skill a candidate holds.
type skillRec struct {
	id       skillID
	level    int8
	attested bool
	hours    int32
}

// sectorBit maps a NACE section letter (either case) to its bit; anything
// else maps to no bit, so it neither excludes nor is excluded.
func sectorBit(s string) uint32 {
	if len(s) != 1 {
		return 0
	}
	c := s[0] | 0x20 // lower case
	if c < 'a' || c > 'z' {
		return 0
	}
	return 1 << (c - 'a')
}

// sectorMask ORs the bits of sectors.
func sectorMask(sectors []string) uint32 {
	var m uint32
	for _, s := range sectors {
		m |= sectorBit(s)
	}
	return m
}

// clampInt32 keeps an int inside int32 so odd input cannot wrap.
func clampInt32(v int) int32 {
	return int32(max(min(v, math.MaxInt32), math.MinInt32))
}

// newProfile builds the scoring form of c, interning skills with intern.
// Skills that cannot be interned are left out; duplicates keep the best
// level (and, at equal level, the most hours).
func newProfile(c *Candidate, intern func(string) (skillID, bool)) profile {
	p := profile{
		housed:    c.Housed,
		release:   c.ReleaseDate,
		excluded:  sectorMask(c.ExcludedSectors),
		preferred: sectorMask(c.PreferredSectors),
		certs:     len(c.Certificates),
		hoursWeek: clampInt32(c.HoursPerWeek),
		contracts: c.Contracts,
		alias:     c.Alias,
		org:       c.OrgID,
	}
	if c.House != nil {
		p.hasHouse, p.house = true, toPoint32(*c.House)
	}
	if d := c.DayRelease; d != nil {
		p.hasDR = true
		p.dr = drWindow{eligible: d.EligibleFrom, days: d.Days & 0x7f, start: clampInt32(d.Start),
			end: clampInt32(d.End), commuteKm: clampInt32(d.MaxCommuteKm)}
	}
	if r := c.ReturnRegion; r != nil {
		p.hasRegion, p.region, p.radiusKm = true, toPoint32(r.Point), clampInt32(r.RadiusKm)
	}
	for _, l := range c.Languages {
		p.langs = append(p.langs, langRank{strings.ToLower(l.Code), clampInt32(l.Rank)})
	}
	for _, s := range c.Skills {
		id, ok := intern(s.ID)
		if !ok {
			continue
		}
		lvl := int8(max(min(s.Level, 127), -128))
		p.skills = append(p.skills, skillRec{id: id, level: lvl, attested: s.Attested, hours: clampInt32(s.Hours)})
	}
	p.skills = normalizeSkills(p.skills)
	return p
}

// normalizeSkills sorts skills by id and keeps one record per skill: the
// highest level, then attested, then the most hours.
func normalizeSkills(s []skillRec) []skillRec {
	better := func(a, b skillRec) int {
		if a.level != b.level {
			return int(b.level) - int(a.level)
		}
		if a.attested != b.attested {
			if a.attested {
				return -1
			}
			return 1
		}
		return int(b.hours) - int(a.hours)
	}
	slices.SortFunc(s, func(a, b skillRec) int {
		if a.id != b.id {
			return int(a.id) - int(b.id)
		}
		return better(a, b)
	})
	return slices.CompactFunc(s, func(a, b skillRec) bool { return a.id == b.id })
}

// mode is how a candidate would start a role: on day release from the
// house, or after release from the return region.
type mode uint8

// The two modes.
const (
	modeDayRelease mode = iota
	modeRegion
)

// modeAt says how the candidate would start on day start: a housed
// candidate whose release date is after start, or unknown, would still
// live in the house and start on day release; everyone else starts from
// the return region.
func (p *profile) modeAt(start Day) mode {
	if p.housed && (p.release == 0 || p.release > start) {
		return modeDayRelease
	}
	return modeRegion
}

// window is when a mode applies and is available: from ≤ start ≤ until.
// A mode the candidate cannot use at all returns ok false.
func (p *profile) window(m mode) (from, until Day, ok bool) {
	if m == modeDayRelease {
		if !p.housed || !p.hasDR {
			return 0, 0, false
		}
		until = dayMax
		if p.release != 0 {
			until = p.release - 1
		}
		return p.dr.eligible, until, true
	}
	if p.housed {
		if p.release == 0 {
			return 0, 0, false
		}
		return p.release, dayMax, true
	}
	return p.release, dayMax, true
}

// origin is where the candidate would work from in mode m, and how far
// they may go; ok is false when they have no such place (then only remote
// roles fit).
func (p *profile) origin(m mode) (at point32, reachKm int32, ok bool) {
	if m == modeDayRelease {
		return p.house, p.dr.commuteKm, p.hasHouse && p.hasDR
	}
	return p.region, p.radiusKm, p.hasRegion
}
