package domain

import (
	"cmp"
	"slices"
)

// The witness search keeps, for every sum, its imbalance: how far the
// moves made so far have put its total off the sum of its parts. The
// functions here pick which sum to repair next and how.

// tightestSum returns the unbalanced sum with the fewest cells that could
// move to reduce its imbalance, and that number; or -1 when every sum
// holds. Only sums of moved cells can be unbalanced.
func (w *witnessSearch) tightestSum() (sum, ways int) {
	sum, ways = -1, 0
	for _, c := range w.path {
		for _, m := range w.member[c] {
			r := w.resid[m.sum]
			if r == 0 {
				continue
			}
			n := 0
			for _, x := range w.cells[m.sum] {
				if w.canMove(x, w.fixingMove(m.sum, x, r)) {
					n++
				}
			}
			if sum < 0 || n < ways {
				sum, ways = m.sum, n
			}
			if n == 0 {
				return sum, 0
			}
		}
	}
	return sum, ways
}

// ways returns the cells of sum k that can move to reduce its imbalance
// r, the cheapest first.
func (w *witnessSearch) ways(k, r int) []CellID {
	var out []CellID
	for _, x := range w.cells[k] {
		if w.canMove(x, w.fixingMove(k, x, r)) {
			out = append(out, x)
		}
	}
	if w.hiding {
		total := w.sums[k].Total // at equal cost, a part before its total
		slices.SortStableFunc(out, func(a, b CellID) int {
			return cmp.Or(cmp.Compare(w.price(a), w.price(b)), cmp.Compare(boolInt(a == total), boolInt(b == total)))
		})
	}
	return out
}

// fixingMove returns the move of cell x that brings the imbalance r of
// sum k one step closer to zero.
func (w *witnessSearch) fixingMove(k int, x CellID, r int) int {
	s := 1
	if r < 0 {
		s = -1
	}
	if x == w.sums[k].Total {
		return -s
	}
	return s
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}
