package explore

import (
	"context"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// parentsTimeout bounds the lookups of a skill's broader skills, which
// only lend them their labels.
const parentsTimeout = 3 * time.Second

// maxParentsShown bounds the lookups for a skill's broader skills.
const maxParentsShown = 6

// link is a label that leads to another item on the explore page.
type link struct {
	Label, Href string
}

// skillInfo describes a chosen skill.
type skillInfo struct {
	Label, Kind string
	Parents     []link
}

// requirementInfo is one skill an occupation asks for, with its minimum
// level in words.
type requirementInfo struct {
	link
	Level     int
	LevelText string
	LevelOf   string
}

// occupationInfo describes a chosen occupation.
type occupationInfo struct {
	Label               string
	Essential, Optional []requirementInfo
}

// placeInfo describes a chosen place.
type placeInfo struct {
	Name, Country, CountryCode, Population string
}

// describeSkill names the skill's kind and its broader skills, looked up
// for their labels; a parent that cannot be looked up shows its id.
func (p *Pages) describeSkill(c *fiber.Ctx, v *kit.View, d *explorePage, it api.SkillDetail) *skillInfo {
	info := &skillInfo{Label: it.Label, Kind: kit.SkillKindName(v.Localizer, string(it.Kind))}
	ctx, cancel := context.WithTimeout(kit.Ctx(c), parentsTimeout)
	defer cancel()
	for i, id := range it.Parents {
		if i == maxParentsShown {
			break
		}
		label := id
		if parent, err := p.kit.Skill(ctx, id, v.Lang); err == nil {
			label = parent.Label
		}
		info.Parents = append(info.Parents, link{Label: label, Href: d.skillLink(id)})
	}
	return info
}

// occupationInfoOf describes an occupation and the skills it asks for.
func occupationInfoOf(v *kit.View, d *explorePage, it api.Occupation) *occupationInfo {
	return &occupationInfo{
		Label:     it.Label,
		Essential: requirementsOf(v, d, it.EssentialSkills),
		Optional:  requirementsOf(v, d, it.OptionalSkills),
	}
}

// requirementsOf puts each minimum level into words: 1 works under
// supervision, 2 works independently, 3 experienced and consistent, 4 can
// instruct others.
func requirementsOf(v *kit.View, d *explorePage, reqs []api.Requirement) []requirementInfo {
	out := make([]requirementInfo, 0, len(reqs))
	for _, r := range reqs {
		ri := requirementInfo{link: link{Label: r.Label, Href: d.skillLink(r.Skill)}}
		if r.MinLevel >= 1 && r.MinLevel <= 4 {
			ri.Level = r.MinLevel
			ri.LevelText = levelText(v, r.MinLevel)
			ri.LevelOf = v.T("LevelOf", "Level", r.MinLevel)
		}
		out = append(out, ri)
	}
	return out
}

// levelText is the description of a skill level from 1 to 4.
func levelText(v *kit.View, level int) string {
	switch level {
	case 1:
		return v.T("Level_1")
	case 2:
		return v.T("Level_2")
	case 3:
		return v.T("Level_3")
	}
	return v.T("Level_4")
}

// placeInfoOf describes a place: its country and, when known, its
// population in the reader's number format.
func placeInfoOf(v *kit.View, it api.Place) *placeInfo {
	info := &placeInfo{Name: it.Name, Country: kit.CountryName(v.Localizer, it.Country), CountryCode: it.Country}
	if it.Population > 0 {
		info.Population = v.Number(it.Population)
	}
	return info
}
