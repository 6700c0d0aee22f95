package results

import (
	"context"
	"slices"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// toExplanation converts the engine's explanation, naming for each skill
// not met the programmes that train it.
func toExplanation(e engine.Explanation, programmes func(skill string) []Programme) Explanation {
	return Explanation{
		DistanceKm: e.DistanceKm, AvailableFrom: e.AvailableFrom, DayRelease: e.DayRelease,
		ScheduleFit: e.ScheduleFit, LanguageFit: e.LanguageFit,
		Essential: toSkillGroup(e.Essential, programmes), Optional: toSkillGroup(e.Optional, programmes),
	}
}

func toSkillGroup(g engine.SkillGroup, programmes func(skill string) []Programme) SkillGroup {
	return SkillGroup{
		Met:     toSkillFits(g.Met, programmes),
		Partly:  toSkillFits(g.Partly, programmes),
		Missing: toSkillFits(g.Missing, programmes),
	}
}

func toSkillFits(fits []engine.SkillFit, programmes func(skill string) []Programme) []SkillFit {
	out := make([]SkillFit, 0, len(fits))
	for _, f := range fits {
		s := SkillFit{Skill: f.Skill, RequiredLevel: f.RequiredLevel, Essential: f.Essential, Status: f.Status,
			Level: f.Level, Hours: f.Hours, Attested: f.Attested, Relation: f.Relation, Programmes: []Programme{}}
		if r := f.Related; r != nil {
			s.Related = &RelatedSkill{Skill: r.Skill, Level: r.Level, Hours: r.Hours, Attested: r.Attested, Family: r.Family}
		}
		if f.Status != engine.StatusMet {
			s.Programmes = programmes(f.Skill)
		}
		out = append(out, s)
	}
	return out
}

// toCard converts the engine's card.
func toCard(c engine.Card) Card {
	out := Card{
		Alias: c.Alias, Certificates: nonNil(c.Certificates), AvailableMonth: c.AvailableMonth,
		DistanceBand: c.DistanceBand, DayRelease: c.DayRelease, ScheduleFit: c.ScheduleFit,
		ProgrammeKinds: nonNil(c.ProgrammeKinds),
		Skills:         make([]CardSkill, 0, len(c.Skills)),
		Languages:      make([]CardLanguage, 0, len(c.Languages)),
	}
	for _, s := range c.Skills {
		out.Skills = append(out.Skills, CardSkill{Skill: s.Skill, Level: s.Level, Hours: s.Hours, Attested: s.Attested})
	}
	for _, l := range c.Languages {
		out.Languages = append(out.Languages, CardLanguage{Code: l.Code, Level: l.Level})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return slices.Clone(s)
}

// programmeLookup returns a function naming the programmes that train a
// skill, asking the port once per skill per list. A failing port leaves the
// list empty rather than holding up the results, above all a removal.
func (r *Results) programmeLookup(ctx context.Context) func(skill string) []Programme {
	memo := map[string][]Programme{}
	return func(skill string) []Programme {
		if p, ok := memo[skill]; ok {
			return p
		}
		p := []Programme{}
		if r.programmes != nil {
			got, err := r.programmes.Training(ctx, skill)
			if err != nil {
				r.log.WarnContext(ctx, "programmes that train a skill are unavailable", "skill", skill, "err", err)
			} else if got != nil {
				p = got
			}
		}
		memo[skill] = p
		return p
	}
}

// kindsOnly wraps a programme lookup for a list an employer reads: each
// kind of programme once and no names, which staff type freely and which
// may name a house or a town.
func kindsOnly(programmes func(skill string) []Programme) func(skill string) []Programme {
	return func(skill string) []Programme { return ProgrammeKindsOnly(programmes(skill)) }
}

// ProgrammeKindsOnly returns the kinds of the programmes, each once in
// order of first appearance, without their names.
func ProgrammeKindsOnly(programmes []Programme) []Programme {
	out := make([]Programme, 0, len(programmes))
	for _, p := range programmes {
		if !slices.ContainsFunc(out, func(q Programme) bool { return q.Kind == p.Kind }) {
			out = append(out, Programme{Kind: p.Kind})
		}
	}
	return out
}
