package engine

import (
	"fmt"
	"slices"
)

// skillFit places one requirement in its group from the best credit the
// scoring found for it (b), so the explanation says exactly what the score
// counts: met when the skill itself is held at the level asked (its
// credit is then at least CreditFull, more than any related skill can
// earn), partly when some credit is earned otherwise, missing when none.
func skillFit(q *compiledReq, b reqBest, p *profile, t *skillTable) SkillFit {
	fit := SkillFit{Skill: q.name, RequiredLevel: int(q.min), Essential: q.essential, Status: StatusMissing,
		Credit: int(b.credit)}
	if own, ok := heldSkill(p, q); ok {
		fit.Level, fit.Hours, fit.Attested = int(own.level), int(own.hours), own.attested
	}
	switch {
	case b.credit <= 0:
		return fit
	case b.way == viaExact && fit.Level >= fit.RequiredLevel:
		fit.Status = StatusMet
		return fit
	}
	fit.Status = StatusPartly
	if b.way == viaExact {
		fit.Relation = RelationBelowLevel
		return fit
	}
	s := p.skills[b.skill]
	fit.Related = &RelatedSkill{Skill: t.names[s.id], Level: int(s.level), Hours: int(s.hours), Attested: s.attested}
	fit.Relation = RelationParent
	if b.way == viaSibling {
		fit.Relation = RelationSibling
		fit.Related.Family = sharedParent(t, q.skill, s.id)
	}
	return fit
}

// heldSkill finds the candidate's own record of the required skill, held
// at level 1 or more.
func heldSkill(p *profile, q *compiledReq) (skillRec, bool) {
	if !q.known {
		return skillRec{}, false
	}
	i, ok := slices.BinarySearchFunc(p.skills, q.skill, func(s skillRec, id skillID) int { return int(s.id) - int(id) })
	if !ok || p.skills[i].level <= 0 {
		return skillRec{}, false
	}
	return p.skills[i], true
}

// sharedParent names the first parent of skill a (in the taxonomy's
// order) that is also a parent of b: the family two siblings share.
func sharedParent(t *skillTable, a, b skillID) string {
	for _, pa := range t.parents[a] {
		if slices.Contains(t.parents[b], pa) {
			return t.names[pa]
		}
	}
	return ""
}

// CheckAgainst reports the first way the explanation's skill groups break
// the model for role r: a requirement missing or listed twice, a skill in
// two lists, an essential requirement in the optional group or the other
// way round, a status or relation that does not fit its list. The tests
// assert it over generated data; it costs a few map operations.
func (e Explanation) CheckAgainst(r Role) error {
	want := map[string]bool{}
	for _, q := range r.Essential {
		want[q.Skill] = true
	}
	for _, q := range r.Optional {
		want[q.Skill] = false
	}
	seen := map[string]bool{}
	for _, g := range [...]struct {
		essential bool
		group     SkillGroup
	}{{true, e.Essential}, {false, e.Optional}} {
		for _, l := range [...]struct {
			status SkillStatus
			fits   []SkillFit
		}{{StatusMet, g.group.Met}, {StatusPartly, g.group.Partly}, {StatusMissing, g.group.Missing}} {
			for _, f := range l.fits {
				essential, asked := want[f.Skill]
				switch {
				case !asked:
					return fmt.Errorf("%s is listed but not asked for", f.Skill)
				case seen[f.Skill]:
					return fmt.Errorf("%s is listed twice", f.Skill)
				case essential != g.essential || f.Essential != g.essential:
					return fmt.Errorf("%s is listed with essential %v in the group with essential %v", f.Skill, f.Essential, g.essential)
				case f.Status != l.status:
					return fmt.Errorf("%s has status %s in the %s list", f.Skill, f.Status, l.status)
				}
				if err := f.consistent(); err != nil {
					return err
				}
				seen[f.Skill] = true
			}
		}
	}
	if len(seen) != len(want) {
		return fmt.Errorf("%d of the %d skills asked for are listed", len(seen), len(want))
	}
	return nil
}

// consistent checks that a fit's status, relation, levels and credit
// agree with each other.
func (f SkillFit) consistent() error {
	ok := true
	switch f.Status {
	case StatusMet:
		ok = f.Relation == "" && f.Related == nil && f.Level >= f.RequiredLevel && f.Credit >= CreditFull
	case StatusPartly:
		ok = f.Credit > 0 && f.Credit < CreditFull
		switch f.Relation {
		case RelationBelowLevel:
			ok = ok && f.Related == nil && f.Level >= 1 && f.Level < f.RequiredLevel
		case RelationParent, RelationSibling:
			ok = ok && f.Related != nil && f.Related.Skill != f.Skill && f.Level < f.RequiredLevel &&
				(f.Relation == RelationParent) == (f.Related.Family == "")
		default:
			ok = false
		}
	case StatusMissing:
		ok = f.Relation == "" && f.Related == nil && f.Credit == 0
	default:
		ok = false
	}
	if !ok {
		return fmt.Errorf("%s: status %s, relation %q, level %d of %d, credit %d do not agree",
			f.Skill, f.Status, f.Relation, f.Level, f.RequiredLevel, f.Credit)
	}
	return nil
}
