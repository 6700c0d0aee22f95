package engine

import "slices"

// candStore keeps indexed candidates in dense slots, reused through a
// free list.
type candStore struct {
	bySlot map[string]uint32
	ids    []string
	hot    []hotCols
	cand   []Candidate
	prof   []profile
	free   []uint32
	live   int
}

func newCandStore() *candStore { return &candStore{bySlot: make(map[string]uint32)} }

func (s *candStore) len() int { return s.live }

func (s *candStore) slotOf(id string) (uint32, bool) {
	slot, ok := s.bySlot[id]
	return slot, ok
}

// put stores a candidate in a free slot and returns the slot.
func (s *candStore) put(c *Candidate, p *profile, sig uint64) uint32 {
	var slot uint32
	if n := len(s.free); n > 0 {
		slot, s.free = s.free[n-1], s.free[:n-1]
	} else {
		slot = uint32(len(s.ids))
		s.ids = append(s.ids, "")
		s.hot = append(s.hot, hotCols{})
		s.cand = append(s.cand, Candidate{})
		s.prof = append(s.prof, profile{})
	}
	s.ids[slot] = c.ID
	s.hot[slot] = hotOf(p, sig)
	s.cand[slot] = cloneCandidate(*c)
	s.prof[slot] = *p
	s.bySlot[c.ID] = slot
	s.live++
	return slot
}

func (s *candStore) release(slot uint32) {
	delete(s.bySlot, s.ids[slot])
	s.ids[slot] = ""
	s.hot[slot] = hotCols{sig: 0, dFrom: dayMax, dUntil: dayMin, rFrom: dayMax}
	s.cand[slot] = Candidate{}
	s.prof[slot] = profile{}
	s.free = append(s.free, slot)
	s.live--
}

// alive reports whether a slot holds a candidate.
func (s *candStore) alive(slot uint32) bool { return s.ids[slot] != "" }

func (s *candStore) slots() int { return len(s.ids) }

func (s *candStore) id(slot uint32) string { return s.ids[slot] }

// profileInto decodes the scoring form of a slot into p, reusing its
// slices.
func (s *candStore) profileInto(slot uint32, p *profile) { *p = s.prof[slot] }

func (s *candStore) candidate(slot uint32) Candidate { return cloneCandidate(s.cand[slot]) }

func (s *candStore) versions() map[string]int64 {
	out := make(map[string]int64, s.live)
	for slot, id := range s.ids {
		if id != "" {
			out[id] = s.cand[slot].Version
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
