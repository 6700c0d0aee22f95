package domain

import "slices"

// attacker is an exact reader of a published report. It knows only what
// the report shows: the shown counts, the sums, 0..4 for a cell shown as
// fewer than 5, 5 or more for a cell not shown, and that every count is a
// non-negative integer. It searches the integer solutions exhaustively
// (with interval pruning) for a second value of each suppressed cell.
//
// Counts not shown are capped at limit, which makes the attacker's world
// smaller than the real one; a cell it cannot pin is therefore safe.
type attacker struct {
	report *Report
	status []Status
	cells  [][]CellID // cells[k]: sum k's total, then its parts
	member [][]membership
	lo, hi []int
}

func newAttacker(r *Report, status []Status, limit int) *attacker {
	a := &attacker{report: r, status: status, member: r.memberships()}
	for _, s := range r.sums {
		a.cells = append(a.cells, append([]CellID{s.Total}, s.Parts...))
	}
	for i, st := range status {
		lo, hi := 0, limit
		switch st {
		case Shown:
			lo, hi = r.values[i], r.values[i]
		case FewerThanFive:
			hi = MinCount - 1
		case NotShown:
			lo = MinCount
		}
		a.lo, a.hi = append(a.lo, lo), append(a.hi, hi)
	}
	return a
}

// pinned returns the suppressed cells that have a single feasible value.
func (a *attacker) pinned() []CellID {
	var out []CellID
	for c, st := range a.status {
		if st != Shown && !a.hasSecondValue(CellID(c)) {
			out = append(out, CellID(c))
		}
	}
	return out
}

// hasSecondValue reports whether some solution gives cell c a value other
// than its true one, searching only c's connected part of the report.
func (a *attacker) hasSecondValue(c CellID) bool {
	part := a.component(c)
	truth := a.report.values[c]
	for _, v := range a.order(c, a.lo[c], a.hi[c]) {
		if v == truth {
			continue
		}
		lo, hi := slices.Clone(a.lo), slices.Clone(a.hi)
		lo[c], hi[c] = v, v
		if a.solve(part, lo, hi) {
			return true
		}
	}
	return false
}

// solve reports whether the cells of part have values within lo..hi that
// satisfy every sum.
func (a *attacker) solve(part []CellID, lo, hi []int) bool {
	if !a.propagate(part, lo, hi) {
		return false
	}
	branch, width := CellID(-1), 0
	for _, x := range part {
		if w := hi[x] - lo[x]; w > 0 && (branch < 0 || w < width) {
			branch, width = x, w
		}
	}
	if branch < 0 {
		return true // every cell fixed and every sum holds
	}
	for _, v := range a.order(branch, lo[branch], hi[branch]) {
		l, h := slices.Clone(lo), slices.Clone(hi)
		l[branch], h[branch] = v, v
		if a.solve(part, l, h) {
			return true
		}
	}
	return false
}

// order lists lo..hi nearest the true value first: it finds solutions
// sooner and changes nothing of what is feasible.
func (a *attacker) order(c CellID, lo, hi int) []int {
	vs := make([]int, 0, hi-lo+1)
	for v := lo; v <= hi; v++ {
		vs = append(vs, v)
	}
	t := a.report.values[c]
	slices.SortStableFunc(vs, func(x, y int) int { return abs(x-t) - abs(y-t) })
	return vs
}

// propagate narrows lo..hi over every sum of part until nothing changes,
// and returns false when some cell has no value left.
func (a *attacker) propagate(part []CellID, lo, hi []int) bool {
	sums := map[int]bool{}
	for _, x := range part {
		for _, m := range a.member[x] {
			sums[m.sum] = true
		}
	}
	for changed := true; changed; {
		changed = false
		for k := range sums {
			t, parts := a.cells[k][0], a.cells[k][1:]
			sumLo, sumHi := 0, 0
			for _, p := range parts {
				sumLo, sumHi = sumLo+lo[p], sumHi+hi[p]
			}
			changed = narrow(lo, hi, t, sumLo, sumHi) || changed
			for _, p := range parts {
				changed = narrow(lo, hi, p, lo[t]-(sumHi-hi[p]), hi[t]-(sumLo-lo[p])) || changed
			}
			for _, x := range a.cells[k] {
				if lo[x] > hi[x] {
					return false
				}
			}
		}
	}
	return true
}

func narrow(lo, hi []int, x CellID, l, h int) bool {
	changed := false
	if l > lo[x] {
		lo[x], changed = l, true
	}
	if h < hi[x] {
		hi[x], changed = h, true
	}
	return changed
}

// component returns the cells tied to c through sums, c included.
func (a *attacker) component(c CellID) []CellID {
	seen := map[CellID]bool{c: true}
	out := []CellID{c}
	for i := 0; i < len(out); i++ {
		for _, m := range a.member[out[i]] {
			for _, y := range a.cells[m.sum] {
				if !seen[y] {
					seen[y] = true
					out = append(out, y)
				}
			}
		}
	}
	return out
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
