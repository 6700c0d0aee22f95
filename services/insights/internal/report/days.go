package report

import "github.com/onward-jobs/onward/services/insights/internal/domain"

// dayID names the day histogram of one group and measure, over the range.
type dayID struct {
	group   groupID
	measure domain.Measure
}

// histograms merges the period's day histograms over its months, by
// group and measure. Their people are those of the cohort cell of the
// same group and measure, which decides whether a median may be shown.
func histograms(p Period, days map[domain.DayMark]int) map[dayID]*domain.DayHistogram {
	out := map[dayID]*domain.DayHistogram{}
	for mark, n := range days {
		k := mark.Key
		if n <= 0 || k.View != domain.Cohort || !p.holds(k) {
			continue
		}
		id := dayID{groupID{k.Dimension, k.Group}, k.Measure}
		h := out[id]
		if h == nil {
			h = &domain.DayHistogram{}
			out[id] = h
		}
		h.AddN(mark.Days, n)
	}
	return out
}

// median returns a group's median days to a step and true when it may be
// published: only when the cohort cell counting the same people is shown
// and at least five people stand behind it.
func (s *Suppressed) median(id groupID, st domain.Step) (float64, bool) {
	cells, ok := s.cohort[id]
	if !ok || cells[st] == noCell {
		return 0, false
	}
	h := s.days[dayID{id, domain.MeasureOf(st)}]
	if h == nil {
		return 0, false
	}
	return h.PublishedMedian(s.result, cells[st])
}
