package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// unbounded stands for "5 or more, no upper bound" in the reader's bounds.
const unbounded = 1 << 40

// checkUnrecoverable fails the test for every leak leaks finds.
func checkUnrecoverable(t *testing.T, where string, r *domain.Report, res *domain.Result) {
	t.Helper()
	for _, l := range leaks(r, res) {
		t.Errorf("%s: %s", where, l)
	}
}

// leaks plays a reader who has the whole report: every shown count, every
// sum, 0..4 for fewer than 5 and 5 or more for not shown. It lists each
// sum with exactly one hidden count (subtraction gives it away) and each
// hidden count that narrowing every count's bounds through the sums,
// until nothing changes, pins to one value.
func leaks(r *domain.Report, res *domain.Result) []string {
	var out []string
	if res.Withheld() {
		return nil
	}
	lo, hi := make([]int, r.Len()), make([]int, r.Len())
	for i := range lo {
		id := domain.CellID(i)
		switch res.Status(id) {
		case domain.Shown:
			lo[i], hi[i] = r.Value(id), r.Value(id)
		case domain.FewerThanFive:
			lo[i], hi[i] = 0, domain.MinCount-1
		default:
			lo[i], hi[i] = domain.MinCount, unbounded
		}
	}
	for _, s := range r.Sums() {
		hidden := 0
		for _, c := range append([]domain.CellID{s.Total}, s.Parts...) {
			if res.Status(c) != domain.Shown {
				hidden++
			}
		}
		if hidden == 1 {
			out = append(out, fmt.Sprintf("the sum of %s has one hidden count", r.Name(s.Total)))
		}
	}
	for changed := true; changed; {
		changed = false
		for _, s := range r.Sums() {
			changed = narrowSum(lo, hi, s) || changed
		}
	}
	for i := range lo {
		id := domain.CellID(i)
		switch {
		case lo[i] > hi[i]:
			out = append(out, fmt.Sprintf("%s has no value left (%d..%d): the sums do not hold", r.Name(id), lo[i], hi[i]))
		case res.Status(id) != domain.Shown && lo[i] == hi[i]:
			out = append(out, fmt.Sprintf("the reader works out %s = %d (%s)", r.Name(id), lo[i], res.Status(id)))
		}
	}
	return out
}

// narrowSum narrows the bounds of a sum's cells from the others' and
// reports whether any changed. A bound of unbounded or more is infinite.
func narrowSum(lo, hi []int, s domain.Sum) bool {
	sumLo, sumHi, open := 0, 0, 0 // open counts the parts without an upper bound
	for _, p := range s.Parts {
		sumLo += lo[p]
		if hi[p] >= unbounded {
			open++
		} else {
			sumHi += hi[p]
		}
	}
	totalHi := unbounded
	if open == 0 {
		totalHi = sumHi
	}
	changed := narrow(lo, hi, s.Total, sumLo, totalHi)
	for _, p := range s.Parts {
		othersLo := sumLo - lo[p]
		h := unbounded
		if hi[s.Total] < unbounded {
			h = hi[s.Total] - othersLo
		}
		l := 0
		if othersOpen := open - boolInt(hi[p] >= unbounded); othersOpen == 0 {
			othersHi := sumHi
			if hi[p] < unbounded {
				othersHi -= hi[p]
			}
			l = lo[s.Total] - othersHi
		}
		changed = narrow(lo, hi, p, l, h) || changed
	}
	return changed
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func narrow(lo, hi []int, c domain.CellID, l, h int) bool {
	changed := false
	if l > lo[c] {
		lo[c], changed = l, true
	}
	if h < hi[c] {
		hi[c], changed = h, true
	}
	return changed
}

// TestCheckerCatchesARecoverableReport proves the reader has teeth: with
// only the small counts hidden, it works them out.
func TestCheckerCatchesARecoverableReport(t *testing.T) {
	r := domain.NewReport()
	tot, a, b := r.Cell("total", 12), r.Cell("a", 9), r.Cell("b", 3)
	r.Sum(tot, a, b)
	res, err := domain.Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	if res.Status(a) == domain.Shown && res.Status(tot) == domain.Shown {
		t.Fatal("the engine left 12 = 9 + fewer than 5 open")
	}
	if got := leaks(r, res); len(got) > 0 {
		t.Errorf("the engine's suppression leaks: %v", got)
	}
	if got := leaks(r, naive(r)); len(got) != 2 {
		t.Errorf("with only the small count hidden the reader found %v, want the one-hidden sum and b = 3", got)
	}
}

// naive returns the suppression of r's counts without its sums: the
// counts below five hidden, nothing else.
func naive(r *domain.Report) *domain.Result {
	n := domain.NewReport()
	for i := range r.Len() {
		v := r.Value(domain.CellID(i))
		n.Cell(r.Name(domain.CellID(i)), v)
	}
	res, _ := domain.Suppress(n) // no sums: only primary suppression
	return res
}

// TestReportDeclaresEverySum lists, apart from the builder, every exact
// sum a reader of the report knows, and checks that the report tells the
// suppression of each: a dimension's groups that add up to the total,
// regions that add up to their country, and the people registered over
// the range that add up month by month in the trends.
func TestReportDeclaresEverySum(t *testing.T) {
	seed := testSeed(t)
	for i := range 10 {
		g := generate(t, seed, i)
		declared := map[string]bool{}
		for _, s := range g.built.report.Sums() {
			declared[sumName(g.built.report, s.Total, s.Parts)] = true
		}
		for _, want := range knownSums(g.period, g.built) {
			if !declared[want] {
				t.Errorf("seed %d case %d: the report does not declare %s", seed, i, want)
			}
		}
	}
}

// knownSums names the sums a reader knows, each "total = part + part"
// with the parts sorted.
func knownSums(p Period, s *Suppressed) []string {
	var out []string
	cell := func(d domain.Dimension, g string, m domain.Measure) string {
		return "cohort|" + string(d) + "|" + g + "|" + m.String()
	}
	for m := domain.Measure(0); m.Valid(); m++ {
		for _, d := range []domain.Dimension{domain.Organisation, domain.Setting, domain.Country, domain.Region, domain.UrbanClass} {
			if d == domain.Organisation && !p.Platform() {
				continue
			}
			var parts []string
			for _, g := range s.Groups(d) {
				parts = append(parts, cell(d, g, m))
			}
			if len(parts) > 0 { // nobody registered in the period
				out = append(out, cell(domain.All, domain.AllGroup, m)+" = "+joinSorted(parts))
			}
		}
		byCountry := map[string][]string{}
		for _, g := range s.Groups(domain.Region) {
			country, _, _ := strings.Cut(g, ".")
			byCountry[country] = append(byCountry[country], cell(domain.Region, g, m))
		}
		for country, parts := range byCountry {
			out = append(out, cell(domain.Country, country, m)+" = "+joinSorted(parts))
		}
	}
	trended := []groupID{total}
	if !p.Platform() {
		for _, g := range s.Groups(domain.Programme) {
			trended = append(trended, groupID{domain.Programme, g})
		}
	}
	for _, id := range trended {
		var parts []string
		for m := p.From; m <= p.To; m++ {
			parts = append(parts, "activity|"+m.String()+"|"+string(id.dim)+"|"+id.group+"|registered")
		}
		out = append(out, cell(id.dim, id.group, domain.MeasureOf(domain.Registered))+" = "+joinSorted(parts))
	}
	return out
}

func sumName(r *domain.Report, total domain.CellID, parts []domain.CellID) string {
	var names []string
	for _, p := range parts {
		names = append(names, r.Name(p))
	}
	return r.Name(total) + " = " + joinSorted(names)
}

func joinSorted(s []string) string {
	s = slices.Clone(s)
	slices.Sort(s)
	return strings.Join(s, " + ")
}
