package enginegen

import (
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// today is the fixed "today" of the tests: 2026-11-21.
var today = engine.Day(time.Date(2026, 11, 21, 0, 0, 0, 0, time.UTC).Unix() / 86400)

// generator is shared: collecting places takes a moment.
var generator = sync.OnceValue(func() *Generator { return New(42, skills.Default(), geo.Default()) })

func TestSameSeedSameData(t *testing.T) {
	a := New(7, skills.Default(), geo.Default())
	b := New(7, skills.Default(), geo.Default())
	if ca, cb := a.Candidates(300, today), b.Candidates(300, today); !reflect.DeepEqual(ca, cb) {
		t.Fatal("two generators with seed 7 made different candidates")
	}
	if ra, rb := a.Roles(300, today), b.Roles(300, today); !reflect.DeepEqual(ra, rb) {
		t.Fatal("two generators with seed 7 made different roles")
	}
	c := New(8, skills.Default(), geo.Default())
	if reflect.DeepEqual(a.Candidates(50, today), c.Candidates(50, today)) {
		t.Fatal("seeds 7 and 8 made the same candidates")
	}
	if reflect.DeepEqual(a.Roles(50, today), c.Roles(50, today)) {
		t.Fatal("seeds 7 and 8 made the same roles")
	}
}

// TestEntityDependsOnlyOnSeedAndIndex makes the small exactness check and
// the million-candidate benchmark see the same first candidates.
func TestEntityDependsOnlyOnSeedAndIndex(t *testing.T) {
	g := generator()
	cands, roles := g.Candidates(100, today), g.Roles(100, today)
	for _, i := range []int{0, 1, 57, 99} {
		if c := g.Candidate(i, today); !reflect.DeepEqual(c, cands[i]) {
			t.Errorf("Candidate(%d) differs from Candidates(100)[%d]", i, i)
		}
		if r := g.Role(i, today); !reflect.DeepEqual(r, roles[i]) {
			t.Errorf("Role(%d) differs from Roles(100)[%d]", i, i)
		}
	}
	for c := range g.CandidateSeq(3, today) {
		if c.ID != CandidateID(0) {
			t.Fatalf("CandidateSeq starts with %s", c.ID)
		}
		break
	}
}

func TestIDs(t *testing.T) {
	if CandidateID(42) != "cand-0000042" || RoleID(1234567) != "role-1234567" || CandidateID(12345678) != "cand-12345678" {
		t.Errorf("ids: %s %s %s", CandidateID(42), RoleID(1234567), CandidateID(12345678))
	}
}

func TestWeightedSkipsZeroWeights(t *testing.T) {
	w := newWeighted([]float64{0, 1, 0, 0, 1, 0})
	s := generator().newStream()
	s.reset(99, 0)
	for range 10_000 {
		if k := w.pick(s.r); k != 1 && k != 4 {
			t.Fatalf("picked %d, whose weight is 0", k)
		}
	}
}
