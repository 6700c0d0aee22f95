package engine

// prepareSkills readies the query's per-skill table for role r: for each
// skill, the run of r's links that name it, so a candidate's skill finds
// its credits in one lookup. It also works out maxRest, the most that
// languages and preferences can add to a score for r.
func (q *query) prepareSkills(r *compiledRole) {
	if n := q.ix.skills.size(); len(q.dense) < n {
		q.dense = make([]uint32, n)
	}
	for i := 0; i < len(r.links); {
		j := i
		for j < len(r.links) && r.links[j].skill == r.links[i].skill {
			j++
		}
		q.dense[r.links[i].skill] = uint32(i)<<8 | uint32(j-i)
		i = j
	}
	if cap(q.credit) < len(r.reqs) {
		q.credit = make([]int32, len(r.reqs))
		q.exact = make([]bool, len(r.reqs))
	}
	q.credit, q.exact = q.credit[:len(r.reqs)], q.exact[:len(r.reqs)]
	q.prepareBlooms(r)
	// Distance and slack are added by the caller, who may know them.
	// Certificates and attested hours are added by the caller too, from
	// the candidate's potential.
	q.maxRest = PreferredSectorPoints + PreferredContractPoints + PreferredHoursPoints
	if len(r.langs) > 0 {
		q.maxRest += LanguageTotalPoints
	}
}

// clearSkills resets the entries prepareSkills set.
func (q *query) clearSkills(r *compiledRole) {
	for _, l := range r.links {
		q.dense[l.skill] = 0
	}
}

// skillBound returns the skill points a candidate earns from its skill
// cells (exactly what evaluate will find), whether every essential skill
// is held exactly, and whether any essential skill earns credit. A link
// run of length zero means the skill earns nothing; runs never exceed 255
// because a role has at most maxRequirements requirements.
func (q *query) skillBound(cells []byte) (points int, full, any bool) {
	r := q.role
	clear(q.credit)
	clear(q.exact)
	for c := 0; c < len(cells); c += 3 {
		id, level, _ := cellSkill(cells[c:])
		d := q.dense[id]
		if d == 0 || level <= 0 {
			continue
		}
		for _, l := range r.links[d>>8 : d>>8+d&0xff] {
			if l.way == viaExact {
				q.exact[l.req] = true
			}
			if cr := creditFor(l.way, int32(level), r.reqs[l.req].min); cr > q.credit[l.req] {
				q.credit[l.req] = cr
			}
		}
	}
	var ess, opt int64
	full = true
	for i, cr := range q.credit {
		if i < r.nEssential {
			ess += int64(cr)
			full = full && q.exact[i]
			any = any || cr > 0
		} else {
			opt += int64(cr)
		}
	}
	return skillPoints(r, ess, opt), full, any
}

// skillPoints scales summed essential and optional credits to points.
func skillPoints(r *compiledRole, ess, opt int64) int {
	pts := 0
	if n := int64(r.nEssential); n > 0 {
		pts += int(ess * EssentialTotalPoints / (CreditFull * n))
	}
	if n := int64(len(r.reqs) - r.nEssential); n > 0 {
		pts += int(opt * OptionalTotalPoints / (CreditFull * n))
	}
	return pts
}

// reqBound is what a skill bloom can prove about one requirement: holding
// its skill exactly needs exactBit, earning credit through the hierarchy
// needs a bit of hierMask, and each way earns at most its max.
type reqBound struct {
	exactBit, hierMask uint64
	// By the highest level the candidate holds (0–4).
	exactMax, hierMax [5]int32
}

// prepareBlooms readies fullMask, noFull and bounds for role r.
func (q *query) prepareBlooms(r *compiledRole) {
	q.bounds = q.bounds[:0]
	// Credit grows with the level, and levels above 4 count as 4.
	for _, rq := range r.reqs {
		var b reqBound
		for lv := range int32(5) {
			b.exactMax[lv] = creditFor(viaExact, lv, rq.min)
		}
		q.bounds = append(q.bounds, b)
	}
	for _, l := range r.links {
		b := &q.bounds[l.req]
		if l.way == viaExact {
			b.exactBit = skillBit(l.skill)
			continue
		}
		b.hierMask |= skillBit(l.skill)
		for lv := range int32(5) {
			b.hierMax[lv] = max(b.hierMax[lv], creditFor(l.way, lv, r.reqs[l.req].min))
		}
	}
	q.fullMask, q.noFull = 0, false
	for i := range r.nEssential {
		if !r.reqs[i].known {
			q.noFull = true // nobody holds an unknown skill
		}
		q.fullMask |= q.bounds[i].exactBit
	}
}

// bloomBound is the most skill points a candidate with skill bloom b,
// holding no skill above level, can earn, and whether it may earn any
// essential credit at all: a clear bit proves a skill is not held, a set
// bit proves nothing.
func (q *query) bloomBound(b uint64, level int) (points int, any bool) {
	r := q.role
	var ess, opt int64
	for i := range q.bounds {
		rb := &q.bounds[i]
		var c int32
		switch {
		case b&rb.exactBit != 0:
			c = max(rb.exactMax[level], rb.hierMax[level])
		case b&rb.hierMask != 0:
			c = rb.hierMax[level]
		}
		if i < r.nEssential {
			ess += int64(c)
			any = any || c > 0
		} else {
			opt += int64(c)
		}
	}
	return skillPoints(r, ess, opt), any
}
