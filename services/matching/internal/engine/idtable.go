package engine

// idTable maps candidate ids to slots: open addressing with linear
// probing over a power-of-two array of slot+1 (0 is empty), 8 bytes per
// candidate at most instead of a map's 40. The ids themselves live in the
// records; eq compares one.
type idTable struct {
	cells []uint32
	n     int
}

func (t *idTable) mask() uint64 { return uint64(len(t.cells) - 1) }

// find returns the slot of the id with hash h, if eq accepts one.
func (t *idTable) find(h uint64, eq func(slot uint32) bool) (uint32, bool) {
	if t.n == 0 {
		return 0, false
	}
	for i := h & t.mask(); ; i = (i + 1) & t.mask() {
		c := t.cells[i]
		if c == 0 {
			return 0, false
		}
		if eq(c - 1) {
			return c - 1, true
		}
	}
}

// insert adds slot under hash h; the id must not be present. hashOf
// rehashes slots when the table grows.
func (t *idTable) insert(h uint64, slot uint32, hashOf func(uint32) uint64) {
	if 2*(t.n+1) > len(t.cells) {
		old := t.cells
		t.cells = make([]uint32, max(16, 2*len(old)))
		t.n = 0
		for _, c := range old {
			if c != 0 {
				t.place(hashOf(c-1), c-1)
			}
		}
	}
	t.place(h, slot)
}

func (t *idTable) place(h uint64, slot uint32) {
	i := h & t.mask()
	for t.cells[i] != 0 {
		i = (i + 1) & t.mask()
	}
	t.cells[i] = slot + 1
	t.n++
}

// remove deletes slot (stored under hash h) and shifts later entries of
// its probe run back, so no tombstones accumulate.
func (t *idTable) remove(h uint64, slot uint32, hashOf func(uint32) uint64) {
	m := t.mask()
	i := h & m
	for t.cells[i] != slot+1 {
		i = (i + 1) & m
	}
	t.cells[i] = 0
	t.n--
	for j := (i + 1) & m; t.cells[j] != 0; j = (j + 1) & m {
		home := hashOf(t.cells[j]-1) & m
		// Move the entry at j to the hole at i if its home is not in (i, j].
		if (j > i && (home <= i || home > j)) || (j < i && home <= i && home > j) {
			t.cells[i], t.cells[j] = t.cells[j], 0
			i = j
		}
	}
}
