package domain

import (
	"errors"
	"fmt"
)

// MinCount is the smallest count a report may show. Every count below it,
// zero included, is shown as "fewer than 5".
const MinCount = 5

// CellID names one published count of a Report.
type CellID int

// Sum is an additive constraint a reader knows: the total cell equals the
// sum of the part cells. The "all" row of a column and the sum of its
// groups (including "not known"), a country and its regions, a range and
// its months are sums. Steps of the funnel are nested, not added, so no
// Sum ties them.
type Sum struct {
	// Total is the cell that equals the sum.
	Total CellID
	// Parts are the cells that add up to Total, each once.
	Parts []CellID
}

// Report is the set of counts a report will publish and the sums that tie
// them together. A count that appears in two places of a report (say the
// grand total of a funnel step, in both the group table and the region
// table) must be one cell, or it could be shown in one place and hidden in
// the other.
type Report struct {
	names  []string
	values []int
	sums   []Sum
}

// ErrBadReport means a report is inconsistent: a negative count, a cell
// that does not exist, a cell twice in one sum, or a sum that does not
// add up. It is a bug in the code that built the report.
var ErrBadReport = errors.New("inconsistent report")

// NewReport returns an empty report.
func NewReport() *Report { return &Report{} }

// Cell adds a count to the report and returns its id. The name is for
// error messages and tests only.
func (r *Report) Cell(name string, count int) CellID {
	r.names = append(r.names, name)
	r.values = append(r.values, count)
	return CellID(len(r.values) - 1)
}

// Sum records that total equals the sum of parts.
func (r *Report) Sum(total CellID, parts ...CellID) {
	r.sums = append(r.sums, Sum{Total: total, Parts: append([]CellID(nil), parts...)})
}

// Len returns the number of cells.
func (r *Report) Len() int { return len(r.values) }

// Value returns a cell's true count. Only the engine and tests read it;
// a page reads the Result.
func (r *Report) Value(id CellID) int { return r.values[id] }

// Name returns a cell's name.
func (r *Report) Name(id CellID) string { return r.names[id] }

// Sums returns the report's sums. The caller must not change them.
func (r *Report) Sums() []Sum { return r.sums }

// Check returns an error wrapping ErrBadReport unless every count is
// non-negative and every sum holds.
func (r *Report) Check() error {
	for i, v := range r.values {
		if v < 0 {
			return fmt.Errorf("%w: cell %s is %d", ErrBadReport, r.names[i], v)
		}
	}
	for _, s := range r.sums {
		seen := map[CellID]bool{}
		total := 0
		for _, id := range append([]CellID{s.Total}, s.Parts...) {
			if id < 0 || int(id) >= len(r.values) {
				return fmt.Errorf("%w: no cell %d", ErrBadReport, id)
			}
			if seen[id] {
				return fmt.Errorf("%w: cell %s twice in one sum", ErrBadReport, r.names[id])
			}
			seen[id] = true
		}
		for _, p := range s.Parts {
			total += r.values[p]
		}
		if total != r.values[s.Total] {
			return fmt.Errorf("%w: %s is %d but its parts add up to %d",
				ErrBadReport, r.names[s.Total], r.values[s.Total], total)
		}
	}
	return nil
}

// membership says that a cell takes part in a sum, as its total or as a
// part.
type membership struct {
	sum   int
	total bool
}

// memberships lists, for each cell, the sums it takes part in.
func (r *Report) memberships() [][]membership {
	m := make([][]membership, len(r.values))
	for k, s := range r.sums {
		m[s.Total] = append(m[s.Total], membership{sum: k, total: true})
		for _, p := range s.Parts {
			m[p] = append(m[p], membership{sum: k})
		}
	}
	return m
}
