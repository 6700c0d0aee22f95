package domain

import (
	"errors"
	"fmt"
	"maps"
	"slices"
)

// MaxDays is the longest time a DayHistogram tells apart; longer times
// count as MaxDays. It matches the longest report range, ten years.
const MaxDays = 3660

// ErrNegativeCount means a subtraction would leave a day with fewer than
// no people: the histograms do not belong together.
var ErrNegativeCount = errors.New("count below zero")

// DayCount is the number of people who took a given number of days.
type DayCount struct {
	// Days is the whole number of days, 0 to MaxDays.
	Days int
	// People is how many took that long.
	People int
}

// DayHistogram counts people by whole days from their registration to a
// milestone (the first shortlist, the first request to meet, the hire).
// It is what the read model keeps per month and group instead of the
// people themselves. Histograms add up, so months merge into a range.
// They subtract, so what erased candidates contributed can be kept apart
// as an anonymous histogram (the incremental counts minus a rebuild from
// the candidates that remain), naming no one, and a correction can take a
// count back out. The zero value is an empty histogram.
type DayHistogram struct {
	people map[int]int
	total  int
}

// HistogramOf rebuilds a histogram from its buckets, as stored.
func HistogramOf(buckets []DayCount) (DayHistogram, error) {
	var h DayHistogram
	for _, b := range buckets {
		if b.People < 0 {
			return DayHistogram{}, fmt.Errorf("%w: %d people at %d days", ErrNegativeCount, b.People, b.Days)
		}
		h.AddN(b.Days, b.People)
	}
	return h, nil
}

// Add counts one person who took days. A negative time (clocks that
// disagree) counts as 0 days, a time beyond MaxDays as MaxDays.
func (h *DayHistogram) Add(days int) { h.AddN(days, 1) }

// AddN counts people who each took days; see Add.
func (h *DayHistogram) AddN(days, people int) {
	if people == 0 {
		return
	}
	if h.people == nil {
		h.people = map[int]int{}
	}
	days = min(max(days, 0), MaxDays)
	h.people[days] += people
	h.total += people
	if h.people[days] == 0 {
		delete(h.people, days)
	}
}

// Merge adds every count of o to h, as months add up to a range.
func (h *DayHistogram) Merge(o DayHistogram) {
	for d, n := range o.people {
		h.AddN(d, n)
	}
}

// Subtract takes every count of o out of h. It changes nothing and
// returns an error wrapping ErrNegativeCount when o holds someone h does
// not.
func (h *DayHistogram) Subtract(o DayHistogram) error {
	for d, n := range o.people {
		if h.people[d] < n {
			return fmt.Errorf("%w: %d people at %d days, %d to take out", ErrNegativeCount, h.people[d], d, n)
		}
	}
	for d, n := range o.people {
		h.AddN(d, -n)
	}
	return nil
}

// Total returns the number of people counted.
func (h DayHistogram) Total() int { return h.total }

// Buckets returns the counts by day, fewest days first, for storage.
func (h DayHistogram) Buckets() []DayCount {
	out := make([]DayCount, 0, len(h.people))
	for _, d := range slices.Sorted(maps.Keys(h.people)) {
		out = append(out, DayCount{Days: d, People: h.people[d]})
	}
	return out
}

// Median returns the median number of days (the mean of the two middle
// people when their number is even) and true, or false when fewer than
// MinCount people stand behind it: a median of so few would describe
// identifiable people.
func (h DayHistogram) Median() (float64, bool) {
	if h.total < MinCount {
		return 0, false
	}
	lower, upper := (h.total-1)/2, h.total/2 // positions, counted from 0
	var lo, seen int
	for _, b := range h.Buckets() {
		if seen <= lower && lower < seen+b.People {
			lo = b.Days
		}
		if seen <= upper && upper < seen+b.People {
			return float64(lo+b.Days) / 2, true
		}
		seen += b.People
	}
	return 0, false // unreachable: the buckets hold total people
}

// PublishedMedian returns the median when it may be published: only when
// the report cell counting the same people is shown, and at least
// MinCount people stand behind it.
func (h DayHistogram) PublishedMedian(res *Result, people CellID) (float64, bool) {
	if !res.Derivable(people) {
		return 0, false
	}
	return h.Median()
}
