package enginegen

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/pkg/skills"
)

// BenchmarkGenerateCandidate is the cost of one candidate; a million take
// a million times as long.
func BenchmarkGenerateCandidate(b *testing.B) {
	g := generator()
	s := g.newStream()
	i := 0
	for b.Loop() {
		_ = g.candidate(s, i, today)
		i++
	}
}

// BenchmarkGenerateRole is the cost of one role.
func BenchmarkGenerateRole(b *testing.B) {
	g := generator()
	s := g.newStream()
	i := 0
	for b.Loop() {
		_ = g.role(s, i, today)
		i++
	}
}

// BenchmarkNew is the cost of New, mostly collecting the places.
func BenchmarkNew(b *testing.B) {
	tax, places := skills.Default(), geo.Default()
	for b.Loop() {
		_ = New(1, tax, places)
	}
}
