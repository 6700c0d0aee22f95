package mongo

import (
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// legacySkillGroups reads the skills of an explanation stored before the
// groups into groups, by the same rules the engine applies: a matched
// skill held exactly at the level asked is met; one held exactly below it
// is partly met (below_level); one credited through a parent or sibling
// is partly met with that relation, and leaves the missing list (the old
// layout listed it in both); a missing skill with no credit is missing.
// The old layout did not name the related skill nor the candidate's own
// level in a skill credited through one, so Related.Skill is "" and Level
// 0 there; the list is rewritten whole, with every name, the next time
// its role or candidate changes or the results are rebuilt.
func legacySkillGroups(matched []matchedDoc, missing []missingDoc) (essential, optional results.SkillGroup) {
	essential, optional = emptyGroup(), emptyGroup()
	group := func(e bool) *results.SkillGroup {
		if e {
			return &essential
		}
		return &optional
	}
	credited := map[string]bool{}
	for _, m := range matched {
		credited[m.Skill] = true
		f := results.SkillFit{Skill: m.Skill, RequiredLevel: m.RequiredLevel, Essential: m.Essential, Programmes: []results.Programme{}}
		g := group(m.Essential)
		switch {
		case m.Via == "" && m.CandidateLevel >= m.RequiredLevel:
			f.Status, f.Level, f.Hours, f.Attested = engine.StatusMet, m.CandidateLevel, m.Hours, m.Attested
			g.Met = append(g.Met, f)
			continue
		case m.Via == "":
			f.Relation, f.Level, f.Hours, f.Attested = engine.RelationBelowLevel, m.CandidateLevel, m.Hours, m.Attested
		default:
			f.Relation = engine.Relation(m.Via)
			f.Related = &results.RelatedSkill{Level: m.CandidateLevel, Hours: m.Hours, Attested: m.Attested}
		}
		f.Status = engine.StatusPartly
		g.Partly = append(g.Partly, f)
	}
	for _, m := range missing {
		progs := toProgrammes(m.Programmes)
		if credited[m.Skill] {
			attachProgrammes(group(m.Essential), m.Skill, progs)
			continue
		}
		g := group(m.Essential)
		g.Missing = append(g.Missing, results.SkillFit{Skill: m.Skill, RequiredLevel: m.RequiredLevel, Essential: m.Essential,
			Status: engine.StatusMissing, Programmes: progs})
	}
	return essential, optional
}

// attachProgrammes gives a partly met skill of g the programmes the old
// layout listed with it as missing.
func attachProgrammes(g *results.SkillGroup, skill string, progs []results.Programme) {
	for i := range g.Partly {
		if g.Partly[i].Skill == skill {
			g.Partly[i].Programmes = progs
		}
	}
}

func emptyGroup() results.SkillGroup {
	return results.SkillGroup{Met: []results.SkillFit{}, Partly: []results.SkillFit{}, Missing: []results.SkillFit{}}
}
