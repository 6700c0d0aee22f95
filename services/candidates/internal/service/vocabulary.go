package service

import (
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// Vocabulary checks ids against the embedded skills taxonomy and
// gazetteer. It is the domain.Vocabulary the service validates with.
type Vocabulary struct {
	Taxonomy *skills.Taxonomy
	Places   *geo.Gazetteer
}

// SkillExists reports whether id is a taxonomy skill.
func (v Vocabulary) SkillExists(id string) bool {
	_, ok := v.Taxonomy.Skill(id)
	return ok
}

// Place returns a gazetteer place's name and coordinates.
func (v Vocabulary) Place(id string) (string, float64, float64, bool) {
	p, ok := v.Places.Place(id)
	return p.Name, p.Lat, p.Lon, ok
}

// IsPlaceName reports whether name names a gazetteer place, for the
// statement checker.
func (v Vocabulary) IsPlaceName(name string) bool { return v.Places.IsPlaceName(name) }

// SkillConcept returns a skill's English label and ESCO concept URI ("" when
// the taxonomy has none); ok is false for an id the taxonomy lacks.
func (v Vocabulary) SkillConcept(id string) (label, escoURI string, ok bool) {
	sk, ok := v.Taxonomy.Skill(id)
	if !ok {
		return "", "", false
	}
	return sk.Labels[skills.EN], sk.ESCOURI, true
}

// SkillLabel returns the skill's name in lang (English when the taxonomy
// has none in lang), or the id itself for a skill the taxonomy no longer
// knows, so a printed attestation never loses its line.
func (v Vocabulary) SkillLabel(id string, lang skills.Lang) string {
	s, ok := v.Taxonomy.Skill(id)
	if !ok {
		return id
	}
	return s.Label(lang)
}
