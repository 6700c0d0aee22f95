package skills

import (
	"fmt"
	"slices"
)

// Merge combines the curated taxonomy with one imported from ESCO, matching
// skills and occupations by ESCO URI. The curated side wins on id, kind,
// labels, parents, related skills and, when it lists any, requirements: it
// was written by people who know the work programmes. The imported side
// fills labels in languages the curated entry lacks, adds its synonyms, and
// brings everything curated does not have at all. An imported id that a
// curated entry already uses is suffixed with "-esco" (then "-esco-2", …),
// and every reference to it follows. The version is "curated+imported".
func Merge(curated, imported *Taxonomy) (*Taxonomy, error) {
	skillIDs, skills := mergeSkills(curated, imported)
	occs := mergeOccupations(curated, imported, skillIDs)
	version := curated.version
	if imported.version != "" {
		version += "+" + imported.version
	}
	t, err := New(version, skills, occs)
	if err != nil {
		return nil, fmt.Errorf("merge: %w", err)
	}
	return t, nil
}

// mergeSkills returns the merged skills and a map from every imported skill
// id to its id in the merged taxonomy.
func mergeSkills(curated, imported *Taxonomy) (map[string]string, []Skill) {
	byURI := make(map[string]int, len(curated.skills))
	taken := make(map[string]bool, len(curated.skills)+len(imported.skills))
	merged := slices.Clone(curated.skills)
	for i, s := range merged {
		taken[s.ID] = true
		if s.ESCOURI != "" {
			byURI[s.ESCOURI] = i
		}
	}
	rename := make(map[string]string, len(imported.skills))
	var added []int // positions in merged of skills only imported has
	for _, s := range imported.skills {
		if i, ok := byURI[s.ESCOURI]; ok && s.ESCOURI != "" {
			rename[s.ID] = merged[i].ID
			merged[i].Labels, merged[i].Synonyms = fillNames(merged[i].Labels, merged[i].Synonyms, s.Labels, s.Synonyms)
			continue
		}
		id := freeID(s.ID, taken)
		taken[id] = true
		rename[s.ID] = id
		s.ID = id
		added = append(added, len(merged))
		merged = append(merged, s)
	}
	for _, i := range added {
		merged[i].Parents = renameAll(merged[i].Parents, rename)
		merged[i].Related = renameAll(merged[i].Related, rename)
	}
	return rename, merged
}

func mergeOccupations(curated, imported *Taxonomy, skillIDs map[string]string) []Occupation {
	byURI := make(map[string]int, len(curated.occupations))
	taken := make(map[string]bool, len(curated.occupations)+len(imported.occupations))
	merged := slices.Clone(curated.occupations)
	for i, o := range merged {
		taken[o.ID] = true
		if o.ESCOURI != "" {
			byURI[o.ESCOURI] = i
		}
	}
	for _, o := range imported.occupations {
		o.Essential = renameRequirements(o.Essential, skillIDs)
		o.Optional = renameRequirements(o.Optional, skillIDs)
		if i, ok := byURI[o.ESCOURI]; ok && o.ESCOURI != "" {
			c := &merged[i]
			c.Labels, c.Synonyms = fillNames(c.Labels, c.Synonyms, o.Labels, o.Synonyms)
			if len(c.Essential) == 0 && len(c.Optional) == 0 {
				c.Essential, c.Optional = o.Essential, withoutSkillsOf(o.Optional, o.Essential)
			}
			continue
		}
		o.Optional = withoutSkillsOf(o.Optional, o.Essential)
		o.ID = freeID(o.ID, taken)
		taken[o.ID] = true
		merged = append(merged, o)
	}
	return merged
}

// fillNames returns copies of the curated labels and synonyms with the
// imported labels added for missing languages, and the imported synonyms
// appended, skipping ones already present. An imported label that differs
// from the curated one becomes a synonym, so people who know the ESCO name
// still find the skill. The copies leave the curated taxonomy untouched.
func fillNames(labels map[Lang]string, synonyms map[Lang][]string, impLabels map[Lang]string, impSynonyms map[Lang][]string) (map[Lang]string, map[Lang][]string) {
	outLabels := make(map[Lang]string, len(Langs))
	for l, s := range labels {
		outLabels[l] = s
	}
	for l, s := range impLabels {
		if outLabels[l] == "" {
			outLabels[l] = s
		}
	}
	outSyn := make(map[Lang][]string, len(Langs))
	for l, list := range synonyms {
		outSyn[l] = slices.Clone(list)
	}
	for _, l := range Langs {
		list := impSynonyms[l]
		if s := impLabels[l]; s != "" {
			list = append([]string{s}, list...)
		}
		have := make(map[string]bool, len(outSyn[l])+1)
		have[normalize(outLabels[l])] = true
		for _, s := range outSyn[l] {
			have[normalize(s)] = true
		}
		for _, s := range list {
			if n := normalize(s); !have[n] {
				have[n] = true
				outSyn[l] = append(outSyn[l], s)
			}
		}
	}
	return outLabels, outSyn
}

func freeID(id string, taken map[string]bool) string {
	if !taken[id] {
		return id
	}
	candidate := id + "-esco"
	for n := 2; taken[candidate]; n++ {
		candidate = fmt.Sprintf("%s-esco-%d", id, n)
	}
	return candidate
}

func renameAll(ids []string, rename map[string]string) []string {
	if len(ids) == 0 {
		return ids
	}
	out := make([]string, 0, len(ids))
	for _, id := range ids {
		if to, ok := rename[id]; ok {
			id = to
		}
		if !slices.Contains(out, id) { // two imported parents may merge into one curated skill
			out = append(out, id)
		}
	}
	return out
}

func renameRequirements(reqs []Requirement, rename map[string]string) []Requirement {
	if len(reqs) == 0 {
		return reqs
	}
	out := make([]Requirement, 0, len(reqs))
	for _, r := range reqs {
		if to, ok := rename[r.Skill]; ok {
			r.Skill = to
		}
		if !slices.ContainsFunc(out, func(x Requirement) bool { return x.Skill == r.Skill }) {
			out = append(out, r)
		}
	}
	return out
}

// withoutSkillsOf drops from reqs the skills that also appear in essential:
// after renaming, an essential and an optional imported skill can turn out
// to be one curated skill, and essential is the stronger claim.
func withoutSkillsOf(reqs, essential []Requirement) []Requirement {
	return slices.DeleteFunc(slices.Clone(reqs), func(r Requirement) bool {
		return slices.ContainsFunc(essential, func(e Requirement) bool { return e.Skill == r.Skill })
	})
}
