package service

import (
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/pkg/vocab"
	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// Vocabulary checks ids against the embedded taxonomy and gazetteer.
type Vocabulary struct {
	Taxonomy *skills.Taxonomy
	Places   *geo.Gazetteer
}

// SkillExists reports whether id is a taxonomy skill.
func (v Vocabulary) SkillExists(id string) bool {
	_, ok := v.Taxonomy.Skill(id)
	return ok
}

// Occupation returns an occupation template's skills.
func (v Vocabulary) Occupation(id string) (ess, opt []domain.SkillRequirement, ok bool) {
	o, ok := v.Taxonomy.Occupation(id)
	if !ok {
		return nil, nil, false
	}
	return toRequirements(o.Essential), toRequirements(o.Optional), true
}

// Place returns a gazetteer place's name and coordinates.
func (v Vocabulary) Place(id string) (string, float64, float64, bool) {
	p, ok := v.Places.Place(id)
	return p.Name, p.Lat, p.Lon, ok
}

func toRequirements(rs []skills.Requirement) []domain.SkillRequirement {
	out := make([]domain.SkillRequirement, len(rs))
	for i, r := range rs {
		out[i] = domain.SkillRequirement{Skill: r.Skill, MinLevel: int(r.MinLevel)}
	}
	return out
}

// Sectors returns the NACE sections with their names, for anyone signed in
// who may see roles.
func (s *Service) Sectors(p auth.Principal) ([]vocab.Sector, error) {
	if _, err := requireSomeone(p); err != nil {
		return nil, err
	}
	return vocab.Sectors, nil
}
