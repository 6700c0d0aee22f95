package domain

import "maps"

// Delta is what to add to the stored counts: +1 or -1 per key of each
// table (larger numbers once deltas are summed). A key absent from a map
// changes nothing; a Delta never holds a zero.
type Delta struct {
	// Cells, Days and Employers change the tables of the same names in
	// Contributions.
	Cells     map[Key]int
	Days      map[DayMark]int
	Employers map[Key]int
}

// Diff returns the increments and decrements that turn the counts
// holding old into the counts holding next: +1 for what next adds and
// old did not, -1 for what old added and next does not. Absorbing a
// redelivered or late event computes the same contributions again, so
// the Diff is empty and nothing changes; a changed dimension value moves
// the candidate from the old group to the new one.
func Diff(old, next Contributions) Delta {
	return Delta{
		Cells:     diffSets(old.Cells, next.Cells),
		Days:      diffSets(old.Days, next.Days),
		Employers: diffSets(old.Employers, next.Employers),
	}
}

// Erase returns what erasing a candidate does to the counts: fromCells
// takes the candidate's current contributions out of the living counts,
// and toAnonymous adds the same to the anonymous totals, under the same
// keys, so that living plus anonymous is unchanged and names no one. A
// rebuild recomputes the living counts from the candidates that remain
// and carries the anonymous totals over.
func Erase(current Contributions) (fromCells, toAnonymous Delta) {
	return Diff(current, NoContributions()), Diff(NoContributions(), current)
}

// Empty reports whether d changes nothing.
func (d Delta) Empty() bool { return len(d.Cells)+len(d.Days)+len(d.Employers) == 0 }

// Add adds e to d, dropping keys that come to zero, as deltas applied
// one after another add up.
func (d *Delta) Add(e Delta) {
	d.Cells = addCounts(d.Cells, e.Cells)
	d.Days = addCounts(d.Days, e.Days)
	d.Employers = addCounts(d.Employers, e.Employers)
}

// diffSets returns +1 for each key of next not in old and -1 for each key
// of old not in next.
func diffSets[K comparable](old, next map[K]struct{}) map[K]int {
	out := map[K]int{}
	for k := range next {
		if _, ok := old[k]; !ok {
			out[k] = 1
		}
	}
	for k := range old {
		if _, ok := next[k]; !ok {
			out[k] = -1
		}
	}
	return out
}

// addCounts adds add to into, dropping zeros, and returns into (a new
// map when into was nil).
func addCounts[K comparable](into, add map[K]int) map[K]int {
	if into == nil {
		into = make(map[K]int, len(add))
	}
	for k, n := range add {
		into[k] += n
		if into[k] == 0 {
			delete(into, k)
		}
	}
	return into
}

// Counts returns c as a Delta of +1 per key: what c adds to empty counts.
func (c Contributions) Counts() Delta { return Diff(NoContributions(), c) }

// Equal reports whether c and o add to the same keys.
func (c Contributions) Equal(o Contributions) bool {
	return maps.Equal(c.Cells, o.Cells) && maps.Equal(c.Employers, o.Employers) && maps.Equal(c.Days, o.Days)
}
