package report

import (
	"fmt"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// addSums declares every exact sum a reader of the report knows:
//   - the groups of an additive dimension add up to the total, and a
//     country's regions to the country, measure by measure
//     (domain.Key.Totals);
//   - the people registered in the range, in the cohort view of a group,
//     are the sum over the months of those registered in each month, in
//     the activity view of the same group, wherever the report holds both
//     (a person registers once, in their registration month).
//
// Steps are nested, not added, so no sum ties them; and the months of
// the activity view add up to no published count but registrations.
func (s *Suppressed) addSums() error {
	for _, sum := range s.groupSums() {
		totalCells, ok := s.cohort[sum.total]
		if !ok {
			return fmt.Errorf("%w: %s %q has parts but no total %s %q", domain.ErrBadReport,
				sum.parts[0].dim, sum.parts[0].group, sum.total.dim, sum.total.group)
		}
		for _, m := range measuresOf(sum.total.dim) {
			parts := make([]domain.CellID, 0, len(sum.parts))
			for _, p := range sum.parts {
				parts = append(parts, s.cohort[p][m])
			}
			s.report.Sum(totalCells[m], parts...)
		}
	}
	registered := domain.MeasureOf(domain.Registered)
	for _, id := range s.trendGroups() {
		months := make([]domain.CellID, 0, len(s.trends[id]))
		for _, cells := range s.trends[id] {
			months = append(months, cells[domain.Registered])
		}
		s.report.Sum(s.cohort[id][registered], months...)
	}
	return nil
}

// groupSum is a group that is the sum of other groups, measure by measure.
type groupSum struct {
	total groupID
	parts []groupID
}

// groupSums returns the sums between groups, in a stable order: for each
// additive dimension, the total over its groups, and for regions, each
// country over its regions.
func (s *Suppressed) groupSums() []groupSum {
	var out []groupSum
	for _, d := range s.period.Dimensions() {
		if !d.Additive() {
			continue
		}
		index := map[groupID]int{}
		for _, g := range s.groups[d] {
			key := domain.Key{Dimension: d, Group: g}
			for _, t := range key.Totals() {
				tid := groupID{t.Dimension, t.Group}
				i, ok := index[tid]
				if !ok {
					i = len(out)
					index[tid] = i
					out = append(out, groupSum{total: tid})
				}
				out[i].parts = append(out[i].parts, groupID{d, g})
			}
		}
	}
	return out
}
