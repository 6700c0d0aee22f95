package domain

import (
	"cmp"
	"math"
)

// cheapestComplements returns the shown cells whose hiding gives cell c a
// witness at the least cost (the sum of their counts) the search finds
// within its budget: in a table, typically the other three corners of the
// smallest rectangle. It returns nil when it finds none.
func cheapestComplements(w *witnessSearch, c CellID) []CellID {
	w.hiding, w.best, w.bestCost = true, nil, math.MaxInt
	defer func() { w.hiding = false }()
	for _, s := range []int{+1, -1} {
		if !w.canMove(c, s) {
			continue
		}
		w.budget = witnessBudget
		w.apply(c, s)
		w.balance()
		w.undo()
	}
	var shown []CellID
	for _, x := range w.best {
		if w.status[x] == Shown {
			shown = append(shown, x)
		}
	}
	return shown
}

// chooseComplement returns the shown cell to hide for unproven cell c: the
// smallest count in the sums c is in, a part before a total; failing that,
// the same in the sums reached through their suppressed cells, nearest
// first. It returns false when no shown cell is reachable.
func chooseComplement(w *witnessSearch, c CellID) (CellID, bool) {
	seen := map[CellID]bool{c: true}
	frontier := []CellID{c}
	for len(frontier) > 0 {
		best, found, bestTotal := CellID(0), false, false
		var next []CellID
		for _, f := range frontier {
			for _, m := range w.member[f] {
				for _, y := range w.cells[m.sum] {
					isTotal := y == w.sums[m.sum].Total
					if w.status[y] == Shown {
						if !found || lessComplement(w.values[y], isTotal, y, w.values[best], bestTotal, best) {
							best, found, bestTotal = y, true, isTotal
						}
					} else if !seen[y] {
						seen[y] = true
						next = append(next, y)
					}
				}
			}
		}
		if found {
			return best, true
		}
		frontier = next
	}
	return 0, false
}

// lessComplement orders candidate complements: smaller count first, then
// a part before a total, then the lower id so the choice is stable.
func lessComplement(v int, total bool, id CellID, bv int, btotal bool, bid CellID) bool {
	if c := cmp.Compare(v, bv); c != 0 {
		return c < 0
	}
	if total != btotal {
		return !total
	}
	return id < bid
}
