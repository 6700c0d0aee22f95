package engine

import (
	"slices"

	"github.com/onward-jobs/onward/pkg/skills"
)

// skillID is a skill interned to a small integer. Scores never depend on
// the numbers, only on equality, so two tables built from one taxonomy
// score alike even if they intern unknown skills in another order.
type skillID = uint16

// skillTable interns skill ids and knows the hierarchy: each skill's
// parents and children as interned ids. Skills the taxonomy does not know
// are interned on first sight with no parents, so they match only
// exactly. The table only grows; writers hold the index's write lock.
type skillTable struct {
	tax      *skills.Taxonomy
	ids      map[string]skillID
	names    []string
	parents  [][]skillID
	children [][]skillID
}

// newSkillTable interns every skill of tax, in the taxonomy's order.
func newSkillTable(tax *skills.Taxonomy) *skillTable {
	all := tax.Skills()
	t := &skillTable{
		tax:      tax,
		ids:      make(map[string]skillID, len(all)),
		names:    make([]string, 0, len(all)),
		parents:  make([][]skillID, len(all)),
		children: make([][]skillID, len(all)),
	}
	for _, s := range all {
		t.ids[s.ID] = skillID(len(t.names))
		t.names = append(t.names, s.ID)
	}
	for i, s := range all {
		for _, p := range s.Parents {
			pid, ok := t.ids[p]
			if !ok {
				continue
			}
			t.parents[i] = append(t.parents[i], pid)
			t.children[pid] = append(t.children[pid], skillID(i))
		}
	}
	return t
}

// lookup returns the interned id of a skill the table has seen.
func (t *skillTable) lookup(name string) (skillID, bool) {
	id, ok := t.ids[name]
	return id, ok
}

// intern returns the id of name, adding it when unknown. It reports false
// when the table is full; such a skill cannot be matched and is kept only
// in the candidate's stored form.
func (t *skillTable) intern(name string) (skillID, bool) {
	if id, ok := t.ids[name]; ok {
		return id, true
	}
	if len(t.names) >= 1<<16-1 {
		return 0, false
	}
	id := skillID(len(t.names))
	t.ids[name] = id
	t.names = append(t.names, name)
	t.parents = append(t.parents, nil)
	t.children = append(t.children, nil)
	return id, true
}

// size is the number of interned skills.
func (t *skillTable) size() int { return len(t.names) }

// via says how a candidate's skill earns credit for a requirement.
type via uint8

// The ways to earn credit, best first.
const (
	viaExact via = iota
	viaParent
	viaSibling
)

// String names the way as an explanation's Relation does: "parent" or
// "sibling", and "" for the skill itself.
func (v via) String() string {
	switch v {
	case viaParent:
		return "parent"
	case viaSibling:
		return "sibling"
	}
	return ""
}

// link says that holding skill earns credit for requirement req by way.
type link struct {
	skill skillID
	req   uint8
	way   via
}

// linksFor lists, sorted by skill and requirement, every skill that earns
// credit for one of reqs: the skill itself, its parents, and its siblings
// (skills sharing a parent with it). When one skill reaches a requirement
// two ways, the better way is kept.
func (t *skillTable) linksFor(reqs []compiledReq) []link {
	var out []link
	for i, r := range reqs {
		if !r.known {
			continue
		}
		out = append(out, link{r.skill, uint8(i), viaExact})
		for _, p := range t.parents[r.skill] {
			out = append(out, link{p, uint8(i), viaParent})
			for _, s := range t.children[p] {
				if s != r.skill {
					out = append(out, link{s, uint8(i), viaSibling})
				}
			}
		}
	}
	slices.SortFunc(out, func(a, b link) int {
		if a.skill != b.skill {
			return int(a.skill) - int(b.skill)
		}
		if a.req != b.req {
			return int(a.req) - int(b.req)
		}
		return int(a.way) - int(b.way)
	})
	return slices.CompactFunc(out, func(a, b link) bool { return a.skill == b.skill && a.req == b.req })
}
