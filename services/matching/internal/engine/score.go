package engine

// Filter reasons, named in an Explanation of a pair that is not eligible.
const (
	ReasonSector       = "sector"
	ReasonAvailability = "availability"
	ReasonDayRelease   = "day_release"
	ReasonSchedule     = "schedule"
	ReasonDistance     = "distance"
	ReasonSkills       = "skills"
)

// facts is what the hard filters learn about a pair.
type facts struct {
	mode      mode
	start     Day
	available Day     // the day the candidate can start from
	distKm    float32 // -1 for a remote role
}

// eligibility applies the hard filters, cheapest first, and returns the
// first that fails ("" when the pair is eligible). With all false it stops
// at the first failure; with all true it gathers every fact it can, for
// explanations.
func eligibility(r *compiledRole, p *profile, today Day, all bool) (f facts, reason string) {
	fail := func(why string) bool {
		if reason == "" {
			reason = why
		}
		return !all
	}
	f.distKm = -1
	if p.excluded&r.sector != 0 && fail(ReasonSector) {
		return f, reason
	}
	f.start = r.startOn(today)
	f.mode = p.modeAt(f.start)
	from, until, ok := p.window(f.mode)
	f.available = max(today, from)
	if (!ok || from > f.start || f.start > until) && fail(ReasonAvailability) {
		return f, reason
	}
	if f.mode == modeDayRelease {
		if !r.dayRelOK && fail(ReasonDayRelease) {
			return f, reason
		}
		if !r.scheduleFits(&p.dr) && fail(ReasonSchedule) {
			return f, reason
		}
	}
	if !r.remote {
		at, reach, ok := p.origin(f.mode)
		if ok {
			f.distKm = r.site.distanceKm(at.lat, at.lon)
		}
		if (!ok || f.distKm > float32(reach)) && fail(ReasonDistance) {
			return f, reason
		}
	}
	return f, reason
}

// reqBest is the best credit a candidate earns for one requirement.
type reqBest struct {
	credit int32
	way    via
	skill  int16 // index in profile.skills of the skill that earned it, -1 none
	exact  bool  // the exact skill is held, at any level
}

// creditFor is what holding a skill at level earns, by way, for a
// requirement with minimum level min, in per-mille of CreditFull (plus the
// bonus for levels above the minimum on an exact skill).
func creditFor(way via, level, min int32) int32 {
	if level <= 0 {
		return 0
	}
	level = min32(level, 4)
	pct := int32(100)
	switch way {
	case viaParent:
		pct = ParentCreditPercent
	case viaSibling:
		pct = SiblingCreditPercent
	}
	if level >= min {
		c := CreditFull * pct / 100
		if way == viaExact {
			c += (level - min) * CreditPerLevelAbove
		}
		return c
	}
	return CreditFull * pct * level / (100 * min)
}

func min32(a, b int32) int32 {
	if a < b {
		return a
	}
	return b
}

// skillCredits fills best (one per requirement of r) from the candidate's
// skills, by a merge of two lists sorted by skill id, and returns the
// attested hours on skills that meet a requirement exactly.
func skillCredits(r *compiledRole, p *profile, best []reqBest) (attestedHours int64) {
	for i := range best {
		best[i] = reqBest{skill: -1}
	}
	links, sk := r.links, p.skills
	li, si := 0, 0
	for li < len(links) && si < len(sk) {
		ls, ss := links[li].skill, sk[si].id
		switch {
		case ls < ss:
			li++
		case ss < ls:
			si++
		default:
			s := &sk[si]
			counted := false
			for ; li < len(links) && links[li].skill == ss; li++ {
				l := links[li]
				b := &best[l.req]
				if l.way == viaExact && s.level > 0 {
					b.exact = true
					if s.attested && !counted {
						attestedHours += int64(max(s.hours, 0))
						counted = true
					}
				}
				if c := creditFor(l.way, int32(s.level), r.reqs[l.req].min); c > b.credit {
					b.credit, b.way, b.skill = c, l.way, int16(si)
				}
			}
			si++
		}
	}
	return attestedHours
}

// evaluator scores pairs with reusable scratch space, so the hot path does
// not allocate per candidate. It is not safe for concurrent use.
type evaluator struct {
	best []reqBest
}

// prepare sizes the scratch space for r.
func (e *evaluator) prepare(r *compiledRole) []reqBest {
	if cap(e.best) < len(r.reqs) {
		e.best = make([]reqBest, len(r.reqs), max(len(r.reqs), 16))
	}
	return e.best[:len(r.reqs)]
}

// score returns the score of an eligible pair and whether it is a full
// match; ok is false when the pair fails a hard filter or the candidate has
// no credit on any essential skill.
func (e *evaluator) score(r *compiledRole, p *profile, today Day) (score int, full, ok bool) {
	f, reason := eligibility(r, p, today, false)
	if reason != "" {
		return 0, false, false
	}
	best := e.prepare(r)
	hours := skillCredits(r, p, best)
	if !anyEssential(r, best) {
		return 0, false, false
	}
	score, full = total(r, p, &f, best, hours)
	return score, full, true
}

// anyEssential reports whether some essential requirement earns credit.
func anyEssential(r *compiledRole, best []reqBest) bool {
	for _, b := range best[:r.nEssential] {
		if b.credit > 0 {
			return true
		}
	}
	return false
}

// total adds up every part of the score; full is true when every
// essential skill is held exactly.
func total(r *compiledRole, p *profile, f *facts, best []reqBest, attestedHours int64) (score int, full bool) {
	full = true
	var ess, opt int64
	for i, b := range best {
		if i < r.nEssential {
			ess += int64(b.credit)
			full = full && b.exact
		} else {
			opt += int64(b.credit)
		}
	}
	score += skillPoints(r, ess, opt)
	score += languagePoints(r, p)
	score += min(p.certs*CertificatePoints, CertificateMaxPoints)
	score += attestedHoursPoints(attestedHours)
	score += pairDistancePoints(r.remote, f)
	score += slackPoints(f.start, f.available)
	score += preferencePoints(r, p)
	return score, full
}

// languageCredit is one language requirement's credit in per-mille.
func languageCredit(req LanguageRequirement, p *profile) int64 {
	rank := int32(-1)
	for _, l := range p.langs {
		if l.code == req.Code && l.rank > rank {
			rank = l.rank
		}
	}
	minRank := int64(max(req.MinRank, 0))
	switch {
	case rank < 0:
		return 0
	case int64(rank) >= minRank:
		return CreditFull
	}
	return CreditFull * (int64(rank) + 1) / (minRank + 1)
}

// languagePoints shares LanguageTotalPoints among the role's languages.
func languagePoints(r *compiledRole, p *profile) int {
	if len(r.langs) == 0 {
		return 0
	}
	var sum int64
	for _, req := range r.langs {
		sum += languageCredit(req, p)
	}
	return int(sum * LanguageTotalPoints / (CreditFull * int64(len(r.langs))))
}

// attestedHoursPoints counts the doubling steps the hours reach.
func attestedHoursPoints(h int64) int {
	steps := 0
	for _, s := range [...]int64{AttestedHoursStep1, AttestedHoursStep2, AttestedHoursStep3,
		AttestedHoursStep4, AttestedHoursStep5} {
		if h >= s {
			steps++
		}
	}
	return min(steps*AttestedHoursPointsPerStep, AttestedHoursMaxPoints)
}

// distancePoints decays in a straight line from DistanceMaxPoints at the
// site to zero at DistanceZeroKm, in tenths of a km.
func distancePoints(remote bool, km float32) int {
	if remote {
		return DistanceRemotePoints
	}
	tenths := int(float32(km * 10))
	return max(0, DistanceMaxPoints-DistanceMaxPoints*tenths/(DistanceZeroKm*10))
}

// pairDistancePoints is the distance points of a pair: flat for a
// candidate on day release, whose distance is measured from the house.
func pairDistancePoints(remote bool, f *facts) int {
	if !remote && f.mode == modeDayRelease {
		return DistanceHousePoints
	}
	return distancePoints(remote, f.distKm)
}

// slackPoints rewards whole weeks of availability before the start.
func slackPoints(start, available Day) int {
	weeks := int(start-available) / 7
	return max(0, min(weeks*SlackPointsPerWeek, SlackMaxPoints))
}

// preferencePoints is the tiny bonus for a role the candidate prefers.
func preferencePoints(r *compiledRole, p *profile) int {
	pts := 0
	if p.preferred&r.sector != 0 {
		pts += PreferredSectorPoints
	}
	if r.contract != "" {
		for _, c := range p.contracts {
			if c == r.contract {
				pts += PreferredContractPoints
				break
			}
		}
	}
	if p.hoursWeek > 0 && r.hoursWeek > 0 && abs32(p.hoursWeek-r.hoursWeek) <= PreferredHoursToleranceH {
		pts += PreferredHoursPoints
	}
	return pts
}

func abs32(v int32) int32 {
	if v < 0 {
		return -v
	}
	return v
}
