package report

import (
	"sync"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// dayID names the day histogram of one group and measure, over the range.
type dayID struct {
	group   groupID
	measure domain.Measure
}

// dayHistograms merges the period's day histograms over its months, one
// dimension at a time, the first time a view asks for that dimension's
// medians: a platform's day marks run into millions, and a view shows
// the medians of the total and of one dimension at most. Their people are
// those of the cohort cell of the same group and measure, which decides
// whether a median may be shown. It is safe for concurrent use.
type dayHistograms struct {
	period Period
	rows   map[domain.Dimension][]domain.DayRow
	mu     sync.Mutex
	byDim  map[domain.Dimension]map[dayID]*domain.DayHistogram
}

func newDayHistograms(p Period, rows map[domain.Dimension][]domain.DayRow) *dayHistograms {
	return &dayHistograms{period: p, rows: rows, byDim: map[domain.Dimension]map[dayID]*domain.DayHistogram{}}
}

// of returns the histograms of dimension d's groups.
func (h *dayHistograms) of(d domain.Dimension) map[dayID]*domain.DayHistogram {
	h.mu.Lock()
	defer h.mu.Unlock()
	if out, ok := h.byDim[d]; ok {
		return out
	}
	dense := map[dayID][]int{}
	for i := range h.rows[d] {
		r := &h.rows[d][i]
		if r.View != domain.Cohort || r.Month < h.period.From || r.Month > h.period.To || !r.Measure.Valid() {
			continue
		}
		id := dayID{groupID{d, r.Group}, r.Measure}
		counts := dense[id]
		for _, b := range r.Buckets {
			if b.People <= 0 {
				continue
			}
			days := min(max(b.Days, 0), domain.MaxDays)
			if days >= len(counts) {
				counts = append(counts, make([]int, days+1-len(counts))...)
			}
			counts[days] += b.People
		}
		if counts != nil {
			dense[id] = counts
		}
	}
	out := make(map[dayID]*domain.DayHistogram, len(dense))
	for id, counts := range dense {
		hist := &domain.DayHistogram{}
		for days, n := range counts {
			hist.AddN(days, n)
		}
		out[id] = hist
	}
	h.byDim[d] = out
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
	h := s.days.of(id.dim)[dayID{id, domain.MeasureOf(st)}]
	if h == nil {
		return 0, false
	}
	return h.PublishedMedian(s.result, cells[st])
}
