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
// group with trends, reached a step in it (the activity view). Rows of
// another month, and dimensions the report does not show, are left out.
// A platform's cells over years are hundreds of thousands; gathered in
// rows, each row costs one lookup.
func tallyOf(p Period, cells map[domain.Dimension][]domain.CellRow) *tally {
	t := &tally{period: p, groups: map[groupID]*groupCounts{}}
	t.group(total)
	for d, rows := range cells {
		if d != domain.All && !p.shows(d) {
			continue
		}
		for i := range rows {
			r := &rows[i]
			if r.Month < p.From || r.Month > p.To {
				continue
			}
			g := groupID{d, r.Group}
			if (r.View == domain.Activity && !p.trended(g)) || (r.View != domain.Cohort && r.View != domain.Activity) || r.N == ([domain.MeasureCount]int{}) {
				continue
			}
			row := t.groups[g]
			if row == nil {
				row = t.group(g)
			}
			if r.View == domain.Cohort {
				for m, n := range r.N {
					row.cohort[m] += n
				}
				continue
			}
			month := &row.months[r.Month-p.From]
			for s := range domain.StepCount {
				month[s] += r.N[s]
			}
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
