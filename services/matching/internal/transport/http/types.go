package http

import (
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// skillItem is a skill as a search result.
type skillItem struct {
	ID      string   `json:"id"`
	Label   string   `json:"label"`
	Kind    string   `json:"kind"`
	Parents []string `json:"parents"`
	Matched string   `json:"matched,omitempty"`
}

// skillDetail is one skill with every language.
type skillDetail struct {
	skillItem
	Labels   map[skills.Lang]string   `json:"labels"`
	Synonyms map[skills.Lang][]string `json:"synonyms"`
	Related  []string                 `json:"related"`
	ESCOURI  string                   `json:"esco_uri,omitempty"`
}

// requirementItem is one skill an occupation asks for.
type requirementItem struct {
	Skill    string `json:"skill"`
	Label    string `json:"label"`
	MinLevel int    `json:"min_level"`
}

// occupationItem is an occupation template.
type occupationItem struct {
	ID              string            `json:"id"`
	Label           string            `json:"label"`
	EssentialSkills []requirementItem `json:"essential_skills"`
	OptionalSkills  []requirementItem `json:"optional_skills"`
	Matched         string            `json:"matched,omitempty"`
	ESCOURI         string            `json:"esco_uri,omitempty"`
}

// placeItem is a populated place.
type placeItem struct {
	ID         string  `json:"id"`
	Name       string  `json:"name"`
	Country    string  `json:"country"`
	Lat        float64 `json:"lat"`
	Lon        float64 `json:"lon"`
	Population int     `json:"population"`
	Matched    string  `json:"matched,omitempty"`
}

// list is the shape of every list answer; search results fit on one page,
// so next_cursor is always absent.
type list[T any] struct {
	Items      []T     `json:"items"`
	NextCursor *string `json:"next_cursor"`
}

func toSkillItem(s skills.Skill, lang skills.Lang, matched string) skillItem {
	return skillItem{ID: s.ID, Label: s.Label(lang), Kind: string(s.Kind), Parents: nonNil(s.Parents), Matched: matched}
}

func toSkillDetail(s skills.Skill, lang skills.Lang) skillDetail {
	return skillDetail{skillItem: toSkillItem(s, lang, ""), Labels: s.Labels, Synonyms: s.Synonyms, Related: nonNil(s.Related), ESCOURI: s.ESCOURI}
}

func toOccupationItem(t *skills.Taxonomy, o skills.Occupation, lang skills.Lang, matched string) occupationItem {
	return occupationItem{
		ID: o.ID, Label: o.Label(lang), Matched: matched, ESCOURI: o.ESCOURI,
		EssentialSkills: toRequirementItems(t, o.Essential, lang), OptionalSkills: toRequirementItems(t, o.Optional, lang),
	}
}

func toRequirementItems(t *skills.Taxonomy, reqs []skills.Requirement, lang skills.Lang) []requirementItem {
	out := make([]requirementItem, 0, len(reqs))
	for _, r := range reqs {
		label := r.Skill
		if s, ok := t.Skill(r.Skill); ok {
			label = s.Label(lang)
		}
		out = append(out, requirementItem{Skill: r.Skill, Label: label, MinLevel: int(r.MinLevel)})
	}
	return out
}

func toPlaceItem(p geo.Place, matched string) placeItem {
	return placeItem{ID: p.ID, Name: p.Name, Country: p.Country, Lat: p.Lat, Lon: p.Lon, Population: p.Population, Matched: matched}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
