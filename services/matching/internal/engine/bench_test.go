package engine

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/skills"
)

// benchCities are population centres for the quick synthetic benchmark
// data (the realistic generator lives in enginegen).
var benchCities = []struct {
	lat, lon float64
	pop      int
}{
	{50.85, 4.35, 1200}, {51.22, 4.40, 530}, {51.05, 3.72, 260}, {50.83, 3.26, 77}, {50.63, 5.57, 200},
	{50.41, 4.44, 200}, {50.47, 4.87, 110}, {51.21, 3.22, 118}, {50.88, 4.70, 100}, {50.93, 5.34, 78},
	{52.37, 4.90, 870}, {51.92, 4.48, 650}, {52.08, 4.30, 550}, {52.09, 5.12, 360}, {51.44, 5.47, 235},
	{53.22, 6.57, 230}, {51.59, 4.78, 185}, {51.81, 5.85, 177}, {48.86, 2.35, 2100}, {50.63, 3.06, 235},
	{45.76, 4.84, 515}, {43.30, 5.37, 870}, {43.60, 1.44, 480}, {47.22, -1.55, 310}, {48.58, 7.75, 285},
	{44.84, -0.58, 255}, {52.52, 13.40, 3600}, {53.55, 9.99, 1850}, {48.14, 11.58, 1500}, {50.94, 6.96, 1080},
	{50.11, 8.68, 750}, {48.78, 9.18, 630}, {51.23, 6.78, 620}, {51.51, 7.47, 590}, {51.46, 7.01, 580},
	{51.34, 12.37, 590}, {53.08, 8.80, 570}, {51.05, 13.74, 550}, {52.37, 9.73, 535}, {49.45, 11.08, 515},
	{59.91, 10.75, 700}, {60.39, 5.32, 285}, {63.43, 10.40, 200}, {49.61, 6.13, 130},
}

// benchWorld is the shared synthetic data of the benchmarks.
type benchWorld struct {
	ix       *Index
	roles    []Role
	cands    []string
	build    time.Duration
	heapPerC float64
}

var (
	benchOnce sync.Once
	benchData *benchWorld
)

type benchGen struct {
	rng     *rand.Rand
	cum     []int
	skills  []string
	occs    []skills.Occupation
	skillCu []float64
}

func newBenchGen(seed uint64) *benchGen {
	g := &benchGen{rng: rand.New(rand.NewPCG(seed, 7))}
	total := 0
	for _, c := range benchCities {
		total += c.pop
		g.cum = append(g.cum, total)
	}
	tax := skills.Default()
	for _, s := range tax.Skills() {
		g.skills = append(g.skills, s.ID)
	}
	g.rng.Shuffle(len(g.skills), func(i, j int) { g.skills[i], g.skills[j] = g.skills[j], g.skills[i] })
	acc := 0.0
	for i := range g.skills {
		acc += 1 / math.Pow(float64(i+1), 0.9) // Zipf-like popularity
		g.skillCu = append(g.skillCu, acc)
	}
	g.occs = tax.Occupations()
	return g
}

func (g *benchGen) place() Point {
	i, _ := slices.BinarySearch(g.cum, g.rng.IntN(g.cum[len(g.cum)-1])+1)
	c := benchCities[i]
	d := g.rng.NormFloat64() * 0.15
	return Point{Lat: c.lat + d, Lon: c.lon + g.rng.NormFloat64()*0.22}
}

func (g *benchGen) skill() string {
	x := g.rng.Float64() * g.skillCu[len(g.skillCu)-1]
	i, _ := slices.BinarySearchFunc(g.skillCu, x, func(a, b float64) int {
		if a < b {
			return -1
		}
		return 1
	})
	return g.skills[min(i, len(g.skills)-1)]
}

func (g *benchGen) candidate(id string) Candidate {
	r := g.rng
	c := Candidate{ID: id, OrgID: fmt.Sprintf("org-%d", r.IntN(300)), Alias: fmt.Sprintf("K%04X", r.IntN(65536)),
		Version: 1, Consent: true, HoursPerWeek: 20 + r.IntN(20)}
	if r.IntN(10) < 6 {
		c.Housed = true
		c.House = ptr(g.place())
		c.DayRelease = &DayRelease{EligibleFrom: today + Day(r.IntN(400)-100), Days: 0b11111, Start: 7 * 60, End: 18 * 60,
			MaxCommuteKm: 10 + r.IntN(30)}
		c.ReleaseDate = today + Day(r.IntN(730))
	}
	c.ReturnRegion = &Region{Point: g.place(), RadiusKm: 10 + r.IntN(50)}
	for range 3 + r.IntN(8) {
		c.Skills = append(c.Skills, Skill{ID: g.skill(), Level: 1 + r.IntN(4), Hours: r.IntN(900), Attested: r.IntN(3) != 0})
	}
	c.Languages = []Language{{Code: []string{"nl", "fr", "de", "no"}[r.IntN(4)], Rank: 2 + r.IntN(4)}}
	if r.IntN(4) == 0 {
		c.ExcludedSectors = []string{"P"}
	}
	if r.IntN(3) == 0 {
		c.Certificates = []string{"forklift licence"}
	}
	c.ProgrammeKinds = []string{"coffee_roastery"}
	return c
}

func (g *benchGen) role(id string) Role {
	r := g.rng
	o := g.occs[r.IntN(len(g.occs))]
	ro := Role{ID: id, Open: true, Sector: string(rune('A' + r.IntN(21))), DayReleaseOK: r.IntN(2) == 0,
		StartDate: today + Day(r.IntN(300))}
	if r.IntN(20) != 0 {
		ro.Site = ptr(g.place())
	}
	for _, q := range o.Essential {
		ro.Essential = append(ro.Essential, Requirement{Skill: q.Skill, MinLevel: int(q.MinLevel)})
	}
	for _, q := range o.Optional {
		ro.Optional = append(ro.Optional, Requirement{Skill: q.Skill, MinLevel: int(q.MinLevel)})
	}
	ro.Languages = []LanguageRequirement{{Code: "nl", MinRank: 2}}
	for d := range 5 {
		ro.Shifts = append(ro.Shifts, Shift{Weekday: d, Start: 8 * 60, End: 16 * 60})
	}
	return ro
}

func heapInUse() uint64 {
	runtime.GC()
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func loadBenchWorld(nCand, nRoles int) *benchWorld {
	benchOnce.Do(func() {
		g := newBenchGen(1)
		skills.Default()
		w := &benchWorld{}
		before := heapInUse()
		startT := time.Now()
		w.ix = newTestIndex()
		for i := range nCand {
			w.ix.UpsertCandidate(g.candidate(fmt.Sprintf("%08x-0000-4000-8000-%012x", i, i)))
		}
		w.build = time.Since(startT)
		w.heapPerC = float64(heapInUse()-before) / float64(nCand)
		for i := range nRoles {
			r := g.role(fmt.Sprintf("role-%06d", i))
			w.ix.UpsertRole(r)
			if i < 200 {
				w.roles = append(w.roles, r)
			}
		}
		for i := range 200 {
			w.cands = append(w.cands, fmt.Sprintf("%08x-0000-4000-8000-%012x", i*4999, i*4999))
		}
		benchData = w
	})
	return benchData
}

// percentiles reports p50 and p99 of durations in ms.
func percentiles(b *testing.B, ds []time.Duration) {
	slices.Sort(ds)
	at := func(p float64) float64 { return float64(ds[int(p*float64(len(ds)-1))].Microseconds()) / 1000 }
	b.ReportMetric(at(0.5), "p50-ms")
	b.ReportMetric(at(0.99), "p99-ms")
	b.ReportMetric(float64(ds[len(ds)-1].Microseconds())/1000, "max-ms")
}

// BenchmarkShortlist1M times top-50 shortlists of 200 roles over 1,000,000
// synthetic candidates and reports the index's heap per candidate and its
// build time.
func BenchmarkShortlist1M(b *testing.B) {
	w := loadBenchWorld(1_000_000, 100_000)
	var ds []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		r := w.roles[i%len(w.roles)]
		t0 := time.Now()
		w.ix.Shortlist(r.ID, 50, today)
		ds = append(ds, time.Since(t0))
	}
	b.StopTimer()
	percentiles(b, ds)
	b.ReportMetric(w.heapPerC, "heap-B/cand")
	b.ReportMetric(w.build.Seconds(), "build-s")
}

// BenchmarkSuggestions100K times top-20 suggestions over 100,000 roles.
func BenchmarkSuggestions100K(b *testing.B) {
	w := loadBenchWorld(1_000_000, 100_000)
	var ds []time.Duration
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		t0 := time.Now()
		w.ix.Suggestions(w.cands[i%len(w.cands)], 20, today)
		ds = append(ds, time.Since(t0))
	}
	b.StopTimer()
	percentiles(b, ds)
}
