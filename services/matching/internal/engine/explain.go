package engine

import (
	"fmt"
	"math"
	"time"
)

// Explain says why a candidate fits a role (or which filter rules the pair
// out); ok is false when either is not indexed.
func (ix *Index) Explain(roleID, candidateID string, today Day) (Explanation, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	r, p, ok := ix.pair(roleID, candidateID)
	if !ok {
		return Explanation{}, false
	}
	return explain(r, &p, ix.skills, today), true
}

// pair finds a role and decodes a candidate; the caller holds the lock.
func (ix *Index) pair(roleID, candidateID string) (*compiledRole, profile, bool) {
	rs, ok := ix.roles.byID[roleID]
	cs, ok2 := ix.cands.slotOf(candidateID)
	if !ok || !ok2 {
		return nil, profile{}, false
	}
	var p profile
	ix.cands.profileInto(cs, &p)
	return ix.roles.comp[rs], p, true
}

// explain builds the explanation of a pair with the same functions that
// score it, so the explanation and the score never disagree.
func explain(r *compiledRole, p *profile, t *skillTable, today Day) Explanation {
	f, reason := eligibility(r, p, today, true)
	best := make([]reqBest, len(r.reqs))
	hours := skillCredits(r, p, best)
	if reason == "" && !anyEssential(r, best) {
		reason = ReasonSkills
	}
	score, full := total(r, p, &f, best, hours)
	ex := Explanation{
		DistanceKm:    -1,
		AvailableFrom: f.available,
		DayRelease:    f.mode == modeDayRelease,
		ScheduleFit:   scheduleFit(r, p, f.mode),
		LanguageFit:   languageFit(r, p),
		Eligible:      reason == "",
		Reason:        reason,
		Match:         matchOf(full),
	}
	if ex.Eligible {
		ex.Score = score
	}
	if f.distKm >= 0 {
		ex.DistanceKm = int(math.Round(float64(f.distKm)))
	}
	for i, b := range best {
		fit := skillFit(&r.reqs[i], b, p, t)
		g := &ex.Optional
		if fit.Essential {
			g = &ex.Essential
		}
		switch fit.Status {
		case StatusMet:
			g.Met = append(g.Met, fit)
		case StatusPartly:
			g.Partly = append(g.Partly, fit)
		default:
			g.Missing = append(g.Missing, fit)
		}
	}
	return ex
}

// scheduleFit grades how the role's shifts fit the day-release window.
func scheduleFit(r *compiledRole, p *profile, m mode) string {
	if m != modeDayRelease || !r.hasShifts || !p.hasDR {
		return FitNA
	}
	if r.scheduleFits(&p.dr) {
		return FitFull
	}
	// Count shift by shift, which only an explanation needs.
	fit := 0
	for _, s := range r.shifts {
		one := compiledRole{}
		one.addShift(0, s)
		if one.scheduleFits(&p.dr) {
			fit++
		}
	}
	if fit > 0 {
		return FitPartial
	}
	return FitNone
}

// languageFit grades the role's language requirements.
func languageFit(r *compiledRole, p *profile) string {
	if len(r.langs) == 0 {
		return FitNA
	}
	met, some := 0, 0
	for _, req := range r.langs {
		c := languageCredit(req, p)
		if c >= CreditFull {
			met++
		}
		if c > 0 {
			some++
		}
	}
	switch {
	case met == len(r.langs):
		return FitFull
	case some == 0:
		return FitNone
	}
	return FitPartial
}

// Card is what the employer of roleID may see of a candidate: skills
// first, no identity; ok is false when either is not indexed.
func (ix *Index) Card(candidateID, roleID string, today Day) (Card, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	r, p, ok := ix.pair(roleID, candidateID)
	if !ok {
		return Card{}, false
	}
	slot, _ := ix.cands.slotOf(candidateID)
	c := ix.cands.candidate(slot)
	f, _ := eligibility(r, &p, today, true)
	card := Card{
		Alias:          c.Alias,
		Certificates:   c.Certificates,
		AvailableMonth: MonthOf(f.available),
		DistanceBand:   cardBand(r.remote, f.distKm, c.Housed),
		DayRelease:     f.mode == modeDayRelease,
		ScheduleFit:    scheduleFit(r, &p, f.mode),
		ProgrammeKinds: c.ProgrammeKinds,
	}
	for _, s := range c.Skills {
		card.Skills = append(card.Skills, CardSkill{Skill: s.ID, Level: s.Level, Hours: s.Hours, Attested: s.Attested})
	}
	for _, l := range c.Languages {
		card.Languages = append(card.Languages, CardLanguage{Code: l.Code, Level: CEFR(l.Rank)})
	}
	return card, true
}

// MonthOf formats a day as its month, "2027-01": all an employer learns
// of a date.
func MonthOf(d Day) string {
	t := time.Unix(int64(d)*86400, 0).UTC()
	return fmt.Sprintf("%04d-%02d", t.Year(), int(t.Month()))
}

// CEFR names a CEFR rank (0 = A1 … 5 = C2); "" when out of range.
func CEFR(rank int) string {
	levels := [...]string{"A1", "A2", "B1", "B2", "C1", "C2"}
	if rank < 0 || rank >= len(levels) {
		return ""
	}
	return levels[rank]
}

// BandWithinLimit is the band of a candidate who lives in a house: the
// site is within the travel limit, and nothing more, since bands to sites
// in several towns would place the house.
const BandWithinLimit = "within_limit"

// cardBand is the band on a card: BandWithinLimit for a candidate who
// lives in a house, whichever mode the distance was measured in.
func cardBand(remote bool, km float32, housed bool) string {
	if housed && !remote && km >= 0 {
		return BandWithinLimit
	}
	return DistanceBand(remote, km)
}

// DistanceBand is the band an employer sees instead of a distance:
// "<5 km", "5-15 km", "15-30 km", "30-60 km", ">60 km", or "remote" (also
// when the distance is unknown).
func DistanceBand(remote bool, km float32) string {
	switch {
	case remote || km < 0:
		return "remote"
	case km < 5:
		return "<5 km"
	case km < 15:
		return "5-15 km"
	case km < 30:
		return "15-30 km"
	case km < 60:
		return "30-60 km"
	}
	return ">60 km"
}
