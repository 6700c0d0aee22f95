package engine

// prepareSkills readies the query's per-skill table for role r: for each
// skill, the run of r's links that name it, so a candidate's skill finds
// its credits in one lookup. It also works out maxRest, the most that
// everything but skills can add to a score for r.
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
	// Distance and slack are added by the caller, who may know them.
	q.maxRest = CertificateMaxPoints + AttestedHoursMaxPoints +
		PreferredSectorPoints + PreferredContractPoints + PreferredHoursPoints
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
