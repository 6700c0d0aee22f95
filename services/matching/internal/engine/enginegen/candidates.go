package enginegen

import (
	"iter"
	"math/rand/v2"
	"strconv"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// Candidates returns candidates 0 … n-1 for a "today".
func (g *Generator) Candidates(n int, today engine.Day) []engine.Candidate {
	out := make([]engine.Candidate, 0, n)
	for c := range g.CandidateSeq(n, today) {
		out = append(out, c)
	}
	return out
}

// CandidateSeq yields candidates 0 … n-1 one at a time, so a million can
// go into an index without all of them being held at once.
func (g *Generator) CandidateSeq(n int, today engine.Day) iter.Seq[engine.Candidate] {
	return func(yield func(engine.Candidate) bool) {
		s := g.newStream()
		for i := range n {
			if !yield(g.candidate(s, i, today)) {
				return
			}
		}
	}
}

// Candidate returns candidate i, the same as Candidates(n, today)[i].
func (g *Generator) Candidate(i int, today engine.Day) engine.Candidate {
	return g.candidate(g.newStream(), i, today)
}

// CandidateID is the id of candidate i.
func CandidateID(i int) string { return padded("cand-", i, 7) }

// RoleID is the id of role i.
func RoleID(i int) string { return padded("role-", i, 7) }

func padded(prefix string, i, width int) string {
	var buf [24]byte
	b := append(buf[:0], prefix...)
	digits := strconv.AppendInt(nil, int64(i), 10)
	for range width - len(digits) {
		b = append(b, '0')
	}
	return string(append(b, digits...))
}

// aliasAlphabet leaves out letters and digits people confuse (I, O, 0, 1).
const aliasAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"

// Shares of the candidate model; the package comment explains them.
const (
	housedShare         = 0.45
	transitionShare     = 0.55 // of the housed
	unknownReleaseShare = 0.10
	excludedShare       = 0.04
	migrantShare        = 0.20
	englishShare        = 0.45
	secondOccShare      = 0.35
)

var (
	commuteKm = newChoice([]int{5, 10, 15, 20, 25, 30, 40, 50, 60}, 3, 10, 14, 16, 14, 16, 12, 8, 7)
	radiusKm  = newChoice([]int{10, 15, 20, 25, 30, 40, 50, 60, 75, 100}, 8, 10, 14, 12, 16, 12, 10, 7, 6, 5)
	// releaseDays are weekday bit sets: Monday–Friday, Monday–Saturday,
	// Monday–Thursday, Tuesday–Saturday, Monday/Wednesday/Friday.
	releaseDays = newChoice([]uint8{0b0011111, 0b0111111, 0b0001111, 0b0111110, 0b0010101}, 60, 15, 10, 8, 7)
	exclusions  = newChoice([][]string{{"P"}, {"Q"}, {"P", "Q"}, {"O"}}, 40, 20, 30, 10)
	weekHours   = newChoice([]int{0, 20, 24, 30, 32, 36, 38, 40}, 30, 8, 6, 10, 8, 10, 14, 14)
	contracts   = newChoice([]string{"permanent", "fixed_term", "temporary", "apprenticeship", "work_placement"}, 40, 25, 15, 10, 10)
)

func (g *Generator) candidate(s *stream, i int, today engine.Day) engine.Candidate {
	s.reset(streamCandidate, i)
	r := s.r
	c := engine.Candidate{ID: CandidateID(i), Alias: alias(r), Version: int64(between(r, 1, 6)), Consent: true}
	home := g.placeOfCandidate(r, &c, today)
	c.Languages = languages(r, g.places.places[home])
	if chance(r, excludedShare) {
		c.ExcludedSectors = append([]string(nil), exclusions.pick(r)...)
	}
	primary := &g.occupations[g.candOcc.pick(r)]
	var secondary *occupation
	if chance(r, secondOccShare) {
		secondary = &g.occupations[g.candOcc.pick(r)]
		if secondary.id == primary.id {
			secondary = nil
		}
	}
	c.Skills = g.candidateSkills(r, primary, secondary)
	for _, sk := range c.Skills {
		if label, ok := g.certLabel[sk.ID]; ok {
			c.Certificates = append(c.Certificates, label)
		}
	}
	c.ProgrammeKinds = []string{primary.kind}
	if secondary != nil && secondary.kind != primary.kind {
		c.ProgrammeKinds = append(c.ProgrammeKinds, secondary.kind)
	}
	if chance(r, 0.5) {
		c.PreferredSectors = []string{primary.sector}
	}
	c.HoursPerWeek = weekHours.pick(r)
	if chance(r, 0.5) {
		c.Contracts = []string{contracts.pick(r)}
	}
	return c
}

func alias(r *rand.Rand) string {
	var b [4]byte
	for k := range b {
		b[k] = aliasAlphabet[r.IntN(len(aliasAlphabet))]
	}
	return string(b[:])
}

// placeOfCandidate fills where the candidate lives, can work and returns
// to, and when; it returns the place whose language is the candidate's.
func (g *Generator) placeOfCandidate(r *rand.Rand, c *engine.Candidate, today engine.Day) int32 {
	var home int32
	if chance(r, housedShare) {
		h := g.houses[r.IntN(len(g.houses))]
		home = h.place
		c.OrgID = orgID(h.org)
		c.Housed = true
		c.House = g.point(h.place)
		g.fillRelease(r, c, today)
	} else {
		home = g.places.pick(r)
		c.OrgID = orgID(r.IntN(numHouses/3 + 1))
	}
	region := home
	if c.Housed && !chance(r, 0.85) {
		region = g.places.pick(r)
	} else if c.Housed {
		region = g.places.pickIn(r, int(g.places.places[home].country))
	}
	p := g.places.places[region]
	c.ReturnRegion = &engine.Region{Point: engine.Point{Lat: p.lat, Lon: p.lon}, RadiusKm: radiusKm.pick(r)}
	return home
}

// fillRelease sets a housed candidate's release date and day release.
func (g *Generator) fillRelease(r *rand.Rand, c *engine.Candidate, today engine.Day) {
	transition := chance(r, transitionShare)
	maxRelease := 730
	if transition {
		maxRelease = 540 // a transition house takes people up to 18 months before release
	}
	if !chance(r, unknownReleaseShare) {
		c.ReleaseDate = today + engine.Day(between(r, 1, maxRelease))
	}
	if transition && !chance(r, 0.95) || !transition && !chance(r, 0.5) {
		return
	}
	eligible := today + engine.Day(between(r, -180, 365))
	if c.ReleaseDate != 0 && eligible >= c.ReleaseDate {
		eligible = today + engine.Day(r.IntN(int(c.ReleaseDate-today)))
	}
	start := between(r, 12, 19) * 30 // 06:00–09:30
	end := between(r, 30, 40) * 30   // 15:00–20:00
	c.DayRelease = &engine.DayRelease{
		EligibleFrom: eligible, Days: releaseDays.pick(r), Start: start, End: end, MaxCommuteKm: commuteKm.pick(r),
	}
}

func (g *Generator) point(i int32) *engine.Point {
	p := g.places.places[i]
	return &engine.Point{Lat: p.lat, Lon: p.lon}
}

func orgID(k int) string { return padded("org-", k, 4) }

// languages gives a mother tongue at C2, the local language for migrants,
// English and, in Belgium and elsewhere, a second language.
func languages(r *rand.Rand, home place) []engine.Language {
	local := localLanguage(home)
	langs := make([]engine.Language, 0, 3)
	if chance(r, migrantShare) {
		langs = append(langs, engine.Language{Code: migrantLanguages.pick(r), Rank: 5},
			engine.Language{Code: local, Rank: between(r, 1, 4)})
	} else {
		langs = append(langs, engine.Language{Code: local, Rank: 5})
	}
	if second := secondLanguage(home); second != "en" && chance(r, 0.25) {
		langs = append(langs, engine.Language{Code: second, Rank: between(r, 0, 3)})
	}
	if local != "en" && chance(r, englishShare) {
		langs = append(langs, engine.Language{Code: "en", Rank: between(r, 1, 4)})
	}
	return langs
}
