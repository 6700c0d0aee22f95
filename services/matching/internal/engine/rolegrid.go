package engine

// roleCellKm is the size of the cells of the role grid.
const roleCellKm = 16

// roleEntry is one role with a site.
type roleEntry struct {
	slot     uint32
	lat, lon float32
}

// roleGrid indexes the sites of open roles; remote roles are kept apart.
type roleGrid struct {
	cells  map[uint64][]roleEntry
	remote []uint32
}

func newRoleGrid() *roleGrid { return &roleGrid{cells: make(map[uint64][]roleEntry)} }

func roleCellOf(lat, lon float32) uint64 {
	dLat, dLon := cellSize(roleCellKm)
	row, col := cellOf(lat, lon, dLat, dLon)
	return cellKey(0, row, col)
}

func (g *roleGrid) add(slot uint32, r *compiledRole) {
	if r.remote {
		g.remote = append(g.remote, slot)
		return
	}
	k := roleCellOf(r.site.lat, r.site.lon)
	g.cells[k] = append(g.cells[k], roleEntry{slot, r.site.lat, r.site.lon})
}

func (g *roleGrid) remove(slot uint32, r *compiledRole) {
	if r.remote {
		for i, s := range g.remote {
			if s == slot {
				g.remote[i] = g.remote[len(g.remote)-1]
				g.remote = g.remote[:len(g.remote)-1]
				return
			}
		}
		return
	}
	k := roleCellOf(r.site.lat, r.site.lon)
	list := g.cells[k]
	for i := range list {
		if list[i].slot == slot {
			list[i] = list[len(list)-1]
			list = list[:len(list)-1]
			break
		}
	}
	if len(list) == 0 {
		delete(g.cells, k)
	} else {
		g.cells[k] = list
	}
}

// visit calls fn with every role whose site could lie within km of at.
func (g *roleGrid) visit(at point32, km float32, fn func(roleEntry)) {
	dLat, dLon := cellSize(roleCellKm)
	hLat, hLon := span(at.lat, km, true)
	r0, r1, c0, c1 := cellRange(at.lat, at.lon, hLat, hLon, dLat, dLon)
	if int(r1-r0+1)*int(c1-c0+1) > 2*len(g.cells) {
		for _, list := range g.cells {
			for _, e := range list {
				fn(e)
			}
		}
		return
	}
	for r := r0; r <= r1; r++ {
		for c := c0; c <= c1; c++ {
			for _, e := range g.cells[cellKey(0, r, c)] {
				fn(e)
			}
		}
	}
}
