package explore

import (
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// countries are the countries a place search can be narrowed to: where
// Onward's partners work.
var countries = []string{"BE", "NL", "LU", "FR", "DE", "NO"}

// explorePage is the explore page: three pickers, and what is known
// about each chosen item.
type explorePage struct {
	Skill, Occupation, Place *kit.Picker
	Country                  string
	Countries                []string
	SkillInfo                *skillInfo
	OccupationInfo           *occupationInfo
	PlaceInfo                *placeInfo
}

// Explore is GET /explore: look up skills, occupations and places as
// matching knows them. Every choice is in the address, so the page works
// without JavaScript, and a skill named on it is a link to its details.
func (p *Pages) Explore(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/explore")
	d := &explorePage{Countries: countries, Country: kit.CountryFilter(c.Query("place_country"))}
	d.Skill = p.kit.Picker(c, v, kit.PickerSpec{Name: "skill", Kind: kit.Skills, LabelID: "Field_skill", HintID: "HintSkill",
		Action: "/explore#skills", AutoSubmit: true})
	d.Occupation = p.kit.Picker(c, v, kit.PickerSpec{Name: "occupation", Kind: kit.Occupations, LabelID: "Field_occupation",
		HintID: "HintOccupation", Action: "/explore#occupations", AutoSubmit: true})
	d.Place = p.kit.Picker(c, v, kit.PickerSpec{Name: "place", Kind: kit.Places, LabelID: "Field_place", HintID: "HintPlace",
		CountryFrom: "place_country", Action: "/explore#places", AutoSubmit: true})

	if it, ok := d.Skill.ChosenSkill(); ok {
		d.SkillInfo = p.describeSkill(c, v, d, it)
	}
	if it, ok := d.Occupation.ChosenOccupation(); ok {
		d.OccupationInfo = occupationInfoOf(v, d, it)
	}
	if it, ok := d.Place.ChosenPlace(); ok {
		d.PlaceInfo = placeInfoOf(v, it)
	}
	// The language switcher comes back with the same choices.
	if q := d.choices().Encode(); q != "" {
		v.Path += "?" + q
	}
	v.Data = d
	return p.tmpl.Render(c, fiber.StatusOK, "explore", v)
}

// choices are the page's chosen ids, as a query string.
func (d *explorePage) choices() url.Values {
	q := url.Values{}
	for _, p := range []*kit.Picker{d.Skill, d.Occupation, d.Place} {
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
func (d *explorePage) skillLink(id string) string {
	q := d.choices()
	q.Set("skill", id)
	return "/explore?" + q.Encode() + "#skills"
}
