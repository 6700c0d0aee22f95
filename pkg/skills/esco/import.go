// Package esco builds a skills taxonomy from the official ESCO v1.2 CSV
// download, so Onward can offer the full European classification beside
// its own curated skills and share ESCO URIs with other systems.
//
// Import reads, for each requested language, skills_<lang>.csv and
// occupations_<lang>.csv (labels), and from the first requested language
// occupationSkillRelations_<lang>.csv (which skills an occupation needs) and
// broaderRelationsSkillPillar_<lang>.csv (the skill hierarchy); those two are
// the same in every language. Columns are found by their header name. The
// import either succeeds whole or stops at the first problem with an *Error
// naming file, line and column.
package esco

import (
	"fmt"
	"io/fs"
	"slices"

	"github.com/onward-jobs/onward/pkg/skills"
)

// DefaultMinLevel is the minimum level given to every imported requirement:
// ESCO says which skills an occupation needs but not how well, and
// "works independently" is what an employer expects of a new hire.
const DefaultMinLevel = skills.Independent

// DefaultVersion is the version given to an imported taxonomy when Options
// names none.
const DefaultVersion = "esco-1.2"

// Options says what to import.
type Options struct {
	// Langs lists the languages whose files are read; the first one also
	// supplies the relation files. Empty means all of skills.Langs.
	Langs []skills.Lang
	// Version is stored as the taxonomy's version; empty means
	// DefaultVersion.
	Version string
}

// concept is one ESCO skill or occupation while the files are read.
type concept struct {
	uri        string
	labels     map[skills.Lang]string
	synonyms   map[skills.Lang][]string
	skillType  string
	reuseLevel string
	parents    []string // URIs
	essential  []string // skill URIs
	optional   []string
}

// Import reads the ESCO CSV files in the root of fsys and returns them as
// a validated taxonomy. Skill and occupation ids are slugs of the English
// preferred label (see assignIDs); ESCO URIs are kept as they are.
func Import(fsys fs.FS, opts Options) (*skills.Taxonomy, error) {
	langs := opts.Langs
	if len(langs) == 0 {
		langs = skills.Langs
	}
	version := opts.Version
	if version == "" {
		version = DefaultVersion
	}
	skillSet, occSet := newConceptSet(), newConceptSet()
	for _, l := range langs {
		if err := readConcepts(fsys, "skills_"+string(l)+".csv", l, skillSet, true); err != nil {
			return nil, err
		}
		if err := readConcepts(fsys, "occupations_"+string(l)+".csv", l, occSet, false); err != nil {
			return nil, err
		}
	}
	if err := readRelations(fsys, "occupationSkillRelations_"+string(langs[0])+".csv", occSet, skillSet); err != nil {
		return nil, err
	}
	if err := readBroader(fsys, "broaderRelationsSkillPillar_"+string(langs[0])+".csv", skillSet); err != nil {
		return nil, err
	}
	skillIDs, occIDs := assignIDs(skillSet), assignIDs(occSet) // before fillEnglish: ids come from real English labels only
	fillEnglish(skillSet, langs)
	fillEnglish(occSet, langs)
	t, err := skills.New(version, toSkills(skillSet, skillIDs), toOccupations(occSet, occIDs, skillIDs))
	if err != nil {
		return nil, fmt.Errorf("esco import: %w", err)
	}
	return t, nil
}

// conceptSet keeps concepts by URI and in the order first seen.
type conceptSet struct {
	byURI map[string]*concept
	order []*concept
}

func newConceptSet() *conceptSet {
	return &conceptSet{byURI: make(map[string]*concept)}
}

func (s *conceptSet) get(uri string) *concept {
	c, ok := s.byURI[uri]
	if !ok {
		c = &concept{uri: uri, labels: map[skills.Lang]string{}, synonyms: map[skills.Lang][]string{}}
		s.byURI[uri] = c
		s.order = append(s.order, c)
	}
	return c
}

// fillEnglish gives a concept without an English label the label of the
// first language that has one: every taxonomy entry needs an English label
// to fall back on, and the first requested language is the best guess at
// what the reader understands.
func fillEnglish(set *conceptSet, langs []skills.Lang) {
	for _, c := range set.order {
		if c.labels[skills.EN] != "" {
			continue
		}
		for _, l := range langs {
			if c.labels[l] != "" {
				c.labels[skills.EN] = c.labels[l]
				break
			}
		}
	}
}

// sortedByURI returns the concepts in URI order, the order that makes id
// assignment independent of the order of rows in the files.
func (s *conceptSet) sortedByURI() []*concept {
	out := slices.Clone(s.order)
	slices.SortFunc(out, func(a, b *concept) int {
		switch {
		case a.uri < b.uri:
			return -1
		case a.uri > b.uri:
			return 1
		}
		return 0
	})
	return out
}
