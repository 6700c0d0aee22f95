package skills

import (
	"cmp"
	"slices"
)

// Taxonomy is a validated, indexed set of skills and occupations. It is
// immutable after it is built and safe for concurrent reads.
type Taxonomy struct {
	version     string
	skills      []Skill // sorted by ID, so an index in it orders by ID too
	occupations []Occupation
	skillByID   map[string]int32
	occByID     map[string]int32
	skillSearch *searchIndex
	occSearch   *searchIndex
}

// New validates skills and occupations and builds a taxonomy from them,
// with its search indexes. It is how importers and Merge make a taxonomy
// without going through JSON. New keeps the slices and maps it is given:
// the caller must not modify them afterwards.
func New(version string, skills []Skill, occupations []Occupation) (*Taxonomy, error) {
	return build(version, skills, occupations, nil)
}

// build is New with a way to name the file each skill or occupation came
// from, so a validation error in curated data points at the file to fix.
func build(version string, skills []Skill, occupations []Occupation, origin originFunc) (*Taxonomy, error) {
	skills = slices.Clone(skills)
	occupations = slices.Clone(occupations)
	dropEmptySynonyms(skills, occupations)
	slices.SortFunc(skills, func(a, b Skill) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(occupations, func(a, b Occupation) int { return cmp.Compare(a.ID, b.ID) })
	if err := validate(skills, occupations, origin); err != nil {
		return nil, err
	}
	t := &Taxonomy{
		version:     version,
		skills:      skills,
		occupations: occupations,
		skillByID:   make(map[string]int32, len(skills)),
		occByID:     make(map[string]int32, len(occupations)),
	}
	for i, s := range skills {
		t.skillByID[s.ID] = int32(i)
	}
	for i, o := range occupations {
		t.occByID[o.ID] = int32(i)
	}
	t.shareIDs()
	t.skillSearch = buildSearchIndex(len(skills), func(i int) (map[Lang]string, map[Lang][]string) {
		return skills[i].Labels, skills[i].Synonyms
	})
	t.occSearch = buildSearchIndex(len(occupations), func(i int) (map[Lang]string, map[Lang][]string) {
		return occupations[i].Labels, occupations[i].Synonyms
	})
	return t, nil
}

// shareIDs points every reference to a skill at the one copy of its id in
// the skill itself. Decoded JSON holds a separate copy of "food-hygiene"
// for every occupation that requires it, which over ESCO's 120,000
// requirements is megabytes of duplicates. The slices are replaced, not
// written to, because they may be shared with another taxonomy.
func (t *Taxonomy) shareIDs() {
	canonical := func(ids []string) []string {
		if len(ids) == 0 {
			return nil
		}
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = t.skills[t.skillByID[id]].ID
		}
		return out
	}
	requirements := func(reqs []Requirement) []Requirement {
		if len(reqs) == 0 {
			return nil
		}
		out := make([]Requirement, len(reqs))
		for i, r := range reqs {
			out[i] = Requirement{Skill: t.skills[t.skillByID[r.Skill]].ID, MinLevel: r.MinLevel}
		}
		return out
	}
	for i := range t.skills {
		t.skills[i].Parents = canonical(t.skills[i].Parents)
		t.skills[i].Related = canonical(t.skills[i].Related)
	}
	for i := range t.occupations {
		t.occupations[i].Essential = requirements(t.occupations[i].Essential)
		t.occupations[i].Optional = requirements(t.occupations[i].Optional)
	}
}

// dropEmptySynonyms stores "no synonyms" one way, as nil, so a taxonomy
// compares equal to itself after a trip through a data file.
func dropEmptySynonyms(skills []Skill, occupations []Occupation) {
	for i := range skills {
		if len(skills[i].Synonyms) == 0 {
			skills[i].Synonyms = nil
		}
	}
	for i := range occupations {
		if len(occupations[i].Synonyms) == 0 {
			occupations[i].Synonyms = nil
		}
	}
}

// Version returns the version of the data the taxonomy was loaded from,
// such as "2026.11.1"; store it beside data derived from the taxonomy.
func (t *Taxonomy) Version() string { return t.version }

// Skill returns the skill with the given id.
func (t *Taxonomy) Skill(id string) (Skill, bool) {
	i, ok := t.skillByID[id]
	if !ok {
		return Skill{}, false
	}
	return t.skills[i], true
}

// Occupation returns the occupation with the given id.
func (t *Taxonomy) Occupation(id string) (Occupation, bool) {
	i, ok := t.occByID[id]
	if !ok {
		return Occupation{}, false
	}
	return t.occupations[i], true
}

// Skills returns every skill, sorted by id. The slice is the caller's; the
// maps and slices inside each skill are shared and must not be modified.
func (t *Taxonomy) Skills() []Skill { return slices.Clone(t.skills) }

// Occupations returns every occupation, sorted by id, on the same terms as
// Skills.
func (t *Taxonomy) Occupations() []Occupation { return slices.Clone(t.occupations) }
