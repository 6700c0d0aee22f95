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
	// Certificates, attested hours and languages are added by the caller
	// too, from the candidate's potential (potPoints).
	q.maxRest = PreferredSectorPoints + PreferredContractPoints + PreferredHoursPoints
	q.prepareLanguages(r)
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

// reqBound is what a candidate's blooms can prove about one requirement:
// holding its skill exactly needs every bit of exactBit in the skill bloom
// (none for an unknown skill), credit through a parent needs a bit of
// parentMask (the first bit of each parent), credit through a sibling a
// bit of famMask in the family bloom (the families of the skill's
// parents), and each way earns at most its max.
type reqBound struct {
	exactBit, parentMask uint64
	famMask              uint32
	// By the highest level the candidate holds (0–4); parentMax is the
	// best of the parent and sibling ways.
	exactMax, parentMax, siblingMax [5]int32
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
		rq := &r.reqs[l.req]
		switch l.way {
		case viaExact:
			b.exactBit = skillBits(l.skill)
		case viaParent:
			b.parentMask |= skillBit(l.skill)
			for lv := range int32(5) {
				b.parentMax[lv] = max(b.parentMax[lv], creditFor(l.way, lv, rq.min))
			}
		default:
			for _, p := range q.ix.skills.parents[rq.skill] {
				b.famMask |= famBit(p)
			}
			for lv := range int32(5) {
				b.siblingMax[lv] = max(b.siblingMax[lv], creditFor(l.way, lv, rq.min))
			}
		}
	}
	for i := range q.bounds {
		b := &q.bounds[i]
		for lv := range 5 {
			b.parentMax[lv] = max(b.parentMax[lv], b.siblingMax[lv])
			b.exactMax[lv] = max(b.exactMax[lv], b.parentMax[lv])
		}
	}
	q.fullMask, q.noFull, q.anyMask, q.anyFam = 0, false, 0, 0
	for i := range r.nEssential {
		if !r.reqs[i].known {
			q.noFull = true // nobody holds an unknown skill
		}
		b := &q.bounds[i]
		q.fullMask |= b.exactBit
		// Any essential credit needs the first bit of an essential skill
		// or of a parent of one, or a family bit of one.
		q.anyMask |= b.parentMask
		q.anyFam |= b.famMask
		if r.reqs[i].known {
			q.anyMask |= skillBit(r.reqs[i].skill)
		}
	}
	q.essScale = float64(EssentialTotalPoints) / float64(CreditFull*r.nEssential)
	q.optScale = 0
	if n := len(r.reqs) - r.nEssential; n > 0 {
		q.optScale = float64(OptionalTotalPoints) / float64(CreditFull*n)
	}
}

// bloomBound is the most skill points a candidate with skill bloom b,
// holding no skill above level, can earn, and whether it may earn any
// essential credit at all: a clear bit proves a skill is not held, a set
// bit proves nothing.
func (q *query) bloomBound(b uint64, fam uint32, level int) (points int, any bool) {
	if b&q.anyMask == 0 && fam&q.anyFam == 0 {
		return 0, false
	}
	var ess, opt int32
	nEss := q.role.nEssential
	for i := range q.bounds {
		rb := &q.bounds[i]
		var c int32
		switch {
		case rb.exactBit != 0 && b&rb.exactBit == rb.exactBit:
			c = rb.exactMax[level]
		case b&rb.parentMask != 0:
			c = rb.parentMax[level]
		case fam&rb.famMask != 0:
			c = rb.siblingMax[level]
		}
		if i < nEss {
			ess += c
		} else {
			opt += c
		}
	}
	// skillPoints divides; a bound may round up instead: the products
	// are exact in float64 and the +1 covers the rounding of the scales.
	return int(float64(ess)*q.essScale+float64(opt)*q.optScale) + 1, ess > 0
}

// prepareLanguages works out langPts: for each language bloom, the most
// the role's languages can earn a candidate with it (a language whose bit
// is clear is not spoken and earns nothing).
func (q *query) prepareLanguages(r *compiledRole) {
	for lb := range q.langPts {
		if len(r.langs) == 0 {
			q.langPts[lb] = 0
			continue
		}
		var sum int64
		for _, l := range r.langs {
			if potential(lb)<<8&langBit(l.Code) != 0 {
				sum += CreditFull
			}
		}
		q.langPts[lb] = int32(sum * LanguageTotalPoints / (CreditFull * int64(len(r.langs))))
	}
}

// potPoints is the most certificates, attested hours and languages can
// add for a candidate with potential pt.
func (q *query) potPoints(pt potential) int {
	return pt.points() + int(q.langPts[pt.langs()])
}
