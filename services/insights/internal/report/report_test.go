package report

import (
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// generatedCase is one random population, its counts, the period of a
// report of it and the report.
type generatedCase struct {
	pop    population
	period Period
	built  *Suppressed
	oracle *oracle
}

func generate(t *testing.T, seed uint64, i int) generatedCase {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, uint64(i)))
	pop := randomPopulation(r)
	from := domain.MonthOf(genStart) + domain.Month(r.IntN(2))
	p := Period{Scope: pick(r, domain.PlatformScope, "org-a", "org-b"), From: from, To: from + domain.Month(r.IntN(pop.months))}
	s, err := Build(p, pop.fold())
	if err != nil {
		t.Fatalf("seed %d case %d: %v", seed, i, err)
	}
	return generatedCase{pop: pop, period: p, built: s, oracle: newOracle(p, pop.people, pop.asOf)}
}

// views returns every view of a period's report: the total, each
// dimension, and in an organisation's report each programme and one
// nobody is in.
func (g generatedCase) views() []View {
	out := []View{{}}
	for _, d := range g.period.Dimensions() {
		out = append(out, View{GroupBy: d})
	}
	if !g.period.Platform() {
		for _, p := range append(slices.Clone(g.built.Groups(domain.Programme)), "prog-nobody") {
			out = append(out, View{Programme: p})
		}
	}
	return out
}

// TestReportMatchesIndependentCounts is the report's property test: over
// random populations, every number of every view equals the count made
// from the candidates' facts by the oracle, apart from the fold and the
// builder; no count below five is published; and no hidden count can be
// worked out from the report's sums.
func TestReportMatchesIndependentCounts(t *testing.T) {
	seed, cases := testSeed(t), 40
	if testing.Short() {
		cases = 10
	}
	var cells, fewer, hidden int
	for i := range cases {
		g := generate(t, seed, i)
		for _, v := range g.views() {
			m, err := g.built.Model(v)
			if err != nil {
				t.Fatalf("seed %d case %d view %+v: %v", seed, i, v, err)
			}
			c := checker{t: t, where: fmt.Sprintf("seed %d case %d %s %s..%s view %+v", seed, i, g.period.Scope, g.period.From, g.period.To, v), o: g.oracle}
			c.model(m)
		}
		checkUnrecoverable(t, fmt.Sprintf("seed %d case %d", seed, i), g.built.report, g.built.result)
		_, f, h := g.built.result.Tally()
		cells, fewer, hidden = cells+g.built.report.Len(), fewer+f, hidden+h
	}
	t.Logf("%d reports, %d cells: %d fewer than 5, %d complements", cases, cells, fewer, hidden)
}

// checker compares a model with the oracle's counts.
type checker struct {
	t     *testing.T
	where string
	o     *oracle
}

func (c checker) errorf(format string, args ...any) {
	c.t.Helper()
	c.t.Errorf("%s: "+format, append([]any{c.where}, args...)...)
}

// count checks a published count against the true one: a shown count is
// the truth and at least five, fewer than 5 is below five, not shown is
// five or more.
func (c checker) count(what string, got Count, truth int) {
	c.t.Helper()
	switch got.Status {
	case domain.Shown:
		if got.Value != truth || got.Value < domain.MinCount {
			c.errorf("%s shows %d, the truth is %d", what, got.Value, truth)
		}
	case domain.FewerThanFive:
		if truth >= domain.MinCount {
			c.errorf("%s reads fewer than 5, the truth is %d", what, truth)
		}
	case domain.NotShown:
		if truth < domain.MinCount {
			c.errorf("%s reads not shown, the truth is %d", what, truth)
		}
	default:
		c.errorf("%s is withheld", what)
	}
}

func (c checker) model(m Model) {
	c.t.Helper()
	dimOf := func(i int) domain.Dimension {
		switch {
		case m.View.Programme != "":
			return domain.Programme
		case i == 0:
			return domain.All
		}
		return m.View.GroupBy
	}
	if m.View.GroupBy != "" {
		c.groups(m.View.GroupBy, m.Funnel[1:], func(f FunnelGroup) string { return f.Group })
	}
	for i, fg := range m.Funnel {
		c.funnel(dimOf(i), fg)
		c.medians(dimOf(i), m.Medians[i])
	}
	trend := domain.AllGroup
	if m.View.Programme != "" {
		trend = m.View.Programme
	}
	if len(m.Trends) != m.Period.Months() {
		c.errorf("%d months of trends, want %d", len(m.Trends), m.Period.Months())
	}
	for _, tm := range m.Trends {
		for _, sc := range tm.Steps {
			c.count(fmt.Sprintf("trend %s %s %s", trend, tm.Month, sc.Step), sc.Count, c.o.trends[trend][tm.Month][sc.Step.String()])
		}
	}
	c.fairness(m)
	c.employers(m)
}

// groups checks that a dimension lists exactly the groups someone in the
// period counts in.
func (c checker) groups(d domain.Dimension, funnels []FunnelGroup, name func(FunnelGroup) string) {
	c.t.Helper()
	var got []string
	for _, f := range funnels {
		got = append(got, name(f))
	}
	want := slices.Collect(maps.Keys(c.o.seen[d]))
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		c.errorf("%s lists groups %v, want %v", d, got, want)
	}
}

func (c checker) funnel(d domain.Dimension, fg FunnelGroup) {
	c.t.Helper()
	truth := c.o.cohort[d][fg.Group]
	if len(fg.Steps) != domain.StepCount-int(firstStep(d)) {
		c.errorf("%s %s has %d steps", d, fg.Group, len(fg.Steps))
	}
	for i, sc := range fg.Steps {
		c.count(fmt.Sprintf("funnel %s %s %s", d, fg.Group, sc.Step), sc.Count, truth[sc.Step.String()])
		if !sc.Converted {
			continue
		}
		var want domain.Rate
		switch {
		case i == 0:
			c.errorf("funnel %s %s: a conversion into the first step", d, fg.Group)
		case sc.Step <= domain.Hired:
			want = domain.Rate{Num: truth[sc.Step.String()], Den: truth[fg.Steps[i-1].Step.String()]}
		default:
			day := sc.Step.String()[len("working_"):]
			w := truth["working_"+day]
			want = domain.Rate{Num: w, Den: w + truth["not_working_"+day] + truth["unknown_"+day]}
		}
		if sc.Conversion != want {
			c.errorf("funnel %s %s %s converts %v, want %v", d, fg.Group, sc.Step, sc.Conversion, want)
		}
	}
	for _, rc := range fg.Retention {
		day := fmt.Sprint(rc.Day)
		c.count("working "+day+" "+fg.Group, rc.Working, truth["working_"+day])
		c.count("not working "+day+" "+fg.Group, rc.NotWorking, truth["not_working_"+day])
		c.count("unknown "+day+" "+fg.Group, rc.Unknown, truth["unknown_"+day])
	}
}

func (c checker) medians(d domain.Dimension, mg MedianGroup) {
	c.t.Helper()
	for _, md := range mg.Medians {
		step := md.Step.String()
		c.count("people behind the median "+step+" of "+mg.Group, md.People, c.o.cohort[d][mg.Group][step])
		if !md.Shown {
			continue
		}
		days := c.o.days[d][mg.Group][step]
		if md.People.Status != domain.Shown || len(days) < domain.MinCount {
			c.errorf("median %s of %s %s shown over %d people (%v)", step, d, mg.Group, len(days), md.People.Status)
			continue
		}
		if want := median(days); md.Days != want {
			c.errorf("median %s of %s %s is %v, want %v", step, d, mg.Group, md.Days, want)
		}
	}
}

func (c checker) fairness(m Model) {
	c.t.Helper()
	if m.View.Programme != "" {
		if len(m.Fairness) != 0 {
			c.errorf("a programme's report compares groups")
		}
		return
	}
	var dims []domain.Dimension
	for _, fd := range m.Fairness {
		dims = append(dims, fd.Dimension)
		for _, cmp := range fd.Comparisons {
			c.groups(fd.Dimension, toFunnels(cmp.Groups), func(f FunnelGroup) string { return f.Group })
			c.comparison(fd.Dimension, cmp)
		}
	}
	if !slices.Equal(dims, m.Period.FairnessDimensions()) {
		c.errorf("fairness covers %v, want %v", dims, m.Period.FairnessDimensions())
	}
}

func toFunnels(groups []FairnessGroup) []FunnelGroup {
	out := make([]FunnelGroup, len(groups))
	for i, g := range groups {
		out[i].Group = g.Group
	}
	return out
}

// comparison checks each group's counts and rate, and the four-fifths
// rule against the best shown rate.
func (c checker) comparison(d domain.Dimension, cmp FairnessComparison) {
	c.t.Helper()
	best := domain.Rate{}
	for _, g := range cmp.Groups {
		truth := c.o.cohort[d][g.Group]
		base, reached := truth["consenting"], truth[cmp.Step.String()]
		what := fmt.Sprintf("fairness %s %s %s", d, g.Group, cmp.Step)
		c.count(what+" base", g.Base, base)
		c.count(what+" reached", g.Reached, reached)
		switch {
		case g.Known && g.Rate != (domain.Rate{Num: reached, Den: base}):
			c.errorf("%s: rate %v, want %d/%d", what, g.Rate, reached, base)
		case g.Known && (g.Base.Status != domain.Shown || g.Reached.Status != domain.Shown):
			c.errorf("%s: a rate of hidden counts", what)
		case g.AtMost && (g.Reached.Status != domain.FewerThanFive || g.Base.Status != domain.Shown || g.Rate != domain.Rate{Num: 4, Den: base}):
			c.errorf("%s: at most %v with counts %v %v", what, g.Rate, g.Reached, g.Base)
		case !g.Known && !g.AtMost && (g.Flagged || g.Rate != domain.Rate{}):
			c.errorf("%s: an unknown rate %v flagged %v", what, g.Rate, g.Flagged)
		}
		if g.Known && (best.Den == 0 || best.Less(g.Rate)) {
			best = g.Rate
		}
	}
	if best.Num == 0 {
		best = domain.Rate{}
	}
	if cmp.BestRate != best {
		c.errorf("fairness %s %s: best rate %v, want %v", d, cmp.Step, cmp.BestRate, best)
	}
	for _, g := range cmp.Groups {
		want := best.Num > 0 && (g.Known || g.AtMost) && g.Rate.BelowFourFifthsOf(best)
		if g.Flagged != want {
			c.errorf("fairness %s %s %s: flagged %v, want %v (rate %v, best %v)", d, g.Group, cmp.Step, g.Flagged, want, g.Rate, best)
		}
	}
}

func (c checker) employers(m Model) {
	c.t.Helper()
	if !m.Period.Platform() {
		if len(m.Employers) != 0 {
			c.errorf("an organisation's report has an employers' table")
		}
		return
	}
	var got []string
	for _, e := range m.Employers {
		got = append(got, e.Employer)
		for _, sc := range e.Steps {
			c.count("employer "+e.Employer+" "+sc.Step.String(), sc.Count, c.o.employers[e.Employer][sc.Step.String()])
		}
	}
	want := slices.Collect(maps.Keys(c.o.employers))
	slices.Sort(want)
	slices.Sort(got)
	if !slices.Equal(got, want) {
		c.errorf("employers %v, want %v", got, want)
	}
}
