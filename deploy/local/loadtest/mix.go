package loadtest

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
)

// Kind is one operation of the workload.
type Kind string

// The workload's operations, each one request to the public API.
const (
	ShortlistRead     Kind = "shortlist_read"     // GET /roles/{id}/shortlist by the role's employer
	SuggestionsRead   Kind = "suggestions_read"   // GET /candidates/{id}/suggestions by the candidate's staff
	CandidateUpdate   Kind = "candidate_update"   // PATCH /candidates/{id} (the commute radius) by staff
	RoleEdit          Kind = "role_edit"          // PATCH /roles/{id} (hours and skills) by the employer
	CandidateRegister Kind = "candidate_register" // POST /candidates by staff
	RolePost          Kind = "role_post"          // POST /roles (an open role) by an employer
)

// Kinds lists every operation in the order the report shows them.
var Kinds = []Kind{ShortlistRead, SuggestionsRead, CandidateUpdate, RoleEdit, CandidateRegister, RolePost}

// Share is a kind's weight in a mix.
type Share struct {
	Kind   Kind
	Weight int
}

// Mix is the proportions of the workload's operations.
type Mix []Share

// DefaultMix is the assumed traffic of a busy platform, in percent:
// shortlist reads dominate (employers come back to their roles' lists,
// page through them and filter them), staff read suggestions, and writes
// (8%) are rare next to reads: a record changes a few times a week, a list
// is read many times a day.
var DefaultMix = Mix{
	{ShortlistRead, 80}, {SuggestionsRead, 12}, {CandidateUpdate, 3},
	{RoleEdit, 2}, {CandidateRegister, 2}, {RolePost, 1},
}

// OnlyKind is a mix of one kind.
func OnlyKind(k Kind) Mix { return Mix{{k, 1}} }

// ParseMix reads "shortlist_read=70,role_edit=6,..."; kinds left out
// weigh nothing.
func ParseMix(s string) (Mix, error) {
	var m Mix
	for part := range strings.SplitSeq(s, ",") {
		name, w, ok := strings.Cut(strings.TrimSpace(part), "=")
		weight, err := strconv.Atoi(w)
		if !ok || err != nil || weight < 0 {
			return nil, fmt.Errorf("mix: %q is not kind=weight", part)
		}
		if !knownKind(Kind(name)) {
			return nil, fmt.Errorf("mix: unknown kind %q (known: %v)", name, Kinds)
		}
		m = append(m, Share{Kind(name), weight})
	}
	if m.total() == 0 {
		return nil, fmt.Errorf("mix: %q weighs nothing", s)
	}
	return m, nil
}

func knownKind(k Kind) bool {
	for _, known := range Kinds {
		if k == known {
			return true
		}
	}
	return false
}

func (m Mix) total() int {
	t := 0
	for _, s := range m {
		t += s.Weight
	}
	return t
}

// String writes the mix as percentages.
func (m Mix) String() string {
	var parts []string
	for _, s := range m {
		parts = append(parts, fmt.Sprintf("%s %.0f%%", s.Kind, 100*float64(s.Weight)/float64(m.total())))
	}
	return strings.Join(parts, ", ")
}

// Schedule is the order in which the targeter hands out kinds: each kind
// exactly in proportion to its weight over every cycle of Schedule's
// length, shuffled by the seed, so a run is repeatable and a short step
// still meets the mix.
func (m Mix) Schedule(seed uint64) []Kind {
	var out []Kind
	for _, s := range m {
		for range s.Weight {
			out = append(out, s.Kind)
		}
	}
	rng := rand.New(rand.NewPCG(seed, 0x10ad))
	rng.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}
