package engine

import "math"

// dayMin stands for "never" as the start of an empty window.
const dayMin = Day(math.MinInt32)

// hotCols are the per-candidate columns the fast path reads before it
// decodes a candidate: cheap necessary conditions of the hard filters.
type hotCols struct {
	sig      uint32 // skill signature: one bit per skill family held
	excluded uint32 // excluded sector bits
	// The candidate starts on day release when dFrom ≤ start ≤ dUntil and
	// from the return region when start ≥ rFrom; dUntil < rFrom.
	dFrom, dUntil Day
	rFrom         Day
}

// hotOf derives the hot columns of a profile.
func hotOf(p *profile, sig uint32) hotCols {
	h := hotCols{sig: sig, excluded: p.excluded, dFrom: dayMax, dUntil: dayMin, rFrom: p.release}
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

// windowOK is the hot test of availability: false only when no mode
// makes the candidate available on start.
func (h *hotCols) windowOK(start Day) bool {
	return start >= h.rFrom || (h.dFrom <= start && start <= h.dUntil)
}
