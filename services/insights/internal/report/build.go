package report

import (
	"errors"
	"fmt"
	"sync"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// ErrBadPeriod means a period ends before it starts or is longer than
// MaxMonths.
var ErrBadPeriod = errors.New("bad report period")

// noCell marks a measure a group does not count.
const noCell domain.CellID = -1

// funnelCells names the cells of one group's cohort view, by measure.
type funnelCells [domain.MeasureCount]domain.CellID

// stepCells names the cells of one month of a group's activity view.
type stepCells [domain.StepCount]domain.CellID

// Suppressed is one period's report after suppression: every count any
// view of the period shows, and what may be published of each. It is
// read-only once built and safe for concurrent use.
type Suppressed struct {
	period    Period
	report    *domain.Report
	result    *domain.Result
	groups    map[domain.Dimension][]string
	cohort    map[groupID]*funnelCells
	trends    map[groupID][]stepCells
	days      *dayHistograms
	employers *employerTable
}

// Build makes the period's report from its counts and suppresses it, as
// BuildSheet does from their sheet. The counts may hold keys of other
// scopes and months; they are left out.
func Build(p Period, c domain.Counts) (*Suppressed, error) {
	return BuildSheet(p, domain.SheetOf(c, p.Scope, p.From, p.To))
}

// BuildSheet makes the period's report from the sheet of its counts (as
// the store reads them) and suppresses it. Rows of other months are left
// out, and a sheet of another scope counts nothing. It returns an error
// wrapping domain.ErrBadReport when the counts do not add up (a stored
// total that disagrees with its parts), and ErrBadPeriod for a period
// that ends before it starts or is too long.
//
// A platform's counts over years run into millions of keys, so the cells,
// the employers' cells and the total's day histograms are read side by
// side.
func BuildSheet(p Period, c domain.Sheet) (*Suppressed, error) {
	if p.To < p.From || p.Months() > MaxMonths || p.Scope == "" {
		return nil, fmt.Errorf("%w: %s from %s to %s", ErrBadPeriod, p.Scope, p.From, p.To)
	}
	if c.Scope != p.Scope {
		c = domain.Sheet{Scope: p.Scope}
	}
	s := &Suppressed{period: p, days: newDayHistograms(p, c.Days)}
	var wg sync.WaitGroup
	var employersErr error
	wg.Go(func() { s.days.of(domain.All) })
	if p.Platform() {
		wg.Go(func() { s.employers, employersErr = employersOf(p, c.Employers) })
	}
	err := s.suppress(tallyOf(p, c.Cells))
	wg.Wait()
	if err != nil {
		return nil, err
	}
	if employersErr != nil {
		return nil, employersErr
	}
	return s, nil
}

// suppress makes the cells and sums of the report and suppresses it.
func (s *Suppressed) suppress(t *tally) error {
	s.report, s.groups = domain.NewReport(), t.groupsByDimension()
	s.cohort, s.trends = map[groupID]*funnelCells{}, map[groupID][]stepCells{}
	s.addCohort(t)
	s.addTrends(t)
	if err := s.addSums(); err != nil {
		return err
	}
	res, err := domain.Suppress(s.report)
	if err != nil {
		return fmt.Errorf("suppress the report of %s: %w", s.period.Scope, err)
	}
	s.result = res
	return nil
}

// Period returns what the report covers.
func (s *Suppressed) Period() Period { return s.period }

// Withheld reports whether suppression hid every count of the report.
func (s *Suppressed) Withheld() bool { return s.result.Withheld() }

// Groups returns the groups of a dimension in the report, in the order it
// shows them. The caller must not change them.
func (s *Suppressed) Groups(d domain.Dimension) []string { return s.groups[d] }

// addCohort adds a cell for every measure of every group, the total
// first, then each dimension's groups in order.
func (s *Suppressed) addCohort(t *tally) {
	s.groups[domain.All] = []string{domain.AllGroup}
	for _, d := range append([]domain.Dimension{domain.All}, s.period.Dimensions()...) {
		for _, g := range s.groups[d] {
			id := groupID{d, g}
			counts := &t.groups[id].cohort
			cells := new(funnelCells)
			for i := range cells {
				cells[i] = noCell
			}
			for _, m := range measuresOf(d) {
				cells[m] = s.report.Cell("cohort|"+string(d)+"|"+g+"|"+m.String(), counts[m])
			}
			s.cohort[id] = cells
		}
	}
}

// addTrends adds a cell for every step of every month of the groups with
// trends.
func (s *Suppressed) addTrends(t *tally) {
	for _, id := range s.trendGroups() {
		months := make([]stepCells, s.period.Months())
		for i, counts := range t.groups[id].months {
			month := (s.period.From + domain.Month(i)).String()
			for st := range counts {
				months[i][st] = s.report.Cell("activity|"+month+"|"+string(id.dim)+"|"+id.group+"|"+domain.Step(st).String(), counts[st])
			}
		}
		s.trends[id] = months
	}
}

// trendGroups returns the groups with trends, the total first.
func (s *Suppressed) trendGroups() []groupID {
	out := []groupID{total}
	if !s.period.Platform() {
		for _, g := range s.groups[domain.Programme] {
			out = append(out, groupID{domain.Programme, g})
		}
	}
	return out
}
