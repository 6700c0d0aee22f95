package engine

import "slices"

// noRecord marks a free slot.
const noRecord = ^uint32(0)

// candStore keeps indexed candidates in dense slots, reused through a
// free list: each slot is a compact record in the arena (see record.go),
// the hot columns the fast path tests first, and an entry in the id table.
type candStore struct {
	ar   arena
	refs []uint32
	hot  []hotCols
	// bloom is each slot's skill bloom (skillBloom), a column of its own
	// so that a remote role's first pass reads 8 bytes per slot.
	bloom []uint64
	pot   []potential
	fam   []uint32 // each slot's familyBloom
	ids   idTable
	st    stringTable
	sk    *skillTable
	free  []uint32
	live  int
}

func newCandStore(sk *skillTable) *candStore { return &candStore{sk: sk} }

func (s *candStore) len() int { return s.live }

func (s *candStore) slots() int { return len(s.refs) }

func (s *candStore) alive(slot uint32) bool { return s.refs[slot] != noRecord }

// body returns the record body of a live slot.
func (s *candStore) body(slot uint32) []byte {
	b, _ := openRecord(s.ar.get(s.refs[slot]))
	return b
}

func (s *candStore) id(slot uint32) string {
	id, _ := recordID(s.body(slot), "")
	return id
}

func (s *candStore) hashOf(slot uint32) uint64 { return IDHash(s.id(slot)) }

func (s *candStore) slotOf(id string) (uint32, bool) {
	if id == "" {
		return 0, false
	}
	return s.ids.find(IDHash(id), func(slot uint32) bool {
		_, eq := recordID(s.body(slot), id)
		return eq
	})
}

// put stores a candidate in a free slot and returns the slot; the id must
// not be stored already.
func (s *candStore) put(c *Candidate, p *profile) uint32 {
	var slot uint32
	if n := len(s.free); n > 0 {
		slot, s.free = s.free[n-1], s.free[:n-1]
	} else {
		slot = uint32(len(s.refs))
		s.refs = append(s.refs, noRecord)
		s.hot = append(s.hot, hotCols{})
		s.bloom = append(s.bloom, 0)
		s.pot = append(s.pot, 0)
		s.fam = append(s.fam, 0)
	}
	var buf [256]byte
	s.refs[slot] = s.ar.put(encodeRecord(buf[:0], c, p, &s.st))
	s.hot[slot] = hotOf(p)
	s.bloom[slot] = skillBloom(p.skills)
	s.pot[slot] = potentialOf(p)
	s.fam[slot] = familyBloom(p.skills, s.sk.parents)
	s.ids.insert(IDHash(c.ID), slot, s.hashOf)
	s.live++
	return slot
}

func (s *candStore) release(slot uint32) {
	s.ids.remove(s.hashOf(slot), slot, s.hashOf)
	_, size := openRecord(s.ar.get(s.refs[slot]))
	s.ar.free(size)
	s.refs[slot] = noRecord
	s.hot[slot] = hotCols{dFrom: dayMax, dUntil: dayMin, rFrom: dayMax}
	s.bloom[slot], s.pot[slot], s.fam[slot] = 0, 0, 0
	s.free = append(s.free, slot)
	s.live--
	if s.ar.garbage > 8<<20 && s.ar.garbage > s.ar.used/2 {
		s.compact()
	}
}

// compact copies the live records into a fresh arena, dropping garbage.
func (s *candStore) compact() {
	var fresh arena
	for slot, ref := range s.refs {
		if ref != noRecord {
			_, size := openRecord(s.ar.get(ref))
			s.refs[slot] = fresh.put(s.ar.get(ref)[:size])
		}
	}
	s.ar = fresh
}

// profileInto decodes the scoring form of a slot into p, reusing its
// slices.
func (s *candStore) profileInto(slot uint32, p *profile) {
	decode(s.body(slot), &s.st, s.sk, p, nil)
}

func (s *candStore) candidate(slot uint32) Candidate {
	var p profile
	var c Candidate
	decode(s.body(slot), &s.st, s.sk, &p, &c)
	return c
}

func (s *candStore) versions() map[string]int64 {
	out := make(map[string]int64, s.live)
	var p profile
	var c Candidate
	for slot, ref := range s.refs {
		if ref != noRecord {
			decode(s.body(uint32(slot)), &s.st, s.sk, &p, &c)
			out[c.ID] = c.Version
		}
	}
	return out
}

// cloneCandidate copies the slices and pointers of c.
func cloneCandidate(c Candidate) Candidate {
	if c.House != nil {
		h := *c.House
		c.House = &h
	}
	if c.DayRelease != nil {
		d := *c.DayRelease
		c.DayRelease = &d
	}
	if c.ReturnRegion != nil {
		r := *c.ReturnRegion
		c.ReturnRegion = &r
	}
	c.Languages = slices.Clone(c.Languages)
	c.ExcludedSectors = slices.Clone(c.ExcludedSectors)
	c.Skills = slices.Clone(c.Skills)
	c.Certificates = slices.Clone(c.Certificates)
	c.ProgrammeKinds = slices.Clone(c.ProgrammeKinds)
	c.PreferredSectors = slices.Clone(c.PreferredSectors)
	c.Contracts = slices.Clone(c.Contracts)
	return c
}
