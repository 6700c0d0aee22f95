package domain

import (
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"
)

// The three nested steps the generated reports count; each step's table
// is tied to no other, as in a real report.
const generatedSteps = 3

// population is a small random population, as a programme or a small
// region might have: people over groups (the last one "not known"),
// months of a range, and regions within countries.
type population struct {
	groups, months int
	regions        []int // regions[c] is the number of regions of country c
	people         []person
}

type person struct{ group, month, country, region, step int }

func randomPopulation(rng *rand.Rand) population {
	p := population{groups: 2 + rng.IntN(4), months: 1 + rng.IntN(3)}
	for range 1 + rng.IntN(2) {
		p.regions = append(p.regions, 1+rng.IntN(3))
	}
	for range rng.IntN(61) {
		c := rng.IntN(len(p.regions))
		step := 0
		for step < generatedSteps-1 && rng.Float64() < 0.5 {
			step++
		}
		p.people = append(p.people, person{group: rng.IntN(p.groups), month: rng.IntN(p.months),
			country: c, region: rng.IntN(p.regions[c]), step: step})
	}
	return p
}

// report builds the cells and sums a report of the population publishes:
// per step, groups × months with an "all" row and a "range" column, and
// the step's grand total split by country and each country by region.
func (p population) report() *Report {
	r := NewReport()
	for s := range generatedSteps {
		counts := make([][]int, p.groups)
		for g := range counts {
			counts[g] = make([]int, p.months)
		}
		byCountry := make([]int, len(p.regions))
		byRegion := make([][]int, len(p.regions))
		for c, n := range p.regions {
			byRegion[c] = make([]int, n)
		}
		for _, x := range p.people {
			if x.step >= s {
				counts[x.group][x.month]++
				byCountry[x.country]++
				byRegion[x.country][x.region]++
			}
		}
		g := grid(r, counts)
		countries := make([]CellID, len(p.regions))
		for c := range countries {
			countries[c] = r.Cell("country", byCountry[c])
			regions := make([]CellID, len(byRegion[c]))
			for i, n := range byRegion[c] {
				regions[i] = r.Cell("region", n)
			}
			r.Sum(countries[c], regions...)
		}
		r.Sum(g[p.groups][p.months], countries...)
	}
	return r
}

// testSeed returns INSIGHTS_SEED when set, so a failure can be replayed,
// and otherwise a new seed, logged.
func testSeed(t *testing.T) uint64 {
	seed := uint64(time.Now().UnixNano())
	if s := os.Getenv("INSIGHTS_SEED"); s != "" {
		n, err := strconv.ParseUint(s, 10, 64)
		if err != nil {
			t.Fatalf("INSIGHTS_SEED: %v", err)
		}
		seed = n
	}
	t.Logf("seed %d (replay with INSIGHTS_SEED=%d)", seed, seed)
	return seed
}

func limitOf(r *Report) int {
	limit := 0
	for _, v := range r.values {
		limit = max(limit, v+1)
	}
	return limit
}

// TestNoSuppressedCellCanBeRecovered is the suppression test:
// reports over random small populations, read by an exact attacker.
func TestNoSuppressedCellCanBeRecovered(t *testing.T) {
	seed, cases := testSeed(t), 400
	if testing.Short() {
		cases = 50
	}
	if s := os.Getenv("INSIGHTS_CASES"); s != "" { // a longer soak
		n, err := strconv.Atoi(s)
		if err != nil {
			t.Fatalf("INSIGHTS_CASES: %v", err)
		}
		cases = n
	}
	var cells, fewer, hidden int
	for i := range cases {
		r := randomPopulation(rand.New(rand.NewPCG(seed, uint64(i)))).report()
		res, err := Suppress(r)
		if err != nil {
			t.Fatalf("seed %d case %d: %v", seed, i, err)
		}
		if res.Withheld() {
			t.Errorf("seed %d case %d: the whole report was withheld", seed, i)
		}
		for _, c := range newAttacker(r, res.status, limitOf(r)).pinned() {
			t.Errorf("seed %d case %d: the reader recovers cell %d (%s) = %d",
				seed, i, c, res.Status(c), r.Value(c))
		}
		_, f, h := res.Tally()
		cells, fewer, hidden = cells+r.Len(), fewer+f, hidden+h
	}
	t.Logf("%d reports, %d cells: %d fewer than 5, %d complements", cases, cells, fewer, hidden)
}

// TestAttackerCatchesPrimaryOnly proves the attacker has teeth: without
// complementary suppression it recovers cells of the same reports.
func TestAttackerCatchesPrimaryOnly(t *testing.T) {
	r, ids := line(10, 3, 7)
	naive := primaryOnly(r)
	if got := newAttacker(r, naive, limitOf(r)).pinned(); len(got) != 1 || got[0] != ids[1] {
		t.Errorf("10 = 3 + 7 with only the 3 hidden: pinned %v", got)
	}
	// A sum with two hidden cells satisfies the usual rule of thumb, yet
	// 0 + 0 with nothing left over and 4 + 4 with 8 left over are pinned.
	for _, c := range [][]int{{7, 0, 0, 7}, {8, 4, 4}, {19, 4, 4, 4, 7}} {
		r, _ := line(c[0], c[1:]...)
		if got := newAttacker(r, primaryOnly(r), limitOf(r)).pinned(); len(got) == 0 {
			t.Errorf("%v with only the small counts hidden: nothing pinned", c)
		}
	}
	seed, caught := testSeed(t), 0
	for i := range 100 {
		r := randomPopulation(rand.New(rand.NewPCG(seed, uint64(i)))).report()
		if len(newAttacker(r, primaryOnly(r), limitOf(r)).pinned()) > 0 {
			caught++
		}
	}
	if caught == 0 {
		t.Errorf("seed %d: primary suppression alone leaked in none of 100 reports", seed)
	}
	t.Logf("primary suppression alone leaks in %d of 100 reports", caught)
}

func primaryOnly(r *Report) []Status {
	status := make([]Status, r.Len())
	for i, v := range r.values {
		if v < MinCount {
			status[i] = FewerThanFive
		}
	}
	return status
}
