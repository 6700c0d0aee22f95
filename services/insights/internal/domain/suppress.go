package domain

// Suppress decides how the report shows each cell.
//
// Every count below MinCount, zero included, is shown as "fewer than 5"
// (primary suppression). Then the engine proves, for every suppressed
// cell, that a reader cannot work it out: it looks for a witness, a
// second table that agrees with everything published (the shown counts,
// the sums, 0..4 for a cell shown as fewer than 5, 5 or more for a cell
// not shown, every count a non-negative integer) and differs from the true
// table in that cell. Where it finds none, it hides more counts
// (complementary suppression), chosen to lose little: the shown cells of
// the cheapest witness it can find when shown cells may move too, cost
// being the sum of their counts (in a table, the other corners of the
// smallest rectangle; in a single sum, the smallest other cell, a part
// before a total). If that search finds nothing, it hides the smallest
// shown cell of the nearest sums. A new complement can expose another
// sum, so the engine repeats until every suppressed cell has a witness.
//
// The guarantee: in the Result, every suppressed cell has at least two
// values consistent with everything the report publishes, so a reader who
// knows the rules above cannot recover it. The witnesses move cells by one
// up or down and are searched within a budget; a failed search only adds
// complements, and if the engine ever ran out of cells to hide it would
// withhold the whole report rather than publish an unproven one.
//
// What the guarantee does not cover: inequalities the engine is not told
// of (the funnel's steps are nested, so a reader knows hired ≤ shortlisted
// per group), a reader who knows how complements are chosen, and facts
// from outside the report. Suppress returns an error wrapping ErrBadReport
// when the report's own counts are inconsistent.
func Suppress(r *Report) (*Result, error) {
	if err := r.Check(); err != nil {
		return nil, err
	}
	status := make([]Status, r.Len())
	var queue []CellID
	for i, v := range r.values {
		if v < MinCount {
			status[i] = FewerThanFive
			queue = append(queue, CellID(i))
		}
	}
	w := newWitnessSearch(r, status)
	proven := make([]bool, r.Len())
	for len(queue) > 0 {
		unproven := proveAll(w, queue, proven)
		queue = nil
		for i, c := range unproven {
			if proven[c] || (i > 0 && prove(w, c, proven)) {
				continue // a complement hidden for an earlier cell freed it
			}
			hide := cheapestComplements(w, c)
			for _, x := range w.best { // a witness once hide is hidden
				proven[x] = true
			}
			if len(hide) == 0 && w.best == nil {
				x, ok := chooseComplement(w, c)
				if !ok {
					return withheld(r), nil
				}
				hide = []CellID{x}
			}
			for _, x := range hide {
				status[x] = NotShown
			}
			queue = append(append(queue, c), hide...)
		}
	}
	return &Result{values: r.values, status: status}, nil
}

// proveAll looks for a witness of each cell not proven yet and returns
// the cells left without one.
func proveAll(w *witnessSearch, cells []CellID, proven []bool) []CellID {
	var unproven []CellID
	for _, c := range cells {
		if !proven[c] && !prove(w, c, proven) {
			unproven = append(unproven, c)
		}
	}
	return unproven
}

// prove looks for a witness of cell c and, when it finds one, marks every
// cell the witness moves as proven, since the witness serves them all.
// Hiding more never spoils a witness, so a proven cell stays proven.
func prove(w *witnessSearch, c CellID, proven []bool) bool {
	moved := w.find(c)
	for _, x := range moved {
		proven[x] = true
	}
	return moved != nil
}

// withheld returns a Result that hides every cell of the report.
func withheld(r *Report) *Result {
	status := make([]Status, r.Len())
	for i := range status {
		status[i] = Withheld
	}
	return &Result{values: r.values, status: status, withheld: true}
}
