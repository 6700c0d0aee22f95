package skills

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
)

// ErrInvalid is wrapped by every error that rejects taxonomy data, so callers
// can tell bad data from a failing reader with errors.Is.
var ErrInvalid = errors.New("invalid taxonomy")

// ESCOPrefix starts every ESCO concept URI. An esco_uri that does not start
// with it cannot have come from ESCO.
const ESCOPrefix = "http://data.europa.eu/esco/"

// slugPattern is the shape of skill and occupation ids: readable in a URL and
// in a log line, and stable under any case or accent folding.
var slugPattern = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// maxReportedProblems caps the problems one error lists; past that the data
// is broken wholesale and more lines would not help anyone fix it.
const maxReportedProblems = 20

// originFunc names the file a skill (occupation false) or occupation
// (occupation true) came from, or "" when it is not known.
type originFunc func(occupation bool, id string) string

// problems collects validation failures so a curator sees all of them at
// once instead of fixing one per run.
type problems struct {
	origin originFunc
	list   []string
	more   int
}

func (p *problems) add(occupation bool, id, format string, args ...any) {
	if len(p.list) >= maxReportedProblems {
		p.more++
		return
	}
	what := "skill"
	if occupation {
		what = "occupation"
	}
	msg := fmt.Sprintf("%s %q: %s", what, id, fmt.Sprintf(format, args...))
	if p.origin != nil {
		if file := p.origin(occupation, id); file != "" {
			msg = file + ": " + msg
		}
	}
	p.list = append(p.list, msg)
}

func (p *problems) err() error {
	if len(p.list) == 0 {
		return nil
	}
	msg := strings.Join(p.list, "\n")
	if p.more > 0 {
		msg += fmt.Sprintf("\n… and %d more problems", p.more)
	}
	return fmt.Errorf("%w:\n%s", ErrInvalid, msg)
}

// validate checks the rules every taxonomy obeys; skills and occupations are
// sorted by id.
func validate(skills []Skill, occupations []Occupation, origin originFunc) error {
	p := &problems{origin: origin}
	known := make(map[string]bool, len(skills))
	for i, s := range skills {
		if i > 0 && skills[i-1].ID == s.ID {
			p.add(false, s.ID, "duplicate id")
		}
		known[s.ID] = true
	}
	skillURIs := make(map[string]string)
	for _, s := range skills {
		validateSkill(p, s, known, skillURIs)
	}
	checkParentCycles(p, skills)
	occURIs := make(map[string]string)
	for i, o := range occupations {
		if i > 0 && occupations[i-1].ID == o.ID {
			p.add(true, o.ID, "duplicate id")
		}
		validateOccupation(p, o, known, occURIs)
	}
	return p.err()
}

func validateSkill(p *problems, s Skill, known map[string]bool, uris map[string]string) {
	validateCommon(p, false, s.ID, s.Labels, s.Synonyms, s.ESCOURI, uris)
	if !s.Kind.Valid() {
		p.add(false, s.ID, "kind %q is not one of skill, knowledge, certificate, transversal", s.Kind)
	}
	checkRefs(p, s.ID, "parent", s.Parents, known)
	checkRefs(p, s.ID, "related skill", s.Related, known)
}

// checkRefs makes sure every id in refs names another existing skill, once.
func checkRefs(p *problems, id, what string, refs []string, known map[string]bool) {
	seen := make(map[string]bool, len(refs))
	for _, r := range refs {
		switch {
		case r == id:
			p.add(false, id, "is its own %s", what)
		case !known[r]:
			p.add(false, id, "%s %q does not exist", what, r)
		case seen[r]:
			p.add(false, id, "%s %q listed twice", what, r)
		}
		seen[r] = true
	}
}

func validateOccupation(p *problems, o Occupation, known map[string]bool, uris map[string]string) {
	validateCommon(p, true, o.ID, o.Labels, o.Synonyms, o.ESCOURI, uris)
	seen := make(map[string]bool, len(o.Essential)+len(o.Optional))
	for _, group := range []struct {
		name string
		reqs []Requirement
	}{{"essential", o.Essential}, {"optional", o.Optional}} {
		for _, r := range group.reqs {
			switch {
			case !known[r.Skill]:
				p.add(true, o.ID, "%s skill %q does not exist", group.name, r.Skill)
			case seen[r.Skill]:
				p.add(true, o.ID, "skill %q required twice", r.Skill)
			}
			if !r.MinLevel.Valid() {
				p.add(true, o.ID, "%s skill %q: min_level %d is not 1–4", group.name, r.Skill, r.MinLevel)
			}
			seen[r.Skill] = true
		}
	}
}

// validateCommon checks what skills and occupations share: id, labels,
// synonyms and the ESCO URI, which must be unique within its kind so that a
// merge by URI is unambiguous.
func validateCommon(p *problems, occ bool, id string, labels map[Lang]string, synonyms map[Lang][]string, uri string, uris map[string]string) {
	if !slugPattern.MatchString(id) {
		p.add(occ, id, "id must match %s", slugPattern)
	}
	if strings.TrimSpace(labels[EN]) == "" {
		p.add(occ, id, "English label (en) is required")
	}
	for l, label := range labels {
		if langIndex(l) < 0 {
			p.add(occ, id, "label in unsupported language %q", l)
		} else if strings.TrimSpace(label) == "" {
			p.add(occ, id, "empty label in %s", l)
		}
	}
	for l, syns := range synonyms {
		if langIndex(l) < 0 {
			p.add(occ, id, "synonyms in unsupported language %q", l)
		}
		for _, s := range syns {
			if strings.TrimSpace(s) == "" {
				p.add(occ, id, "empty synonym in %s", l)
			}
		}
	}
	if uri == "" {
		return
	}
	if !strings.HasPrefix(uri, ESCOPrefix) {
		p.add(occ, id, "esco_uri %q does not start with %s", uri, ESCOPrefix)
	}
	if other, dup := uris[uri]; dup {
		p.add(occ, id, "esco_uri %q already used by %q", uri, other)
	}
	uris[uri] = id
}

// checkParentCycles rejects a parent chain that returns to where it started:
// the hierarchy may be a DAG, but an ancestor can never be its own
// descendant, or walking up from a skill would never end.
func checkParentCycles(p *problems, skills []Skill) {
	const (
		unvisited = iota
		inProgress
		done
	)
	index := make(map[string]int, len(skills))
	for i, s := range skills {
		index[s.ID] = i
	}
	state := make([]uint8, len(skills))
	var path []string
	var visit func(i int) bool
	visit = func(i int) bool {
		state[i] = inProgress
		path = append(path, skills[i].ID)
		for _, parent := range skills[i].Parents {
			j, ok := index[parent]
			if !ok {
				continue // reported as a missing parent
			}
			switch state[j] {
			case inProgress:
				start := len(path) - 1
				for path[start] != parent {
					start--
				}
				cycle := append(append([]string(nil), path[start:]...), parent)
				p.add(false, parent, "parents form a cycle: %s", strings.Join(cycle, " → "))
				return false
			case unvisited:
				if !visit(j) {
					return false
				}
			}
		}
		path = path[:len(path)-1]
		state[i] = done
		return true
	}
	for i := range skills {
		if state[i] == unvisited && !visit(i) {
			return // one cycle is enough to point at; the rest would repeat it
		}
	}
}
