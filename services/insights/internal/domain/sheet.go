package domain

import "slices"

// Sheet is the counts of one scope and range of months in the form a
// report reads them: the cells gathered into one row per dimension,
// view, month and group (its counts by measure), and the day marks into
// one histogram per cohort cell. A platform's counts over five years are
// millions of day marks and hundreds of thousands of cells; as rows they
// are read without a map lookup per count. Counts, not Sheet, is what
// folds, diffs and rebuilds use.
type Sheet struct {
	// Scope, From and To are what the sheet covers, both months included.
	Scope    string
	From, To Month
	// Cells holds the rows of the cells by dimension.
	Cells map[Dimension][]CellRow
	// Days holds the day histograms by dimension.
	Days map[Dimension][]DayRow
	// Employers holds the rows of the per-employer table (dimension
	// Employer).
	Employers []CellRow
}

// CellRow is one group's counts in one view and month, by measure. A
// measure it does not count is 0.
type CellRow struct {
	View  View
	Month Month
	Group string
	N     [MeasureCount]int
}

// DayRow is the day histogram of one cell: its buckets by raw day, fewest
// days first, none of them 0 people.
type DayRow struct {
	View    View
	Month   Month
	Group   string
	Measure Measure
	Buckets []DayCount
}

// Keys returns how many counts the sheet holds, as Counts would count
// its keys.
func (s Sheet) Keys() int {
	n := 0
	rows := func(rs []CellRow) {
		for _, r := range rs {
			for _, c := range r.N {
				if c != 0 {
					n++
				}
			}
		}
	}
	for _, rs := range s.Cells {
		rows(rs)
	}
	for _, rs := range s.Days {
		for _, r := range rs {
			n += len(r.Buckets)
		}
	}
	rows(s.Employers)
	return n
}

// rowKey names a CellRow while a sheet is gathered.
type rowKey struct {
	dim   Dimension
	view  View
	month Month
	group string
}

// SheetBuilder gathers counts into a Sheet, adding those of the same key
// (the living and the anonymous). The zero value is not ready: use
// NewSheetBuilder.
type SheetBuilder struct {
	sheet     Sheet
	cells     map[rowKey]int
	employers map[rowKey]int
	days      map[DayMark]int
}

// NewSheetBuilder returns a builder of the sheet of scope from from to
// to, both included; counts of another scope or month are left out.
func NewSheetBuilder(scope string, from, to Month) *SheetBuilder {
	return &SheetBuilder{sheet: Sheet{Scope: scope, From: from, To: to, Cells: map[Dimension][]CellRow{}, Days: map[Dimension][]DayRow{}},
		cells: map[rowKey]int{}, employers: map[rowKey]int{}, days: map[DayMark]int{}}
}

// in reports whether k belongs to the sheet.
func (b *SheetBuilder) in(k Key) bool {
	return k.Scope == b.sheet.Scope && k.Month >= b.sheet.From && k.Month <= b.sheet.To && k.Measure.Valid()
}

// AddCell adds n to the cell k.
func (b *SheetBuilder) AddCell(k Key, n int) {
	if b.in(k) {
		b.sheet.Cells[k.Dimension] = addToRow(b.sheet.Cells[k.Dimension], b.cells, k, n)
	}
}

// AddEmployer adds n to the per-employer cell k.
func (b *SheetBuilder) AddEmployer(k Key, n int) {
	if b.in(k) && k.Dimension == Employer {
		b.sheet.Employers = addToRow(b.sheet.Employers, b.employers, k, n)
	}
}

// addToRow adds n to k's measure in its row of rows, found by index.
func addToRow(rows []CellRow, index map[rowKey]int, k Key, n int) []CellRow {
	rk := rowKey{k.Dimension, k.View, k.Month, k.Group}
	i, ok := index[rk]
	if !ok {
		i = len(rows)
		index[rk] = i
		rows = append(rows, CellRow{View: k.View, Month: k.Month, Group: k.Group})
	}
	rows[i].N[k.Measure] += n
	return rows
}

// AddDays adds n people to the day mark m.
func (b *SheetBuilder) AddDays(m DayMark, n int) {
	if b.in(m.Key) {
		b.days[m] += n
	}
}

// Sheet returns the gathered sheet, its rows in no particular order; the
// builder must not be used after.
func (b *SheetBuilder) Sheet() Sheet {
	byCell := map[Key][]DayCount{}
	for m, n := range b.days {
		if n != 0 {
			byCell[m.Key] = append(byCell[m.Key], DayCount{Days: m.Days, People: n})
		}
	}
	for k, buckets := range byCell {
		slices.SortFunc(buckets, func(a, b DayCount) int { return a.Days - b.Days })
		b.sheet.Days[k.Dimension] = append(b.sheet.Days[k.Dimension],
			DayRow{View: k.View, Month: k.Month, Group: k.Group, Measure: k.Measure, Buckets: buckets})
	}
	return b.sheet
}

// SheetOf returns the sheet of c's counts of scope from from to to.
func SheetOf(c Counts, scope string, from, to Month) Sheet {
	b := NewSheetBuilder(scope, from, to)
	for k, n := range c.Cells {
		b.AddCell(k, n)
	}
	for m, n := range c.Days {
		b.AddDays(m, n)
	}
	for k, n := range c.Employers {
		b.AddEmployer(k, n)
	}
	return b.Sheet()
}

// Counts returns the sheet's counts as Counts, leaving out those of 0:
// for checks that a sheet holds what it should.
func (s Sheet) Counts() Counts {
	out := NewCounts()
	rows := func(into map[Key]int, d Dimension, rs []CellRow) {
		for _, r := range rs {
			for m, n := range r.N {
				if n != 0 {
					into[Key{Scope: s.Scope, View: r.View, Month: r.Month, Dimension: d, Group: r.Group, Measure: Measure(m)}] += n
				}
			}
		}
	}
	for d, rs := range s.Cells {
		rows(out.Cells, d, rs)
	}
	for d, rs := range s.Days {
		for _, r := range rs {
			for _, b := range r.Buckets {
				out.Days[DayMark{Key: Key{Scope: s.Scope, View: r.View, Month: r.Month, Dimension: d, Group: r.Group, Measure: r.Measure}, Days: b.Days}] += b.People
			}
		}
	}
	rows(out.Employers, Employer, s.Employers)
	return out
}
