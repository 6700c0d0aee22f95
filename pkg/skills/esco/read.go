package esco

import (
	"io/fs"
	"slices"
	"strings"

	"github.com/onward-jobs/onward/pkg/skills"
)

// The values ESCO v1.2 uses; anything else means the file is not what the
// import expects.
var (
	skillTypes  = []string{"", "skill/competence", "knowledge"}
	reuseLevels = []string{"", "transversal", "cross-sector", "sector-specific", "occupation-specific"}
)

// readConcepts reads the labels of one language from a skills or
// occupations file into set.
func readConcepts(fsys fs.FS, name string, lang skills.Lang, set *conceptSet, isSkill bool) error {
	required := []string{"conceptUri", "preferredLabel", "altLabels"}
	if isSkill {
		required = append(required, "skillType", "reuseLevel")
	}
	t, err := openTable(fsys, name, required...)
	if err != nil {
		return err
	}
	defer t.close()
	seen := make(map[string]bool)
	for {
		ok, err := t.next()
		if err != nil || !ok {
			return err
		}
		uri := t.get("conceptUri")
		if !strings.HasPrefix(uri, skills.ESCOPrefix) {
			return t.errorAt("conceptUri", "conceptUri %q is not an ESCO URI", uri)
		}
		if seen[uri] {
			return t.errorAt("conceptUri", "concept %s listed twice", uri)
		}
		seen[uri] = true
		// Clone what is kept: encoding/csv cuts all fields of a row from
		// one string, so a kept label would pin the whole row, long
		// description included, in memory.
		c := set.get(strings.Clone(uri))
		if isSkill {
			if err := readSkillType(t, c); err != nil {
				return err
			}
		}
		label := t.get("preferredLabel")
		if label == "" {
			continue // not translated into this language; other languages still label it
		}
		c.labels[lang] = strings.Clone(label)
		if alt := splitAltLabels(t.get("altLabels"), label); len(alt) > 0 {
			c.synonyms[lang] = alt
		}
	}
}

func readSkillType(t *table, c *concept) error {
	st, rl := t.get("skillType"), t.get("reuseLevel")
	if !slices.Contains(skillTypes, st) {
		return t.errorAt("skillType", "skillType %q is not one of %q", st, skillTypes[1:])
	}
	if !slices.Contains(reuseLevels, rl) {
		return t.errorAt("reuseLevel", "reuseLevel %q is not one of %q", rl, reuseLevels[1:])
	}
	if c.skillType == "" {
		c.skillType = st
	}
	if c.reuseLevel == "" {
		c.reuseLevel = rl
	}
	return nil
}

// splitAltLabels splits ESCO's newline-separated alternative labels,
// dropping blanks, repeats and the preferred label itself.
func splitAltLabels(field, preferred string) []string {
	if field == "" {
		return nil
	}
	var out []string
	have := map[string]bool{strings.ToLower(preferred): true}
	for _, s := range strings.Split(field, "\n") {
		s = strings.TrimSpace(s)
		key := strings.ToLower(s)
		if s == "" || have[key] {
			continue
		}
		have[key] = true
		out = append(out, strings.Clone(s))
	}
	return out
}

// readRelations reads which skills each occupation needs.
func readRelations(fsys fs.FS, name string, occs, skillSet *conceptSet) error {
	t, err := openTable(fsys, name, "occupationUri", "relationType", "skillUri")
	if err != nil {
		return err
	}
	defer t.close()
	for {
		ok, err := t.next()
		if err != nil || !ok {
			return err
		}
		occ, found := occs.byURI[t.get("occupationUri")]
		if !found {
			return t.errorAt("occupationUri", "occupation %q is not in the occupations files", t.get("occupationUri"))
		}
		skill, found := skillSet.byURI[t.get("skillUri")]
		if !found {
			return t.errorAt("skillUri", "skill %q is not in the skills files", t.get("skillUri"))
		}
		skillURI := skill.uri // the kept copy, not a slice of this row
		switch rel := t.get("relationType"); rel {
		case "essential":
			if !slices.Contains(occ.essential, skillURI) {
				occ.essential = append(occ.essential, skillURI)
			}
		case "optional":
			if !slices.Contains(occ.optional, skillURI) {
				occ.optional = append(occ.optional, skillURI)
			}
		default:
			return t.errorAt("relationType", "relationType %q is neither essential nor optional", rel)
		}
	}
}

// readBroader reads the skill hierarchy. Only links between two imported
// skills become parents: most broader concepts in this file are skill
// groups, which are not skills a person can hold.
func readBroader(fsys fs.FS, name string, skillSet *conceptSet) error {
	t, err := openTable(fsys, name, "conceptUri", "broaderUri")
	if err != nil {
		return err
	}
	defer t.close()
	for {
		ok, err := t.next()
		if err != nil || !ok {
			return err
		}
		uri, broader := t.get("conceptUri"), t.get("broaderUri")
		if uri == "" {
			return t.errorAt("conceptUri", "empty conceptUri")
		}
		if broader == "" {
			return t.errorAt("broaderUri", "empty broaderUri")
		}
		child, ok := skillSet.byURI[uri]
		parent, parentOK := skillSet.byURI[broader]
		if !ok || !parentOK || child == parent {
			continue
		}
		if !slices.Contains(child.parents, parent.uri) {
			child.parents = append(child.parents, parent.uri)
		}
	}
}
