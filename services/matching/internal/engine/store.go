package engine

import "math"

// dayMin stands for "never" as the start of an empty window.
const dayMin = Day(math.MinInt32)

// hotCols are the per-candidate columns the fast path reads before it
// decodes a candidate: cheap necessary conditions of the hard filters.
type hotCols struct {
	// The candidate starts on day release when dFrom ≤ start ≤ dUntil and
	// from the return region when start ≥ rFrom; dUntil < rFrom.
	dFrom, dUntil Day
	rFrom         Day
}

// hotOf derives the hot columns of a profile.
func hotOf(p *profile) hotCols {
	h := hotCols{dFrom: dayMax, dUntil: dayMin, rFrom: p.release}
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

// skillBits are the two bits of a skill in a skill bloom, of 64, by a
// multiplicative hash (they may coincide): a skill is held only if both
// are set. The first alone (skillBit) shows that a skill may be held.
func skillBits(id skillID) uint64 {
	h := uint64(id) * 0x9E3779B97F4A7C15
	return 1<<(h>>58) | 1<<(h>>52&63)
}

// skillBit is the first of skillBits.
func skillBit(id skillID) uint64 {
	return 1 << (uint64(id) * 0x9E3779B97F4A7C15 >> 58)
}

// skillBloom ORs the bits of the skills held at level 1 or more: the
// skills that can earn credit. A bit that is clear proves the skill is not
// held; a set bit may be another skill's.
func skillBloom(skills []skillRec) uint64 {
	var b uint64
	for _, s := range skills {
		if s.level > 0 {
			b |= skillBits(s.id)
		}
	}
	return b
}

// famBit is the bit of a skill family (the children of one parent skill)
// in a family bloom: one of 32, by a multiplicative hash.
func famBit(parent skillID) uint32 {
	return 1 << (uint32(parent) * 0x9E3779B1 >> 27)
}

// familyBloom ORs the bits of every parent of the skills held at level 1
// or more: a clear bit proves that no child of that parent is held, so no
// credit through a sibling can come from it.
func familyBloom(skills []skillRec, parents [][]skillID) uint32 {
	var b uint32
	for _, s := range skills {
		if s.level > 0 && int(s.id) < len(parents) {
			for _, p := range parents[s.id] {
				b |= famBit(p)
			}
		}
	}
	return b
}

// potential packs what a candidate can earn whatever the role, so a bound
// needs no record: the highest level held (bits 0–2, at most 4), the
// certificates that count (bits 3–4, at most 3), the attested-hours steps
// reached by the attested hours on all skills (bits 5–7), which no role's
// attested hours can exceed, and a bloom of the languages spoken (bits
// 8–15, see langBit).
type potential uint16

// langBit is the bit of a language code in a potential's language bloom.
func langBit(code string) potential {
	h := uint32(2166136261)
	for i := 0; i < len(code); i++ {
		h = (h ^ uint32(code[i])) * 16777619
	}
	return 1 << (8 + h>>29)
}

func potentialOf(p *profile) potential {
	var level int8
	var hours int64
	for _, s := range p.skills {
		if s.level <= 0 {
			continue
		}
		level = max(level, min(s.level, 4))
		if s.attested {
			hours += int64(max(s.hours, 0))
		}
	}
	steps := attestedHoursPoints(hours) / AttestedHoursPointsPerStep
	pt := potential(level) | potential(min(p.certs, 3))<<3 | potential(steps)<<5
	for _, l := range p.langs {
		pt |= langBit(l.code)
	}
	return pt
}

// langs is the language bloom, 0 to 255.
func (pt potential) langs() int { return int(pt >> 8) }

// level is the highest level held, 0 to 4.
func (pt potential) level() int { return int(pt & 7) }

// points is the most the certificates and attested hours can add.
func (pt potential) points() int {
	return min(int(pt>>3&3)*CertificatePoints, CertificateMaxPoints) +
		min(int(pt>>5&7)*AttestedHoursPointsPerStep, AttestedHoursMaxPoints)
}

// windowOK is the hot test of availability: false only when no mode
// makes the candidate available on start.
func (h *hotCols) windowOK(start Day) bool {
	return start >= h.rFrom || (h.dFrom <= start && start <= h.dUntil)
}
