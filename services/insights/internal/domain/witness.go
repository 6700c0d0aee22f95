package domain

// witnessBudget bounds the search for one cell's witness, in steps. A
// search that runs out counts as a failure, which errs toward hiding. The
// search for the cheapest complements uses it too: there a smaller budget
// is faster but hides more (on a 5,250-cell report, 2,000 steps took a
// sixth of the time and hid 40% more cells).
const witnessBudget = 20000

// witnessSearch looks for a witness: a second table that agrees with
// everything a report publishes (shown counts, sums, suppressed counts
// within their known ranges, all counts non-negative integers) and differs
// from the true table in a given cell. Such a table proves that a reader
// cannot pin the cell to one value. The search moves suppressed cells by
// +1 or -1, each at most once, and balances every sum it unbalances.
//
// When hiding is set, shown cells may move too, at the cost of their
// counts: the search then keeps the cheapest witness it finds, whose shown
// cells are the complements that would make the cell safe.
type witnessSearch struct {
	values []int
	status []Status
	sums   []Sum
	member [][]membership
	cells  [][]CellID // cells[k] is sum k's total and then its parts
	move   []int      // move[c] is -1, 0 or +1
	resid  []int      // resid[k] = move[total] - sum of move[parts]
	path   []CellID
	budget int

	hiding   bool
	cost     int      // counts of the shown cells on the path
	best     []CellID // cheapest witness found while hiding
	bestCost int
}

func newWitnessSearch(r *Report, status []Status) *witnessSearch {
	cells := make([][]CellID, len(r.sums))
	for k, s := range r.sums {
		cells[k] = append([]CellID{s.Total}, s.Parts...)
	}
	return &witnessSearch{values: r.values, status: status, sums: r.sums, member: r.memberships(),
		cells: cells, move: make([]int, len(r.values)), resid: make([]int, len(r.sums))}
}

// find returns the cells moved by a witness for cell c, c among them, or
// nil when the search finds none within its budget.
func (w *witnessSearch) find(c CellID) []CellID {
	for _, s := range []int{+1, -1} {
		if !w.canMove(c, s) {
			continue
		}
		w.budget = witnessBudget
		w.apply(c, s)
		ok := w.balance()
		moved := append([]CellID(nil), w.path...)
		for len(w.path) > 0 {
			w.undo()
		}
		if ok {
			return moved
		}
	}
	return nil
}

// canMove reports whether cell c may move by s and stay within what a
// reader knows of it.
func (w *witnessSearch) canMove(c CellID, s int) bool {
	if w.move[c] != 0 {
		return false
	}
	v := w.values[c] + s
	switch w.status[c] {
	case Shown:
		return w.hiding && v >= MinCount
	case FewerThanFive:
		return v >= 0 && v < MinCount
	case NotShown:
		return v >= MinCount
	case Withheld:
		return v >= 0
	default:
		return false
	}
}

// price is what moving cell c costs: its count if it is shown, since it
// would have to be hidden, and nothing otherwise.
func (w *witnessSearch) price(c CellID) int {
	if w.status[c] == Shown {
		return w.values[c]
	}
	return 0
}

func (w *witnessSearch) apply(c CellID, s int) {
	w.move[c] = s
	w.path = append(w.path, c)
	w.cost += w.price(c)
	for _, m := range w.member[c] {
		if m.total {
			w.resid[m.sum] += s
		} else {
			w.resid[m.sum] -= s
		}
	}
}

func (w *witnessSearch) undo() {
	c := w.path[len(w.path)-1]
	w.path = w.path[:len(w.path)-1]
	s := w.move[c]
	w.move[c] = 0
	w.cost -= w.price(c)
	for _, m := range w.member[c] {
		if m.total {
			w.resid[m.sum] -= s
		} else {
			w.resid[m.sum] += s
		}
	}
}

// balance extends the current moves until every sum holds again, trying
// first the unbalanced sum with the fewest ways out.
func (w *witnessSearch) balance() bool {
	w.budget--
	if w.budget < 0 || (w.hiding && w.cost >= w.bestCost) {
		return false
	}
	k, ways := w.tightestSum()
	if k < 0 {
		if !w.hiding {
			return true
		}
		w.best, w.bestCost = append(w.best[:0], w.path...), w.cost
		return false // look on for a cheaper one
	}
	if ways == 0 {
		return false
	}
	r := w.resid[k]
	for _, x := range w.ways(k, r) {
		w.apply(x, w.fixingMove(k, x, r))
		if w.balance() {
			return true
		}
		w.undo()
	}
	return false
}
