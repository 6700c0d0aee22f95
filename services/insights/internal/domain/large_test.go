package domain

import (
	"math/rand/v2"
	"testing"
	"time"
)

// largeReport is a production-size report: groups × months with margins,
// one table per funnel step, counts of 5 to 54 with one in smallOneIn
// below 5, so the small ones need complements.
func largeReport(rng *rand.Rand, groups, months, smallOneIn int) *Report {
	r := NewReport()
	for range StepCount {
		counts := make([][]int, groups)
		for g := range counts {
			counts[g] = make([]int, months)
			for m := range counts[g] {
				counts[g][m] = 5 + rng.IntN(50)
				if rng.IntN(smallOneIn) == 0 {
					counts[g][m] = rng.IntN(MinCount)
				}
			}
		}
		grid(r, counts)
	}
	return r
}

// TestSuppressLargeReport checks that the engine finishes a report of
// thousands of cells quickly, that no sum is left with a single
// suppressed cell, and that every suppressed cell has a witness.
func TestSuppressLargeReport(t *testing.T) {
	seed := testSeed(t)
	r := largeReport(rand.New(rand.NewPCG(seed, 0)), 12, 12, 20)
	start := time.Now()
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	took := time.Since(start)
	if took > 10*time.Second {
		t.Errorf("seed %d: suppression took %v", seed, took)
	}
	shown, fewer, hidden := res.Tally()
	t.Logf("%d cells: %d shown, %d fewer than 5, %d complements, in %v", r.Len(), shown, fewer, hidden, took)
	if res.Withheld() {
		t.Fatal("withheld")
	}
	for _, s := range r.sums {
		n := 0
		for _, c := range append([]CellID{s.Total}, s.Parts...) {
			if res.Status(c) != Shown {
				n++
			}
		}
		if n == 1 {
			t.Errorf("seed %d: a sum with one suppressed cell: %v", seed, s)
		}
	}
	w := newWitnessSearch(r, res.status)
	for c, st := range res.status {
		if st != Shown && w.find(CellID(c)) == nil {
			t.Errorf("seed %d: cell %d has no witness", seed, c)
		}
	}
}

func BenchmarkSuppress(b *testing.B) {
	r := largeReport(rand.New(rand.NewPCG(1, 2)), 20, 24, 30)
	for b.Loop() {
		if _, err := Suppress(r); err != nil {
			b.Fatal(err)
		}
	}
}
