package enginegen

import (
	"iter"
	"math/rand/v2"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// Roles returns open roles 0 … n-1 for a "today".
func (g *Generator) Roles(n int, today engine.Day) []engine.Role {
	out := make([]engine.Role, 0, n)
	for r := range g.RoleSeq(n, today) {
		out = append(out, r)
	}
	return out
}

// RoleSeq yields roles 0 … n-1 one at a time.
func (g *Generator) RoleSeq(n int, today engine.Day) iter.Seq[engine.Role] {
	return func(yield func(engine.Role) bool) {
		s := g.newStream()
		for i := range n {
			if !yield(g.role(s, i, today)) {
				return
			}
		}
	}
}

// Role returns role i, the same as Roles(n, today)[i].
func (g *Generator) Role(i int, today engine.Day) engine.Role {
	return g.role(g.newStream(), i, today)
}

// Shares of the role model; the package comment explains them.
const (
	officeRemote    = 0.30 // only office work can be done from home
	asapShare       = 0.30
	dayReleaseShare = 0.40
	hostSectorShare = 0.20
)

var (
	hostSectors = newChoice([]string{"Q", "P", "O", "I", "N"}, 30, 20, 20, 15, 15)
	// workDays are weekday bit sets for a days-and-hours schedule.
	workDays = newChoice([]uint8{0b0011111, 0b0111111, 0b0111110, 0b0001111, 0b1100000, 0b0010101},
		60, 10, 10, 8, 4, 8)
	dayStarts = newChoice([]int{360, 420, 450, 480, 510, 540}, 8, 15, 15, 30, 17, 15)
	dayLength = newChoice([]int{240, 360, 450, 480, 510, 540}, 10, 10, 20, 30, 20, 10)
	// shiftSets are the shift patterns: early and late, early only, late
	// only, day shifts, and early and late with weekends.
	shiftSets = newChoice([][3]int{{0b0011111, 360, 840}, {0b0011111, 840, 1320}, {0b1111111, 540, 1050}, {0b1100000, 360, 840}},
		35, 25, 25, 15)
	langRank = newChoice([]int{1, 2, 3}, 30, 50, 20)
)

func (g *Generator) role(s *stream, i int, today engine.Day) engine.Role {
	s.reset(streamRole, i)
	r := s.r
	occ := &g.occupations[g.roleOcc.pick(r)]
	role := engine.Role{
		ID: RoleID(i), EmployerID: padded("emp-", r.IntN(20000), 5), Version: int64(between(r, 1, 5)),
		Open: true, Title: occ.title, Sector: occ.sector, Contract: contracts.pick(r),
	}
	if chance(r, hostSectorShare) {
		role.Sector = hostSectors.pick(r)
	}
	role.Essential, role.Optional = requirements(r, occ)
	site := g.places.pick(r)
	if occ.kind != "office" || !chance(r, officeRemote) {
		role.Site = g.point(site)
	}
	role.Languages = roleLanguages(r, g.places.places[site])
	role.Shifts = schedule(r)
	role.HoursPerWeek = weeklyHours(r, role.Shifts)
	if !chance(r, asapShare) {
		role.StartDate = today + engine.Day(between(r, 1, 365))
	}
	role.DayReleaseOK = chance(r, dayReleaseShare)
	return role
}

// requirements takes two to six of the occupation's essential skills (a
// fifth of them one level higher than usual) and up to five optional ones,
// from its optional skills and the essential ones left over.
func requirements(r *rand.Rand, occ *occupation) (essential, optional []engine.Requirement) {
	order := r.Perm(len(occ.essential))
	n := min(len(order), between(r, 2, 6))
	essential = make([]engine.Requirement, 0, n)
	for _, k := range order[:n] {
		req := occ.essential[k]
		level := int(req.MinLevel)
		if chance(r, 0.2) {
			level = min(4, level+1)
		}
		essential = append(essential, engine.Requirement{Skill: req.Skill, MinLevel: level})
	}
	pool := make([]skills.Requirement, 0, len(occ.optional)+len(order)-n)
	pool = append(pool, occ.optional...)
	for _, k := range order[n:] {
		pool = append(pool, occ.essential[k])
	}
	m := min(len(pool), between(r, 0, 5))
	if m == 0 {
		return essential, nil
	}
	optional = make([]engine.Requirement, 0, m)
	for _, k := range r.Perm(len(pool))[:m] {
		optional = append(optional, engine.Requirement{Skill: pool[k].Skill, MinLevel: int(pool[k].MinLevel)})
	}
	return essential, optional
}

// roleLanguages asks for the site's language (65 %) and English (15 %).
func roleLanguages(r *rand.Rand, site place) []engine.LanguageRequirement {
	var out []engine.LanguageRequirement
	if chance(r, 0.65) {
		out = append(out, engine.LanguageRequirement{Code: localLanguage(site), MinRank: langRank.pick(r)})
	}
	if chance(r, 0.15) {
		out = append(out, engine.LanguageRequirement{Code: "en", MinRank: 2})
	}
	return out
}

// schedule is days and hours (55 %), shifts (30 %) or none (15 %); a
// days-and-hours schedule is one shift per day, as engine.Role says.
func schedule(r *rand.Rand) []engine.Shift {
	switch x := r.Float64(); {
	case x < 0.55:
		start := dayStarts.pick(r)
		end := min(1320, start+dayLength.pick(r))
		return shiftsOn(nil, workDays.pick(r), start, end)
	case x < 0.85:
		pattern := shiftSets.pick(r)
		out := shiftsOn(nil, uint8(pattern[0]), pattern[1], pattern[2])
		if chance(r, 0.5) { // a second pattern: early and late, or weekends too
			other := shiftSets.values[r.IntN(len(shiftSets.values))]
			if other != pattern {
				out = shiftsOn(out, uint8(other[0]), other[1], other[2])
			}
		}
		return out
	}
	return nil
}

func shiftsOn(out []engine.Shift, days uint8, start, end int) []engine.Shift {
	for d := range 7 {
		if days&(1<<d) != 0 {
			out = append(out, engine.Shift{Weekday: d, Start: start, End: end})
		}
	}
	return out
}

// weeklyHours is what one person works: the schedule's hours up to 40, or a
// common figure when there is no schedule.
func weeklyHours(r *rand.Rand, shifts []engine.Shift) int {
	if len(shifts) == 0 {
		return []int{20, 30, 38, 40}[r.IntN(4)]
	}
	minutes := 0
	for _, s := range shifts {
		minutes += s.End - s.Start
	}
	return min(40, max(4, minutes/60))
}
