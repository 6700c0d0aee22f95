package engine

import (
	"math/bits"
	"slices"
)

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
	fullMask uint64
	noFull   bool
	bounds   []reqBound
	// anyMask holds a bit of every skill that earns essential credit;
	// essScale and optScale turn summed credits into points.
	anyMask            uint64
	anyFam             uint32
	essScale, optScale float64
	// essBest is remoteNear's bound by the highest level held and the
	// essential skills shown; langPts is potPoints' table.
	essBest [5][]int
	langPts [256]int32
	// fullPend and nearPend are the candidates that passed the cheap
	// filters and may, or cannot, be full matches; nearPend is filled
	// only with collectNear. order and buckets are process's scratch.
	fullPend, nearPend, order []pending
	buckets                   []int32
	best                      []ranked // entries' scratch
	collectNear               bool
	scanFn                    func([]gridEntry)
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
	// Every full match ranks above every near match, so the candidates
	// whose skill bloom allows a full match are considered first; the
	// others only when fewer than k full matches were found. Each group is
	// considered best bound first, so the cut-off rises fast and most
	// candidates are dropped on their bound alone. A candidate is
	// considered once: its bloom puts it in one group, and at most one of
	// its entries applies on the start day.
	q.fullPend, q.nearPend = q.fullPend[:0], q.nearPend[:0]
	q.collectNear = !r.remote
	if r.remote {
		q.scanRemote()
	} else {
		ix.cgrid.visit(r.site, q.scanFn)
	}
	q.process(q.fullPend, true)
	switch {
	case q.top.fullOfFull():
	case r.remote:
		q.remoteNear()
	default:
		pots := ix.cands.pot
		for i := range q.nearPend {
			p := &q.nearPend[i]
			pot := pots[p.slot]
			p.known += int32(q.potPoints(pot))
			pts, any := q.bloomBound(p.bloom, ix.cands.fam[p.slot], pot.level())
			p.bound = -1
			if any {
				p.bound = int32(pts + q.maxRest + int(p.known))
			}
		}
		q.process(q.nearPend, false)
	}
	return q.entries(ix.cands.id)
}

// remoteNear considers the near matches of a remote role, which may be
// most of the index, in two scans: first the candidates whose bloom shows
// every essential skill but one, whose best usually settle the cut-off,
// then the others, each dropped unless the most a candidate showing that
// many essential skills could score (a bound that needs no loop over the
// requirements) can still enter the top-k.
func (q *query) remoteNear() {
	r := q.role
	// essBest[level][e] is the most the skills of a near candidate holding
	// no skill above level and showing e essential skills can earn: the e
	// best exact credits, the best hierarchy credits for the rest, and
	// every optional skill.
	for level := range q.essBest {
		var exact, hier [maxRequirements]int32
		var opt int32
		for i := range q.bounds {
			b := &q.bounds[i]
			if i < r.nEssential {
				exact[i], hier[i] = b.exactMax[level], b.parentMax[level]
			} else {
				opt += b.exactMax[level]
			}
		}
		slices.Sort(exact[:r.nEssential])
		slices.Sort(hier[:r.nEssential])
		best := q.essBest[level][:0]
		for e := range r.nEssential + 1 {
			var ess int32
			for _, c := range exact[r.nEssential-e : r.nEssential] {
				ess += c
			}
			for _, c := range hier[e:r.nEssential] {
				ess += c
			}
			best = append(best, int(float64(ess)*q.essScale+float64(opt)*q.optScale)+1)
		}
		q.essBest[level] = best
	}
	for _, first := range [...]bool{true, false} {
		q.nearPend = q.nearPend[:0]
		q.scanRemoteNear(first)
		q.process(q.nearPend, false)
	}
}

// nearChunk is how many near candidates of a remote role are filed before
// they are considered.
const nearChunk = 4096

// scanRemoteNear files the near candidates of a remote role with their
// bounds: those showing all essential skills but one (first), or the
// others.
func (q *query) scanRemoteNear(first bool) {
	r, start, hot, pots := q.role, q.start, q.ix.cands.hot, q.ix.cands.pot
	top := r.nEssential - 1
	restMax := q.maxRest + DistanceRemotePoints + SlackMaxPoints
	for slot, b := range q.ix.cands.bloom {
		if !q.noFull && b&q.fullMask == q.fullMask {
			continue // a possible full match, considered already
		}
		// Each essential skill not shown misses at most two of the bits of
		// fullMask that b misses, so e ≤ nEssential − ⌈missing/2⌉; the
		// exact count is needed only where it may reach top.
		missing := bits.OnesCount64(q.fullMask &^ b)
		e := max(r.nEssential-(missing+1)/2, 0)
		if missing <= 2 {
			e = q.essentialsShown(b)
		}
		if (e >= top) != first {
			continue
		}
		pot := pots[slot]
		potPts := q.potPoints(pot)
		if !first && !q.top.wouldEnter(false, q.essBest[pot.level()][e]+restMax+potPts) {
			continue
		}
		h := &hot[slot]
		var from Day
		switch {
		case start >= h.rFrom:
			from = h.rFrom
		case h.dFrom <= start && start <= h.dUntil && r.dayRelOK:
			from = h.dFrom
		default:
			continue
		}
		if !q.ix.cands.alive(uint32(slot)) {
			continue
		}
		known := DistanceRemotePoints + slackPoints(start, max(q.today, from)) + potPts
		if pts, any := q.bloomBound(b, q.ix.cands.fam[slot], pot.level()); any && q.top.wouldEnter(false, pts+q.maxRest+known) {
			q.nearPend = append(q.nearPend, pending{b, uint32(slot), int32(known), int32(pts + q.maxRest + known)})
			// Considering what is filed now and then raises the cut-off,
			// so that most later candidates are dropped before filing;
			// the cut-off only rises, so nothing dropped could enter.
			if len(q.nearPend) >= nearChunk {
				q.process(q.nearPend, false)
				q.nearPend = q.nearPend[:0]
			}
		}
	}
}

// essentialsShown counts the essential skills whose bits bloom b holds.
func (q *query) essentialsShown(b uint64) int {
	n := 0
	for i := range q.role.nEssential {
		if x := q.bounds[i].exactBit; x != 0 && b&x == x {
			n++
		}
	}
	return n
}

// pending is a candidate that passed every filter the grid entry or the
// hot columns can apply, waiting to be considered.
type pending struct {
	bloom uint64
	slot  uint32
	// known is what distance, slack, certificates and attested hours can
	// add, known (or bounded by the potential) before decoding.
	known int32
	bound int32 // the most the candidate can score; -1 for nothing
}

// offerPending files a candidate that passed the cheap filters, with the
// distance and slack points known for it: with its bound among the
// possible full matches, or (when wanted) unbounded among the others.
func (q *query) offerPending(slot uint32, bloom uint64, known int) {
	if q.noFull || bloom&q.fullMask != q.fullMask {
		if q.collectNear {
			q.fileNear(slot, bloom, known)
		}
		return
	}
	pot := q.ix.cands.pot[slot]
	known += q.potPoints(pot)
	pts, any := q.bloomBound(bloom, q.ix.cands.fam[slot], pot.level())
	if any {
		q.fullPend = append(q.fullPend, pending{bloom, slot, int32(known), int32(pts + q.maxRest + known)})
	}
}

// fileNear files a candidate that cannot be a full match; its bound is
// worked out only if the near matches are needed.
func (q *query) fileNear(slot uint32, bloom uint64, known int) {
	q.nearPend = append(q.nearPend, pending{bloom: bloom, slot: slot, known: int32(known)})
}

// boundShift sets the width of the buckets process orders by: 8 points.
const boundShift = 3

// firstBand is how many candidates process orders in its first band.
const firstBand = 1024

// process considers the pending candidates best bound first and stops
// when the best bound left cannot enter the top-k as full (or near)
// matches; candidates with a bound below 0 are skipped. It counts the
// candidates per bucket of bounds, then orders and considers them band by
// band, best buckets first, each band about twice the one before, so that
// when the first band settles the cut-off the rest are never ordered.
func (q *query) process(items []pending, full bool) {
	hi := int32(-1)
	for i := range items {
		hi = max(hi, items[i].bound)
	}
	if hi < 0 {
		return
	}
	// Bucket b holds the bounds of (nb-1-b)<<boundShift and the next few:
	// bucket 0 the best.
	nb := int(hi>>boundShift) + 1
	if cap(q.buckets) < nb {
		q.buckets = make([]int32, nb)
	}
	counts := q.buckets[:nb]
	clear(counts)
	for i := range items {
		if items[i].bound >= 0 {
			counts[nb-1-int(items[i].bound>>boundShift)]++
		}
	}
	band := firstBand
	for b0 := 0; b0 < nb; {
		if !q.top.wouldEnter(full, int((int32(nb-1-b0)+1)<<boundShift-1)) {
			return
		}
		// The band is buckets b0 … b1-1; counts become their starts.
		n, b1 := int32(0), b0
		for ; b1 < nb && (b1 == b0 || int(n) < band); b1++ {
			n, counts[b1] = n+counts[b1], n
		}
		if cap(q.order) < int(n) {
			q.order = make([]pending, n)
		}
		order := q.order[:n]
		for i := range items {
			p := &items[i]
			if p.bound < 0 {
				continue
			}
			if b := nb - 1 - int(p.bound>>boundShift); b0 <= b && b < b1 {
				order[counts[b]] = *p
				counts[b]++
			}
		}
		// counts[b] is now the end of bucket b, so the order is by bucket.
		q.considerOrdered(order, full)
		b0, band = b1, 2*band
	}
}

// considerOrdered considers candidates ordered by descending bucket of
// bound, stopping at the first that cannot enter the top-k.
func (q *query) considerOrdered(order []pending, full bool) {
	for _, p := range order {
		if !q.top.wouldEnter(full, int(p.bound|(1<<boundShift-1))) {
			return // nor can any after it, whose buckets are no better
		}
		if q.top.wouldEnter(full, int(p.bound)) {
			q.consider(p.slot, q.maxRest+int(p.known))
		}
	}
}

// scanRemote files the live candidates for a remote role that may be
// full matches, from the hot columns: no distance limit, but the
// availability window, day release and the skill bloom still apply.
func (q *query) scanRemote() {
	r, start, hot := q.role, q.start, q.ix.cands.hot
	for slot, b := range q.ix.cands.bloom {
		if q.noFull || b&q.fullMask != q.fullMask {
			continue
		}
		h := &hot[slot]
		var from Day
		switch {
		case start >= h.rFrom:
			from = h.rFrom
		case h.dFrom <= start && start <= h.dUntil && r.dayRelOK:
			from = h.dFrom
		default:
			continue // not available, or on day release for a role without it
		}
		if q.ix.cands.alive(uint32(slot)) {
			q.offerPending(uint32(slot), b, DistanceRemotePoints+slackPoints(start, max(q.today, from)))
		}
	}
}

// scan files every candidate of a grid cell within reach of the site in
// the mode the entry stands for, testing the entry's own copy of the
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
		// the rest of the score can add is tight for them; an entry on day
		// release stands at the house, whose distance earns flat points.
		dist := distancePoints(false, d)
		if e.slot&modeBit != 0 {
			dist = DistanceHousePoints
		}
		q.offerPending(e.slot&^modeBit, e.bloom, dist+slackPoints(start, max(q.today, e.from)))
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
	best := q.top.sorted(q.best)
	q.best = best
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
