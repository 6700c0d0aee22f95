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
	benchSheets map[Period]domain.Sheet
	benchTook   time.Duration
)

// The benchmark's periods: the platform's five years, and benchOrg's
// last twelve months.
var (
	benchPlatform = Period{Scope: domain.PlatformScope, From: benchFrom, To: benchFrom + benchMonths - 1}
	benchOrgYear  = Period{Scope: benchOrg, From: benchFrom + benchMonths - 12, To: benchFrom + benchMonths - 1}
)

// benchSheetsOf folds the benchmark's candidates once per process into
// the sheets the store returns for the two periods (ScopeSheet, which
// gathers the stored counts the same way). Only the sheets stay in
// memory, as in the service while it builds a report.
// INSIGHTS_BENCH_CANDIDATES sets a smaller number for a quick look.
func benchSheetsOf(b *testing.B) map[Period]domain.Sheet {
	benchOnce.Do(func() {
		n := benchCandidates
		if s := os.Getenv("INSIGHTS_BENCH_CANDIDATES"); s != "" {
			n, _ = strconv.Atoi(s)
		}
		start := time.Now()
		w := newBenchWorld(rand.New(rand.NewPCG(15, 1)))
		asOf := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
		builders := map[Period]*domain.SheetBuilder{}
		for _, p := range []Period{benchPlatform, benchOrgYear} {
			builders[p] = domain.NewSheetBuilder(p.Scope, p.From, p.To)
		}
		for i := range n {
			c := domain.ContributionsOf(w.candidate(i), asOf)
			for _, sb := range builders {
				for k := range c.Cells {
					sb.AddCell(k, 1)
				}
				for k := range c.Days {
					sb.AddDays(k, 1)
				}
				for k := range c.Employers {
					sb.AddEmployer(k, 1)
				}
			}
		}
		benchSheets = map[Period]domain.Sheet{}
		for p, sb := range builders {
			benchSheets[p] = sb.Sheet()
		}
		benchTook = time.Since(start)
		runtime.GC()
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		fmt.Fprintf(os.Stderr, "folded %d candidates in %v: %d counts in the platform's sheet, heap %d MiB\n",
			n, benchTook.Round(time.Second), benchSheets[benchPlatform].Keys(), ms.HeapAlloc>>20)
	})
	return benchSheets
}

// BenchmarkReport builds reports from the counts of 1,000,000 candidates,
// without a cache: the platform's over five years (with the employers'
// table) and one organisation's over its last twelve months. Each call
// builds and suppresses the report and makes the default view's model.
// It reports ns/op and the 99th percentile of at least 200 calls:
//
//	go test -run '^$' -bench BenchmarkReport -benchtime 200x ./internal/report
func BenchmarkReport(b *testing.B) {
	sheets := benchSheetsOf(b)
	for _, bc := range []struct {
		name   string
		period Period
	}{
		{"platform-60-months", benchPlatform},
		{"organisation-12-months", benchOrgYear},
	} {
		b.Run(bc.name, func(b *testing.B) {
			counts := sheets[bc.period]
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
// pass BuildSheet makes over the sheet.
//
//	go test -run '^$' -bench BenchmarkReadingCounts -benchtime 20x ./internal/report
func BenchmarkReadingCounts(b *testing.B) {
	p := benchPlatform
	sheet := benchSheetsOf(b)[p]
	for name, pass := range map[string]func(){
		"tally-cells":      func() { tallyOf(p, sheet.Cells) },
		"employers":        func() { _, _ = employersOf(p, sheet.Employers) },
		"medians-of-total": func() { newDayHistograms(p, sheet.Days).of(domain.All) },
		"suppress": func() {
			s := &Suppressed{period: p, days: newDayHistograms(p, sheet.Days)}
			_ = s.suppress(tallyOf(p, sheet.Cells))
		},
	} {
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				pass()
			}
		})
	}
}
