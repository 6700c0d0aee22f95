package engine

import "slices"

// query is the scratch space of one query, pooled so that the hot path
// allocates nothing per candidate.
type query struct {
	ev    evaluator
	prof  profile
	top   topK
	role  *compiledRole
	start Day
	// dense maps a skill to its run of the role's links (start<<8 | n).
	dense   []uint32
	credit  []int32
	exact   []bool
	maxRest int
	today   Day
	ix      *Index
	// Skill blooms (see skillBit): a candidate whose bloom holds every bit
	// of fullMask may be a full match (never when noFull); bounds has one
	// entry per requirement for bloomBound.
	fullMask uint32
	noFull   bool
	bounds   []reqBound
	// nearPass is true on the second pass, which considers the candidates
	// that cannot be full matches; the first considers only the others.
	nearPass bool
	scanFn   func([]gridEntry)
}

func (ix *Index) getQuery(k int, idOf func(uint32) string) *query {
	q := ix.evals.Get().(*query)
	q.ix = ix
	if q.scanFn == nil {
		q.scanFn = q.scan
	}
	q.top = topK{k: k, items: q.top.items[:0], idOf: idOf}
	return q
}

func (ix *Index) putQuery(q *query) {
	q.role, q.top.idOf, q.ix = nil, nil, nil
	ix.evals.Put(q)
}

// Shortlist returns the k best candidates for an open role, full matches
// before near matches; nil when the role is not indexed.
func (ix *Index) Shortlist(roleID string, k int, today Day) []Entry {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	rs, ok := ix.roles.byID[roleID]
	if !ok || k <= 0 {
		return nil
	}
	r := ix.roles.comp[rs]
	if r.nEssential == 0 {
		return []Entry{}
	}
	q := ix.getQuery(k, ix.cands.id)
	defer ix.putQuery(q)
	q.role, q.today, q.start = r, today, r.startOn(today)
	q.prepareSkills(r)
	defer q.clearSkills(r)
	// Every full match ranks above every near match, so the first pass
	// considers only candidates whose skill bloom allows a full match; the
	// second, for the candidates that cannot be, runs only when the first
	// found fewer than k full matches. A candidate is considered once: its
	// bloom puts it in one pass, and at most one of its entries applies.
	for _, near := range [...]bool{false, true} {
		if near && q.top.fullOfFull() {
			break
		}
		q.nearPass = near
		if r.remote {
			q.scanRemote()
		} else {
			ix.cgrid.visit(r.site, q.scanFn)
		}
	}
	return q.entries(ix.cands.id)
}

// scanRemote considers every live candidate for a remote role, from the
// hot columns: no distance limit, but the availability window, the
// excluded sectors, day release and the skill bloom still apply.
func (q *query) scanRemote() {
	r, start, hot := q.role, q.start, q.ix.cands.hot
	for slot := range hot {
		h := &hot[slot]
		if h.excluded&r.sector != 0 {
			continue
		}
		var from Day
		switch {
		case start >= h.rFrom:
			from = h.rFrom
		case h.dFrom <= start && start <= h.dUntil && r.dayRelOK:
			from = h.dFrom
		default:
			continue // not available, or on day release for a role without it
		}
		known := DistanceRemotePoints + slackPoints(start, max(q.today, from))
		if !q.skipBloom(h.bloom, known) && q.ix.cands.alive(uint32(slot)) {
			q.consider(uint32(slot), q.maxRest+known)
		}
	}
}

// skipBloom reports whether a candidate with skill bloom b belongs to the
// other pass, or cannot enter the top-k even if the rest of its score
// (other than skills and the known distance and slack points) is the best
// possible.
func (q *query) skipBloom(b uint32, known int) bool {
	possiblyFull := !q.noFull && b&q.fullMask == q.fullMask
	if possiblyFull == q.nearPass {
		return true
	}
	pts, any := q.bloomBound(b)
	return !any || !q.top.wouldEnter(possiblyFull, pts+q.maxRest+known)
}

// scan considers every candidate of a grid cell within reach of the site
// in the mode the entry stands for, testing the entry's own copy of the
// cheap filters before touching anything else.
func (q *query) scan(list []gridEntry) {
	r, site, start := q.role, &q.role.site, q.start
	for i := range list {
		e := &list[i]
		if start < e.from || start > e.until {
			continue
		}
		if e.slot&modeBit != 0 && !r.dayRelOK {
			continue
		}
		d := site.distanceKm(e.lat, e.lon)
		if d > e.reach {
			continue
		}
		// The distance and the slack are known here, so the bound on what
		// the rest of the score can add is tight for them.
		known := distancePoints(false, d) + slackPoints(start, max(q.today, e.from))
		if q.skipBloom(e.bloom, known) {
			continue
		}
		slot := e.slot &^ modeBit
		if q.ix.cands.hot[slot].excluded&r.sector != 0 {
			continue
		}
		q.consider(slot, q.maxRest+known)
	}
}

// consider scores one candidate for the query's role and offers it to the
// top-k. It first works out the skill points from the record's skill
// cells alone; when even the best case for everything else cannot enter
// the top-k, the candidate is dropped without decoding. The caller has
// ruled out most candidates by their skill bloom already.
func (q *query) consider(slot uint32, rest int) {
	r := q.role
	body := q.ix.cands.body(slot)
	pts, full, any := q.skillBound(recordSkills(body))
	if !any || !q.top.wouldEnter(full, pts+rest) {
		return
	}
	decode(body, &q.ix.cands.st, q.ix.skills, &q.prof, nil)
	score, full, ok := q.ev.score(r, &q.prof, q.today)
	if !ok || !q.top.wouldEnter(full, score) {
		return
	}
	q.top.offer(ranked{rankKey{full, score, recordIDHash(body)}, slot})
}

// entries turns the top-k into entries, best first.
func (q *query) entries(idOf func(uint32) string) []Entry {
	best := q.top.sorted()
	out := make([]Entry, len(best))
	for i, b := range best {
		out[i] = Entry{ID: idOf(b.slot), Score: b.key.score, Match: matchOf(b.key.full)}
	}
	return out
}

func matchOf(full bool) Match {
	if full {
		return MatchFull
	}
	return MatchNear
}

// Suggestions returns the k best open roles for a candidate; nil when the
// candidate is not indexed.
func (ix *Index) Suggestions(candidateID string, k int, today Day) []Entry {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.cands.slotOf(candidateID)
	if !ok || k <= 0 {
		return nil
	}
	q := ix.getQuery(k, ix.roleID)
	defer ix.putQuery(q)
	ix.cands.profileInto(slot, &q.prof)
	sig := ix.signatureRead(&q.prof)
	ix.eachRoleFor(&q.prof, today, func(rs uint32, r *compiledRole) {
		if r.sig&sig == 0 || r.sector&q.prof.excluded != 0 {
			return
		}
		if score, full, ok := q.ev.score(r, &q.prof, today); ok && q.top.wouldEnter(full, score) {
			q.top.offer(ranked{rankKey{full, score, IDHash(r.id)}, rs})
		}
	})
	return q.entries(ix.roleID)
}

func (ix *Index) roleID(slot uint32) string { return ix.roles.comp[slot].id }

// ScoreAgainstRoles returns every open role the candidate is eligible for,
// with score and match, best first; nil when the candidate is not indexed.
func (ix *Index) ScoreAgainstRoles(candidateID string, today Day) []RoleScore {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.cands.slotOf(candidateID)
	if !ok {
		return nil
	}
	var ev evaluator
	var p profile
	ix.cands.profileInto(slot, &p)
	out := []RoleScore{}
	ix.eachRoleFor(&p, today, func(_ uint32, r *compiledRole) {
		if score, full, ok := ev.score(r, &p, today); ok {
			out = append(out, RoleScore{RoleID: r.id, Score: score, Match: matchOf(full)})
		}
	})
	slices.SortFunc(out, func(a, b RoleScore) int {
		return CompareEntries(Entry{a.RoleID, a.Score, a.Match}, Entry{b.RoleID, b.Score, b.Match})
	})
	return out
}

// eachRoleFor calls fn once with every open role that might fit p: roles
// near the house that start while p would be on day release, roles near the
// return region that start after, and every remote role.
func (ix *Index) eachRoleFor(p *profile, today Day, fn func(uint32, *compiledRole)) {
	for _, m := range [...]mode{modeDayRelease, modeRegion} {
		at, reach, ok := p.origin(m)
		if !ok || (m == modeDayRelease && !p.housed) {
			continue
		}
		ix.rgrid.visit(at, float32(reach), func(e roleEntry) {
			r := ix.roles.comp[e.slot]
			if p.modeAt(r.startOn(today)) == m {
				fn(e.slot, r)
			}
		})
	}
	for _, rs := range ix.rgrid.remote {
		fn(rs, ix.roles.comp[rs])
	}
}
