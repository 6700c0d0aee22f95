package http

import (
	"fmt"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// vocabulary answers skill, occupation and place searches. Both sources
// are immutable after load, so handlers share them without locks.
type vocabulary struct {
	taxonomy *skills.Taxonomy
	places   *geo.Gazetteer
}

func (v *vocabulary) searchSkills(c *fiber.Ctx) error {
	q, err := parseSearch(c)
	if err != nil {
		return err
	}
	lang := language(c)
	matches := v.taxonomy.SuggestSkills(q.Text, lang, q.Limit)
	items := make([]skillItem, 0, len(matches))
	for _, m := range matches {
		items = append(items, toSkillItem(m.Skill, lang, m.Matched))
	}
	return c.JSON(list[skillItem]{Items: items})
}

func (v *vocabulary) getSkill(c *fiber.Ctx) error {
	lang := language(c)
	s, ok := v.taxonomy.Skill(c.Params("id"))
	if !ok {
		return fmt.Errorf("skill %q: %w", c.Params("id"), errs.NotFound)
	}
	return c.JSON(toSkillDetail(s, lang))
}

func (v *vocabulary) searchOccupations(c *fiber.Ctx) error {
	q, err := parseSearch(c)
	if err != nil {
		return err
	}
	lang := language(c)
	matches := v.taxonomy.SuggestOccupations(q.Text, lang, q.Limit)
	items := make([]occupationItem, 0, len(matches))
	for _, m := range matches {
		items = append(items, toOccupationItem(v.taxonomy, m.Occupation, lang, m.Matched))
	}
	return c.JSON(list[occupationItem]{Items: items})
}

func (v *vocabulary) getOccupation(c *fiber.Ctx) error {
	lang := language(c)
	o, ok := v.taxonomy.Occupation(c.Params("id"))
	if !ok {
		return fmt.Errorf("occupation %q: %w", c.Params("id"), errs.NotFound)
	}
	return c.JSON(toOccupationItem(v.taxonomy, o, lang, ""))
}

func (v *vocabulary) searchPlaces(c *fiber.Ctx) error {
	q, err := parseSearch(c)
	if err != nil {
		return err
	}
	country := strings.ToUpper(strings.TrimSpace(c.Query("country")))
	if country != "" && !geo.ValidCountry(country) {
		return errs.Invalid("country", "must be the two-letter code of a European country, such as BE or NL")
	}
	matches := v.places.Suggest(q.Text, country, q.Limit)
	items := make([]placeItem, 0, len(matches))
	for _, m := range matches {
		items = append(items, toPlaceItem(m.Place, m.Matched))
	}
	return c.JSON(list[placeItem]{Items: items})
}

func (v *vocabulary) getPlace(c *fiber.Ctx) error {
	p, ok := v.places.Place(c.Params("id"))
	if !ok {
		return fmt.Errorf("place %q: %w", c.Params("id"), errs.NotFound)
	}
	return c.JSON(toPlaceItem(p, ""))
}
