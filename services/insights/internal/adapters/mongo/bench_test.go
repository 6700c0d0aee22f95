package mongo

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// BenchmarkScopeSheet reads the platform's sheet over five years from a
// store rebuilt from INSIGHTS_BENCH_STORE_CANDIDATES candidates (20,000
// unless set), registered over those years across 100 organisations,
// 300 employers and varied settings and occupations: the store's part of
// a cold report (report.BuildSheet is the rest, see BenchmarkReport),
// beside reading the same documents into domain.Counts.
//
//	go test -run '^$' -bench BenchmarkScopeSheet -benchtime 5x ./internal/adapters/mongo
func BenchmarkScopeSheet(b *testing.B) {
	ctx := context.Background()
	s, err := NewStore(ctx, testkit.MongoDB(b))
	if err != nil {
		b.Fatal(err)
	}
	n := 20_000
	if v := os.Getenv("INSIGHTS_BENCH_STORE_CANDIDATES"); v != "" {
		n, _ = strconv.Atoi(v)
	}
	r := rand.New(rand.NewPCG(15, 2))
	counts := domain.NewCounts()
	from := domain.MonthOf(day("2021-01-01"))
	for i := range n {
		p := progress(fmt.Sprintf("c%d", i), fmt.Sprintf("org-%03d", r.IntN(100)), []string{"released", "probation", "transition_house"}[r.IntN(3)])
		shift := r.IntN(50) - 50 // months before March 2025
		shiftTimes(&p, shift, r.IntN(28))
		in := &p.Introductions[0]
		in.EmployerOrgID, in.RoleOccupation = fmt.Sprintf("emp-%d", r.IntN(300)), []string{"barista", "cook", "driver", "cleaner"}[r.IntN(4)]
		counts.Apply(domain.ContributionsOf(p, time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)).Counts())
	}
	gen, err := s.BeginRebuild(ctx)
	if err != nil {
		b.Fatal(err)
	}
	if err := s.WriteRebuiltCounts(ctx, gen, counts); err != nil {
		b.Fatal(err)
	}
	if err := s.SwapGeneration(ctx, gen, time.Now()); err != nil {
		b.Fatal(err)
	}
	b.Run("sheet", func(b *testing.B) {
		var keys int
		for b.Loop() {
			sheet, err := s.ScopeSheet(ctx, domain.PlatformScope, from, from+59)
			if err != nil {
				b.Fatal(err)
			}
			keys = sheet.Keys()
		}
		b.ReportMetric(float64(keys), "counts-read")
	})
	b.Run("counts", func(b *testing.B) {
		var keys int
		for b.Loop() {
			c, err := s.ScopeCounts(ctx, domain.PlatformScope, from, from+59)
			if err != nil {
				b.Fatal(err)
			}
			keys = len(c.Cells) + len(c.Days) + len(c.Employers)
		}
		b.ReportMetric(float64(keys), "counts-read")
	})
}

// shiftTimes moves every time of p by months and days.
func shiftTimes(p *domain.Progress, months, days int) {
	mv := func(t *time.Time) {
		if !t.IsZero() {
			*t = t.AddDate(0, months, days)
		}
	}
	mv(&p.CreatedAt)
	mv(&p.ConsentFirstGivenAt)
	mv(&p.FirstShortlistedAt)
	for i := range p.Introductions {
		in := &p.Introductions[i]
		mv(&in.RequestedAt)
		mv(&in.Answer.AnsweredAt)
		mv(&in.Outcome.RecordedAt)
		mv(&in.Placement.RecordedAt)
		mv(&in.Placement.StartDate)
		for j := range in.FollowUps {
			mv(&in.FollowUps[j].DueAt)
			mv(&in.FollowUps[j].AnsweredAt)
		}
	}
}
