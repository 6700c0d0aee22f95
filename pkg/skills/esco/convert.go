package esco

import (
	"slices"

	"github.com/onward-jobs/onward/pkg/skills"
)

// toSkills converts read concepts into taxonomy skills, URIs into ids.
func toSkills(set *conceptSet, ids map[string]string) []skills.Skill {
	out := make([]skills.Skill, 0, len(set.order))
	for _, c := range set.order {
		var parents []string
		for _, p := range c.parents {
			parents = append(parents, ids[p])
		}
		out = append(out, skills.Skill{
			ID:       ids[c.uri],
			Kind:     toKind(c.skillType, c.reuseLevel),
			Labels:   c.labels,
			Synonyms: c.synonyms,
			Parents:  parents,
			ESCOURI:  c.uri,
		})
	}
	return out
}

// toKind maps ESCO's skill type and reuse level to a kind; transversal wins
// because "works in a team" matters to an employer as a transversal skill
// whether ESCO files it as knowledge or as a skill.
func toKind(skillType, reuseLevel string) skills.Kind {
	switch {
	case reuseLevel == "transversal":
		return skills.KindTransversal
	case skillType == "knowledge":
		return skills.KindKnowledge
	default:
		return skills.KindSkill
	}
}

func toOccupations(set *conceptSet, ids, skillIDs map[string]string) []skills.Occupation {
	out := make([]skills.Occupation, 0, len(set.order))
	for _, c := range set.order {
		out = append(out, skills.Occupation{
			ID:        ids[c.uri],
			Labels:    c.labels,
			Synonyms:  c.synonyms,
			Essential: toRequirements(c.essential, nil, skillIDs),
			Optional:  toRequirements(c.optional, c.essential, skillIDs),
			ESCOURI:   c.uri,
		})
	}
	return out
}

// toRequirements converts skill URIs, leaving out those in except: a skill
// ESCO lists as both essential and optional is essential.
func toRequirements(uris, except []string, skillIDs map[string]string) []skills.Requirement {
	var out []skills.Requirement
	for _, u := range uris {
		if slices.Contains(except, u) {
			continue
		}
		out = append(out, skills.Requirement{Skill: skillIDs[u], MinLevel: DefaultMinLevel})
	}
	return out
}
