package engine

import "math"

// dayMin stands for "never" as the start of an empty window.
const dayMin = Day(math.MinInt32)

// hotCols are the per-candidate columns the fast path reads before it
// decodes a candidate: cheap necessary conditions of the hard filters.
type hotCols struct {
	bloom    uint32 // skillBloom of the skills held at level 1 or more
	excluded uint32 // excluded sector bits
	// The candidate starts on day release when dFrom ≤ start ≤ dUntil and
	// from the return region when start ≥ rFrom; dUntil < rFrom.
	dFrom, dUntil Day
	rFrom         Day
}

// hotOf derives the hot columns of a profile.
func hotOf(p *profile) hotCols {
	h := hotCols{bloom: skillBloom(p.skills), excluded: p.excluded, dFrom: dayMax, dUntil: dayMin, rFrom: p.release}
	if p.housed {
		h.rFrom = dayMax
		if p.release != 0 {
			h.rFrom = p.release
		}
		if p.hasDR {
			h.dFrom, h.dUntil = p.dr.eligible, h.rFrom-1
			if p.release == 0 {
				h.dUntil = dayMax
			}
		}
	}
	return h
}

// skillBit is the bit of a skill in a skill bloom: one of 32, by a
// multiplicative hash, so the skills of one occupation rarely share one.
func skillBit(id skillID) uint32 {
	return 1 << (uint32(id) * 0x9E3779B1 >> 27)
}

// skillBloom ORs the bits of the skills held at level 1 or more: the
// skills that can be held exactly. A bit that is clear proves the skill is
// not held; a set bit may be another skill's.
func skillBloom(skills []skillRec) uint32 {
	var b uint32
	for _, s := range skills {
		if s.level > 0 {
			b |= skillBit(s.id)
		}
	}
	return b
}

// windowOK is the hot test of availability: false only when no mode
// makes the candidate available on start.
func (h *hotCols) windowOK(start Day) bool {
	return start >= h.rFrom || (h.dFrom <= start && start <= h.dUntil)
}
