package domain

// Counts is what the read model holds for one scope and range of months:
// how many people stand in each cell, each day histogram entry and each
// per-employer cell, the living and the erased (anonymous) together. A
// report is built from Counts alone, never from progress documents.
type Counts struct {
	// Cells, Days and Employers hold the counts of the tables of the same
	// names in Contributions. A key absent from a map counts zero.
	Cells     map[Key]int
	Days      map[DayMark]int
	Employers map[Key]int
}

// NewCounts returns empty counts.
func NewCounts() Counts {
	return Counts{Cells: map[Key]int{}, Days: map[DayMark]int{}, Employers: map[Key]int{}}
}

// Apply adds d to c, dropping keys that come to zero.
func (c *Counts) Apply(d Delta) {
	c.Cells = addCounts(c.Cells, d.Cells)
	c.Days = addCounts(c.Days, d.Days)
	c.Employers = addCounts(c.Employers, d.Employers)
}

// Within returns the counts of c whose scope is scope and whose month is
// from from to to, both included.
func (c Counts) Within(scope string, from, to Month) Counts {
	in := func(k Key) bool { return k.Scope == scope && k.Month >= from && k.Month <= to }
	out := NewCounts()
	for k, n := range c.Cells {
		if in(k) {
			out.Cells[k] = n
		}
	}
	for k, n := range c.Days {
		if in(k.Key) {
			out.Days[k] = n
		}
	}
	for k, n := range c.Employers {
		if in(k) {
			out.Employers[k] = n
		}
	}
	return out
}
