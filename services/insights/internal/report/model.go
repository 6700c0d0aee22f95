package report

import (
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// ErrBadView means a view asks for what the period's report does not
// hold: a dimension it does not show, or a programme in the platform's
// report, or a programme together with a dimension.
var ErrBadView = errors.New("bad report view")

// View is what one request shows of a period's report.
type View struct {
	// GroupBy splits the funnel and the medians by a dimension; empty for
	// the total only.
	GroupBy domain.Dimension
	// Programme narrows the report to one programme's people: its funnel,
	// medians and trends, without fairness. Empty for the whole scope.
	Programme string
}

// Count is one published count: its value only when Status is
// domain.Shown.
type Count struct {
	Status domain.Status
	Value  int
}

// StepCount is a step's count and, when Converted, the rate from the
// step before (for working at day N, over the hires whose day N came).
type StepCount struct {
	Step       domain.Step
	Count      Count
	Conversion domain.Rate
	Converted  bool
}

// RetentionCount is the hires whose day N came, by state.
type RetentionCount struct {
	Day                          int
	Working, NotWorking, Unknown Count
}

// FunnelGroup is a group's cohort view: the people registered in the
// period and how far they have got by now.
type FunnelGroup struct {
	Group     string
	Steps     []StepCount
	Retention []RetentionCount
}

// Median is the median whole days from registration to a step, shown
// only when Shown, and the count of the people behind it.
type Median struct {
	Step   domain.Step
	Days   float64
	Shown  bool
	People Count
}

// MedianGroup is a group's medians.
type MedianGroup struct {
	Group   string
	Medians []Median
}

// TrendMonth is how many people reached each step in one month.
type TrendMonth struct {
	Month domain.Month
	Steps []StepCount
}

// Model is what a view of a period's report publishes, every count
// already suppressed. Withheld means every count is hidden.
type Model struct {
	Period      Period
	View        View
	Withheld    bool
	Overlapping bool
	Funnel      []FunnelGroup
	Medians     []MedianGroup
	Trends      []TrendMonth
	Fairness    []FairnessDimension
	// Employers is the per-employer table, in the platform's report only.
	Employers []EmployerRow
}

// Model returns what view v shows of the report.
func (s *Suppressed) Model(v View) (Model, error) {
	if err := s.check(v); err != nil {
		return Model{}, err
	}
	m := Model{Period: s.period, View: v, Withheld: s.result.Withheld()}
	if v.Programme != "" {
		id := groupID{domain.Programme, v.Programme}
		m.Funnel = []FunnelGroup{s.funnel(id)}
		m.Medians = []MedianGroup{s.medians(id)}
		m.Trends = s.trendsOf(id)
		return m, nil
	}
	ids := []groupID{total}
	if v.GroupBy != "" {
		m.Overlapping = !v.GroupBy.Additive()
		for _, g := range s.groups[v.GroupBy] {
			ids = append(ids, groupID{v.GroupBy, g})
		}
	}
	for _, id := range ids {
		m.Funnel = append(m.Funnel, s.funnel(id))
		m.Medians = append(m.Medians, s.medians(id))
	}
	m.Trends = s.trendsOf(total)
	m.Fairness = s.fairness()
	if s.employers != nil {
		m.Employers = s.employerRows()
	}
	return m, nil
}

// check refuses a view the report cannot show.
func (s *Suppressed) check(v View) error {
	switch {
	case v.GroupBy != "" && !s.period.shows(v.GroupBy):
		return fmt.Errorf("%w: the report of %s has no dimension %q", ErrBadView, s.period.Scope, v.GroupBy)
	case v.Programme != "" && s.period.Platform():
		return fmt.Errorf("%w: the platform's report has no programme view", ErrBadView)
	case v.Programme != "" && v.GroupBy != "":
		return fmt.Errorf("%w: a programme's report is not split by a dimension", ErrBadView)
	}
	return nil
}

// count returns what the report publishes of a cell.
func count(res *domain.Result, id domain.CellID) Count {
	if v, ok := res.Count(id); ok {
		return Count{Status: domain.Shown, Value: v}
	}
	return Count{Status: res.Status(id)}
}

// absent is what the report publishes of a count it does not hold (a
// programme nobody in the period counts in): zero, so fewer than five.
func (s *Suppressed) absent() Count {
	if s.result.Withheld() {
		return Count{Status: domain.Withheld}
	}
	return Count{Status: domain.FewerThanFive}
}
