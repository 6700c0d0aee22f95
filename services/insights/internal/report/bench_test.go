package report

import (
	"fmt"
	"math"
	"math/rand/v2"
	"os"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// The benchmark's platform: 1,000,000 candidates registered over five
// years by about 100 organisations, as issue 15 sizes it.
const (
	benchCandidates = 1_000_000
	benchOrgs       = 100
	benchMonths     = 60
	benchOrg        = "org-042"
)

var benchFrom = domain.MonthOf(time.Date(2021, 1, 1, 0, 0, 0, 0, time.UTC))

var (
	benchOnce   sync.Once
	benchCounts domain.Counts
	benchTook   time.Duration
)

// benchCountsOf folds the benchmark's candidates once per process: only
// the platform's cells and benchOrg's are kept, so memory stays within
// what one report reads. INSIGHTS_BENCH_CANDIDATES sets a smaller number
// for a quick look.
func benchCountsOf(b *testing.B) domain.Counts {
	benchOnce.Do(func() {
		n := benchCandidates
		if s := os.Getenv("INSIGHTS_BENCH_CANDIDATES"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		start := time.Now()
		w := newBenchWorld(rand.New(rand.NewPCG(15, 1)))
		asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		benchCounts = domain.NewCounts()
		for i := range n {
			c := domain.ContributionsOf(w.candidate(i), asOf)
			for k := range c.Cells {
				if k.Scope == domain.PlatformScope || k.Scope == benchOrg {
					benchCounts.Cells[k]++
				}
			}
			for k := range c.Days {
				if k.Key.Scope == domain.PlatformScope || k.Key.Scope == benchOrg {
					benchCounts.Days[k]++
				}
			}
			for k := range c.Employers {
				benchCounts.Employers[k]++
			}
		}
		benchTook = time.Since(start)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(os.Stderr, "folded %d candidates in %v: %d cells, %d day marks, %d employer cells, heap %d MiB\n",
			n, benchTook.Round(time.Second), len(benchCounts.Cells), len(benchCounts.Days), len(benchCounts.Employers), ms.HeapAlloc>>20)
	})
	return benchCounts
}

// BenchmarkReport builds reports from the counts of 1,000,000 candidates,
// without a cache: the platform's over five years (with the employers'
// table) and one organisation's over its last twelve months. Each call
// builds and suppresses the report and makes the default view's model.
// It reports ns/op and the 99th percentile of at least 200 calls:
//
//	go test -run '^$' -bench BenchmarkReport -benchtime 200x ./internal/report
func BenchmarkReport(b *testing.B) {
	all := benchCountsOf(b)
	last := benchFrom + benchMonths - 1
	for _, bc := range []struct {
		name   string
		period Period
	}{
		{"platform-60-months", Period{Scope: domain.PlatformScope, From: benchFrom, To: last}},
		{"organisation-12-months", Period{Scope: benchOrg, From: last - 11, To: last}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			// The sheet the store returns for the period (ScopeSheet).
			counts := domain.SheetOf(all, bc.period.Scope, bc.period.From, bc.period.To)
			var took []time.Duration
			call := func() {
				start := time.Now()
				s, err := BuildSheet(bc.period, counts)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := s.Model(View{}); err != nil {
					b.Fatal(err)
				}
				took = append(took, time.Since(start))
			}
			b.ReportAllocs()
			for b.Loop() {
				call()
			}
			b.StopTimer()
			for len(took) < 200 {
				call()
			}
			slices.Sort(took)
			p99 := took[int(math.Ceil(0.99*float64(len(took))))-1]
			b.ReportMetric(float64(p99)/float64(time.Millisecond), "p99-ms")
			b.ReportMetric(float64(counts.Keys()), "counts-read")
		})
	}
}

// BenchmarkReadingCounts shows where a platform report's time goes: each
// pass BuildSheet makes over the sheet, beside merely iterating the maps
// of domain.Counts holding the same counts (what each pass cost before
// the store handed over a sheet).
//
//	go test -run '^$' -bench BenchmarkReadingCounts -benchtime 20x ./internal/report
func BenchmarkReadingCounts(b *testing.B) {
	all := benchCountsOf(b)
	p := Period{Scope: domain.PlatformScope, From: benchFrom, To: benchFrom + benchMonths - 1}
	c := all.Within(p.Scope, p.From, p.To)
	sheet := domain.SheetOf(c, p.Scope, p.From, p.To)
	for name, pass := range map[string]func(){
		"tally-cells":       func() { tallyOf(p, sheet.Cells) },
		"employers":         func() { _, _ = employersOf(p, sheet.Employers) },
		"medians-of-total":  func() { newDayHistograms(p, sheet.Days).of(domain.All) },
		"iterate-cells":     func() { iterate(c.Cells) },
		"iterate-employers": func() { iterate(c.Employers) },
		"iterate-days":      func() { iterate(c.Days) },
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				pass()
			}
		})
	}
}

func iterate[K comparable](m map[K]int) int {
	n := 0
	for _, v := range m {
		n += v
	}
	return n
}
