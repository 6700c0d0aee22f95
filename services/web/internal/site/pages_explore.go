package site

import (
	"context"
	"net/url"

	"github.com/gofiber/fiber/v2"
)

// exploreCountries are the countries a place search can be narrowed to:
// where Onward's partners work.
var exploreCountries = []string{"BE", "NL", "LU", "FR", "DE", "NO"}

// maxParentsShown bounds the lookups for a skill's broader skills.
const maxParentsShown = 6

// exploreData is the explore page: three pickers, and what is known about
// each chosen item.
type exploreData struct {
	Skill, Occupation, Place *pickerData
	Country                  string
	Countries                []string
	SkillInfo                *skillInfo
	OccupationInfo           *occupationInfo
	PlaceInfo                *placeInfo
}

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

// explore is GET /explore: look up skills, occupations and places as
// matching knows them. Every choice is in the address, so the page works
// without JavaScript, and a skill named on it is a link to its details.
func (s *site) explore(c *fiber.Ctx) error {
	v := s.newView(c, "/explore")
	d := &exploreData{Countries: exploreCountries, Country: countryFilter(c.Query("place_country"))}
	d.Skill = s.picker(c, v, pickerSpec{Name: "skill", Kind: skillsCatalogue, LabelID: "Field_skill", HintID: "HintSkill",
		Action: "/explore#skills", AutoSubmit: true})
	d.Occupation = s.picker(c, v, pickerSpec{Name: "occupation", Kind: occupationsCatalogue, LabelID: "Field_occupation",
		HintID: "HintOccupation", Action: "/explore#occupations", AutoSubmit: true})
	d.Place = s.picker(c, v, pickerSpec{Name: "place", Kind: placesCatalogue, LabelID: "Field_place", HintID: "HintPlace",
		CountryFrom: "place_country", Action: "/explore#places", AutoSubmit: true})

	if it, ok := d.Skill.item.(skillItem); ok {
		d.SkillInfo = s.describeSkill(c.UserContext(), accessToken(c), v, d, it)
	}
	if it, ok := d.Occupation.item.(occupationItem); ok {
		d.OccupationInfo = describeOccupation(v, d, it)
	}
	if it, ok := d.Place.item.(placeItem); ok {
		d.PlaceInfo = describePlace(v, it)
	}
	// The language switcher comes back with the same choices.
	if q := d.choices().Encode(); q != "" {
		v.Path += "?" + q
	}
	v.Data = d
	return s.render(c, fiber.StatusOK, "explore", v)
}

// choices are the page's chosen ids, as a query string.
func (d *exploreData) choices() url.Values {
	q := url.Values{}
	for _, p := range []*pickerData{d.Skill, d.Occupation, d.Place} {
		if p.Value != "" {
			q.Set(p.Name, p.Value)
		}
	}
	if d.Country != "" {
		q.Set("place_country", d.Country)
	}
	return q
}

// skillLink shows the skill id on this page, keeping the other choices.
func (d *exploreData) skillLink(id string) string {
	q := d.choices()
	q.Set("skill", id)
	return "/explore?" + q.Encode() + "#skills"
}

// describeSkill names the skill's kind and its broader skills, looked up
// for their labels; a parent that cannot be looked up shows its id.
func (s *site) describeSkill(ctx context.Context, token string, v *view, d *exploreData, it skillItem) *skillInfo {
	info := &skillInfo{Label: it.Label, Kind: skillKindName(v.localizer, it.Kind)}
	ctx, cancel := context.WithTimeout(ctx, matchingTimeout)
	defer cancel()
	for i, id := range it.Parents {
		if i == maxParentsShown {
			break
		}
		label := id
		if parent, err := lookup[skillItem](ctx, s.matching, token, skillsCatalogue, id, v.Lang); err == nil {
			label = parent.Label
		}
		info.Parents = append(info.Parents, link{Label: label, Href: d.skillLink(id)})
	}
	return info
}

func describeOccupation(v *view, d *exploreData, it occupationItem) *occupationInfo {
	return &occupationInfo{Label: it.Label, Essential: describeRequirements(v, d, it.Essential), Optional: describeRequirements(v, d, it.Optional)}
}

// describeRequirements puts each minimum level into words: 1 works under
// supervision, 2 works independently, 3 experienced and consistent, 4 can
// instruct others.
func describeRequirements(v *view, d *exploreData, reqs []skillRequirement) []requirementInfo {
	out := make([]requirementInfo, 0, len(reqs))
	for _, r := range reqs {
		ri := requirementInfo{link: link{Label: r.Label, Href: d.skillLink(r.Skill)}}
		if r.MinLevel >= 1 && r.MinLevel <= 4 {
			ri.Level = r.MinLevel
			ri.LevelText = levelText(v.localizer, r.MinLevel)
			ri.LevelOf = v.T("LevelOf", "Level", r.MinLevel)
		}
		out = append(out, ri)
	}
	return out
}

// levelText is the description of a skill level from 1 to 4.
func levelText(l localizer, level int) string {
	switch level {
	case 1:
		return l.T("Level_1")
	case 2:
		return l.T("Level_2")
	case 3:
		return l.T("Level_3")
	}
	return l.T("Level_4")
}

func describePlace(v *view, it placeItem) *placeInfo {
	info := &placeInfo{Name: it.Name, Country: countryName(v.localizer, it.Country), CountryCode: it.Country}
	if it.Population > 0 {
		info.Population = v.Number(it.Population)
	}
	return info
}
