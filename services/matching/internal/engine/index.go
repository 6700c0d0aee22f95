package engine

import (
	"slices"
	"sync"

	"github.com/onward-jobs/onward/pkg/skills"
)

// Index is the in-memory index of consenting candidates and open roles. It
// is safe for concurrent use: queries share a read lock, changes take the
// write lock.
type Index struct {
	mu     sync.RWMutex
	skills *skillTable
	sigs   []uint32 // signature bit of each interned skill
	cands  *candStore
	cgrid  *candGrid
	roles  roleStore
	rgrid  *roleGrid
	evals  sync.Pool
}

// NewIndex returns an empty index that reads the skill hierarchy from
// taxonomy.
func NewIndex(taxonomy *skills.Taxonomy) *Index {
	sk := newSkillTable(taxonomy)
	ix := &Index{
		skills: sk,
		cands:  newCandStore(sk),
		cgrid:  newCandGrid(),
		roles:  roleStore{byID: make(map[string]uint32)},
		rgrid:  newRoleGrid(),
	}
	ix.evals.New = func() any { return &query{} }
	return ix
}

// UpsertCandidate adds c or replaces the candidate with its id. A
// candidate without consent to matching, or placed and not still looking,
// is removed instead.
func (ix *Index) UpsertCandidate(c Candidate) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.removeCandidateLocked(c.ID)
	if !c.Matchable() || c.ID == "" {
		return
	}
	p := newProfile(&c, ix.skills.intern)
	ix.signature(&p) // extends sigs to the candidate's skills for Suggestions
	slot := ix.cands.put(&c, &p)
	for _, e := range entriesOf(&p, &ix.cands.hot[slot], ix.cands.bloom[slot], slot) {
		ix.cgrid.add(e)
	}
}

// RemoveCandidate removes a candidate (consent withdrawn, placed, erased) and
// reports whether it was indexed.
func (ix *Index) RemoveCandidate(id string) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.removeCandidateLocked(id)
}

func (ix *Index) removeCandidateLocked(id string) bool {
	slot, ok := ix.cands.slotOf(id)
	if !ok {
		return false
	}
	var p profile
	ix.cands.profileInto(slot, &p)
	for _, e := range entriesOf(&p, &ix.cands.hot[slot], ix.cands.bloom[slot], slot) {
		ix.cgrid.remove(e)
	}
	ix.cands.release(slot)
	return true
}

// entriesOf lists the grid entries of a candidate: the house, when they
// may start on day release from it, and the return region, when they will
// ever start from it.
func entriesOf(p *profile, h *hotCols, bloom uint64, slot uint32) []gridEntry {
	var out []gridEntry
	if p.housed && p.hasDR && p.hasHouse {
		out = append(out, gridEntry{slot | modeBit, p.house.lat, p.house.lon, float32(p.dr.commuteKm),
			h.dFrom, h.dUntil, bloom})
	}
	if p.hasRegion && !(p.housed && p.release == 0) {
		out = append(out, gridEntry{slot, p.region.lat, p.region.lon, float32(p.radiusKm), h.rFrom, dayMax, bloom})
	}
	return out
}

// signature ORs the signature bits of the skills of p.
func (ix *Index) signature(p *profile) uint32 {
	var s uint32
	for _, sk := range p.skills {
		s |= ix.sigBit(sk.id)
	}
	return s
}

// signatureRead is signature without extending sigs, for readers: every
// skill of an indexed candidate has its bit already.
func (ix *Index) signatureRead(p *profile) uint32 {
	var s uint32
	for _, sk := range p.skills {
		if int(sk.id) >= len(ix.sigs) {
			return ^uint32(0)
		}
		s |= ix.sigs[sk.id]
	}
	return s
}

// sigBit is the signature bit of a skill: one bit per skill family (the
// first parent), so a role's siblings and the skill share a bit.
func (ix *Index) sigBit(id skillID) uint32 {
	for int(id) >= len(ix.sigs) {
		n := skillID(len(ix.sigs))
		fam := n
		if ps := ix.skills.parents[n]; len(ps) > 0 {
			fam = ps[0]
		}
		ix.sigs = append(ix.sigs, 1<<(uint64(fam)*0x9E3779B97F4A7C15>>59))
	}
	return ix.sigs[id]
}

// UpsertRole adds r or replaces the role with its id. A role that is not
// open is removed instead.
func (ix *Index) UpsertRole(r Role) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.removeRoleLocked(r.ID)
	if !r.Open || r.ID == "" {
		return
	}
	r = cloneRole(r)
	comp := compileRole(&r, ix.skills)
	comp.sig = ix.essentialSignature(comp)
	slot := ix.roles.put(&r, comp)
	ix.rgrid.add(slot, comp)
}

// essentialSignature ORs the signature bits of every skill that earns
// credit for an essential requirement of r.
func (ix *Index) essentialSignature(r *compiledRole) uint32 {
	var s uint32
	for _, l := range r.links {
		if int(l.req) < r.nEssential {
			s |= ix.sigBit(l.skill)
		}
	}
	return s
}

// RemoveRole removes a role and reports whether it was indexed.
func (ix *Index) RemoveRole(id string) bool {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	return ix.removeRoleLocked(id)
}

func (ix *Index) removeRoleLocked(id string) bool {
	slot, ok := ix.roles.byID[id]
	if !ok {
		return false
	}
	ix.rgrid.remove(slot, ix.roles.comp[slot])
	ix.roles.release(slot)
	return true
}

// Candidate returns the indexed candidate with the given id.
func (ix *Index) Candidate(id string) (Candidate, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.cands.slotOf(id)
	if !ok {
		return Candidate{}, false
	}
	return ix.cands.candidate(slot), true
}

// Role returns the indexed open role with the given id.
func (ix *Index) Role(id string) (Role, bool) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	slot, ok := ix.roles.byID[id]
	if !ok {
		return Role{}, false
	}
	return cloneRole(*ix.roles.role[slot]), true
}

// Versions returns the version of every indexed candidate and role, for
// reconciliation with the owning services.
func (ix *Index) Versions() (candidates, roles map[string]int64) {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	candidates = ix.cands.versions()
	roles = make(map[string]int64, len(ix.roles.byID))
	for id, slot := range ix.roles.byID {
		roles[id] = ix.roles.role[slot].Version
	}
	return candidates, roles
}

// Stats describes the index.
func (ix *Index) Stats() Stats {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return Stats{
		Candidates:  ix.cands.len(),
		Roles:       len(ix.roles.byID),
		RemoteRoles: len(ix.rgrid.remote),
		Skills:      ix.skills.size(),
		GridCells:   len(ix.cgrid.cells),
	}
}

// cloneRole copies the slices of r, so the caller may reuse them.
func cloneRole(r Role) Role {
	if r.Site != nil {
		s := *r.Site
		r.Site = &s
	}
	r.Essential = slices.Clone(r.Essential)
	r.Optional = slices.Clone(r.Optional)
	r.Languages = slices.Clone(r.Languages)
	r.Shifts = slices.Clone(r.Shifts)
	return r
}

// roleStore keeps open roles in dense slots.
type roleStore struct {
	byID map[string]uint32
	role []*Role
	comp []*compiledRole
	free []uint32
}

func (s *roleStore) put(r *Role, c *compiledRole) uint32 {
	var slot uint32
	if n := len(s.free); n > 0 {
		slot, s.free = s.free[n-1], s.free[:n-1]
		s.role[slot], s.comp[slot] = r, c
	} else {
		slot = uint32(len(s.role))
		s.role, s.comp = append(s.role, r), append(s.comp, c)
	}
	s.byID[r.ID] = slot
	return slot
}

func (s *roleStore) release(slot uint32) {
	delete(s.byID, s.role[slot].ID)
	s.role[slot], s.comp[slot] = nil, nil
	s.free = append(s.free, slot)
}
