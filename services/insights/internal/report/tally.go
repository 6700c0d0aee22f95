package report

import "github.com/onward-jobs/onward/services/insights/internal/domain"

// tally is the period's counts gathered by group: the cohort view summed
// over the range, and the activity view month by month for the groups the
// report shows trends of.
type tally struct {
	period Period
	cohort map[groupID]*[domain.MeasureCount]int
	trends map[groupID][][domain.StepCount]int
}

// tallyOf gathers the period's cells. A group is in the report when
// someone in it registered in the period (the cohort view), or, for a
// group with trends, reached a step in it (the activity view). Keys of
// another scope or month, and dimensions the report does not show, are
// left out.
func tallyOf(p Period, cells map[domain.Key]int) *tally {
	t := &tally{period: p, cohort: map[groupID]*[domain.MeasureCount]int{}, trends: map[groupID][][domain.StepCount]int{}}
	t.cohort[total] = new([domain.MeasureCount]int)
	for k, n := range cells {
		if n == 0 || !p.holds(k) || (k.Dimension != domain.All && !p.shows(k.Dimension)) {
			continue
		}
		g := groupID{k.Dimension, k.Group}
		if k.View == domain.Activity && !p.trended(g) {
			continue
		}
		row := t.cohort[g]
		if row == nil {
			row = new([domain.MeasureCount]int)
			t.cohort[g] = row
		}
		switch k.View {
		case domain.Cohort:
			row[k.Measure] += n
		case domain.Activity:
			if s, ok := k.Measure.Step(); ok {
				t.trend(g)[k.Month-p.From][s] += n
			}
		}
	}
	for g := range t.cohort {
		if p.trended(g) {
			t.trend(g)
		}
	}
	return t
}

// trend returns the months of a group's activity view, made on first use.
func (t *tally) trend(g groupID) [][domain.StepCount]int {
	months, ok := t.trends[g]
	if !ok {
		months = make([][domain.StepCount]int, t.period.Months())
		t.trends[g] = months
	}
	return months
}

// groups returns every group of each dimension, sorted.
func (t *tally) groups() map[domain.Dimension][]string {
	out := map[domain.Dimension][]string{}
	for g := range t.cohort {
		out[g.dim] = append(out[g.dim], g.group)
	}
	for _, gs := range out {
		sortGroups(gs)
	}
	return out
}
