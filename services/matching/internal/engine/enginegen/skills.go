package enginegen

import (
	"math/rand/v2"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// candidateSkills draws what a person trained for primary (and perhaps
// secondary) holds: most essential skills, some optional ones, a few
// transversal ones and now and then a rare one, each skill once.
func (g *Generator) candidateSkills(r *rand.Rand, primary, secondary *occupation) []engine.Skill {
	programmeHours := min(2000, max(20, int(r.ExpFloat64()*400)))
	out := make([]engine.Skill, 0, len(primary.essential)+len(primary.optional)/2+4)
	add := func(id string, share float64) {
		hours := roundTo(int(float64(programmeHours)*share*(0.2+0.8*r.Float64())), 5)
		sk := engine.Skill{ID: id, Level: levelFor(r, hours), Hours: hours}
		switch {
		case hours >= 80:
			sk.Attested = chance(r, 0.55)
		case hours > 0:
			sk.Attested = chance(r, 0.2)
		}
		for k := range out {
			if out[k].ID == id {
				if sk.Level > out[k].Level {
					out[k] = sk
				}
				return
			}
		}
		out = append(out, sk)
	}
	addSome := func(reqs []skills.Requirement, p, share float64) {
		for _, req := range reqs {
			if chance(r, p) {
				add(req.Skill, share)
			}
		}
	}
	addSome(primary.essential, 0.85, 1)
	addSome(primary.optional, 0.40, 0.6)
	if secondary != nil {
		addSome(secondary.essential, 0.5, 0.5)
	}
	for range between(r, 1, 3) {
		add(g.transversal[g.transWeight.pick(r)], 0.5)
	}
	if chance(r, 0.15) {
		add(g.anySkill[g.anyWeight.pick(r)], 0.3)
	}
	return out
}

// levelFor turns hours into a level, moving a third of people one level
// up or down: hours are not all a supervisor weighs.
func levelFor(r *rand.Rand, hours int) int {
	level := 1
	for _, threshold := range []int{150, 500, 1200} {
		if hours >= threshold {
			level++
		}
	}
	if chance(r, 1.0/3) {
		if chance(r, 0.5) {
			level++
		} else {
			level--
		}
	}
	return min(4, max(1, level))
}

func roundTo(n, step int) int { return (n + step/2) / step * step }
