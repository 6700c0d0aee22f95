package report

import "github.com/onward-jobs/onward/services/insights/internal/domain"

// tally is the period's counts gathered by group: the cohort view summed
// over the range, and the activity view month by month for the groups the
// report shows trends of.
type tally struct {
	period Period
	groups map[groupID]*groupCounts
}

// groupCounts is one group's counts in a tally.
type groupCounts struct {
	cohort [domain.MeasureCount]int
	months [][domain.StepCount]int // nil unless the group has trends
}

// tallyOf gathers the period's cells. A group is in the report when
// someone in it registered in the period (the cohort view), or, for a
// group with trends, reached a step in it (the activity view). Keys of
// another scope or month, and dimensions the report does not show, are
// left out. A platform's cells over years are hundreds of thousands, so
// each costs one lookup.
func tallyOf(p Period, cells map[domain.Key]int) *tally {
	t := &tally{period: p, groups: map[groupID]*groupCounts{}}
	t.group(total)
	for k, n := range cells {
		if n == 0 || !p.holds(k) {
			continue
		}
		g := groupID{k.Dimension, k.Group}
		trended := p.trended(g)
		if (k.View == domain.Activity && !trended) || (k.View != domain.Cohort && k.View != domain.Activity) ||
			(k.Dimension != domain.All && !p.shows(k.Dimension)) {
			continue
		}
		row := t.groups[g]
		if row == nil {
			row = t.group(g)
		}
		if k.View == domain.Cohort {
			row.cohort[k.Measure] += n
		} else if s, ok := k.Measure.Step(); ok {
			row.months[k.Month-p.From][s] += n
		}
	}
	return t
}

// group adds a group to the tally, with its months when it has trends.
func (t *tally) group(g groupID) *groupCounts {
	row := &groupCounts{}
	if t.period.trended(g) {
		row.months = make([][domain.StepCount]int, t.period.Months())
	}
	t.groups[g] = row
	return row
}

// groupsByDimension returns every group of each dimension, sorted.
func (t *tally) groupsByDimension() map[domain.Dimension][]string {
	out := map[domain.Dimension][]string{}
	for g := range t.groups {
		out[g.dim] = append(out[g.dim], g.group)
	}
	for _, gs := range out {
		sortGroups(gs)
	}
	return out
}
