package engine

import "math"

// kmPerDegree is the length of one degree of latitude under distanceKm.
const kmPerDegree = earthRadiusKm * math.Pi / 180

// reachClasses are the upper bounds, in km, of the reach classes of the
// candidate grid. Each class has its own cells, as wide as its bound, so a
// query visits about nine cells per class whatever the reaches; a reach
// above the last bound goes to the wide list that every query scans.
var reachClasses = [...]float32{8, 16, 32, 64, 128, 256, 512}

// cellsPerBound is how many cells of a class span its bound: cells half
// as wide as the bound cover the circle a query must search far more
// closely than cells as wide as it, for a few more map lookups.
const cellsPerBound = 2

// classCell is the height and width in degrees of the cells of class c.
func classCell(c int) (dLat, dLon float64) {
	return cellSize(reachClasses[c] / cellsPerBound)
}

// lonStretch widens cells in longitude, because a degree of longitude is
// shorter than one of latitude at European latitudes.
const lonStretch = 1.5

// gridEntry is one place a candidate would work from, with how far they
// may go; slot carries the mode in its top bit (set for day release).
type gridEntry struct {
	slot     uint32
	lat, lon float32
	reach    float32
	// The entry applies on a start day from ≤ start ≤ until (the mode's
	// window from hotCols); bloom is the candidate's skill bloom (hotCols).
	from, until Day
	bloom       uint64
}

const modeBit = 1 << 31

// cellKey packs a class, a row and a column.
func cellKey(class, row, col int32) uint64 {
	return uint64(class)<<40 | uint64(uint32(row+1<<19)&(1<<20-1))<<20 | uint64(uint32(col+1<<19)&(1<<20-1))
}

// cellSize is the height and width in degrees of the cells of a class.
func cellSize(bound float32) (dLat, dLon float64) {
	dLat = float64(bound) / kmPerDegree
	return dLat, dLat * lonStretch
}

// cellOf is the row and column of a position in cells of the given size.
func cellOf(lat, lon float32, dLat, dLon float64) (row, col int32) {
	r := math.Floor(float64(lat) / dLat)
	c := math.Floor(float64(lon) / dLon)
	return int32(max(min(r, 1<<19-1), -(1 << 19))), int32(max(min(c, 1<<19-1), -(1 << 19)))
}

// span is the rectangle, in degrees around a site, that holds every
// position within km of it under site.distanceKm, with a margin for
// float32 rounding. pole is the highest latitude whose cosine may scale
// longitudes: the site's own for a role's site, and the highest latitude in
// reach when the grid is searched around a candidate instead.
func span(lat float32, km float32, aroundCandidate bool) (dLat, dLon float64) {
	dLat = float64(km)/kmPerDegree*1.01 + 1e-4
	top := math.Abs(float64(lat))
	if aroundCandidate {
		top += dLat
	}
	if top >= 89 {
		return dLat, 360
	}
	return dLat, dLat/math.Cos(top*math.Pi/180) + 1e-4
}

// cellRange is the rows and columns of cells of the given size that
// overlap the rectangle of half-sizes hLat, hLon around a point.
func cellRange(lat, lon float32, hLat, hLon, dLat, dLon float64) (r0, r1, c0, c1 int32) {
	r0, c0 = cellOf(float32(float64(lat)-hLat), float32(float64(lon)-hLon), dLat, dLon)
	r1, c1 = cellOf(float32(float64(lat)+hLat), float32(float64(lon)+hLon), dLat, dLon)
	// float32 rounding of the corners could lose a cell; widen by one.
	return r0 - 1, r1 + 1, c0 - 1, c1 + 1
}

// candGrid indexes the places candidates would work from by reach class.
type candGrid struct {
	cells map[uint64][]gridEntry
	wide  []gridEntry
}

func newCandGrid() *candGrid { return &candGrid{cells: make(map[uint64][]gridEntry)} }

// classOf is the reach class of a reach, or len(reachClasses) for wide.
func classOf(reach float32) int {
	for i, b := range reachClasses {
		if reach <= b {
			return i
		}
	}
	return len(reachClasses)
}

// keyOf is the cell of an entry, or ok false for the wide list.
func keyOf(e gridEntry) (uint64, bool) {
	c := classOf(e.reach)
	if c == len(reachClasses) {
		return 0, false
	}
	dLat, dLon := classCell(c)
	row, col := cellOf(e.lat, e.lon, dLat, dLon)
	return cellKey(int32(c), row, col), true
}

func (g *candGrid) add(e gridEntry) {
	if k, ok := keyOf(e); ok {
		g.cells[k] = appendEntry(g.cells[k], e)
		return
	}
	g.wide = appendEntry(g.wide, e)
}

// appendEntry appends e, growing a full list by an eighth rather than
// append's doubling: the lists hold most of the index, and slack in them
// is memory every candidate pays for.
func appendEntry(list []gridEntry, e gridEntry) []gridEntry {
	if len(list) == cap(list) {
		grown := make([]gridEntry, len(list), len(list)+len(list)/8+4)
		copy(grown, list)
		list = grown
	}
	return append(list, e)
}

// remove drops the entry e (found by slot and mode) from its cell.
func (g *candGrid) remove(e gridEntry) {
	k, ok := keyOf(e)
	list := g.wide
	if ok {
		list = g.cells[k]
	}
	for i := range list {
		if list[i].slot == e.slot {
			last := len(list) - 1
			list[i] = list[last]
			list = list[:last]
			break
		}
	}
	switch {
	case !ok:
		g.wide = list
	case len(list) == 0:
		delete(g.cells, k)
	default:
		g.cells[k] = list
	}
}

// visit calls fn with every cell's entries that could lie within reach of
// the site: for each class, the cells overlapping the rectangle of the
// class bound around the site; and the wide list.
func (g *candGrid) visit(at site, fn func([]gridEntry)) {
	for c, bound := range reachClasses {
		dLat, dLon := classCell(c)
		hLat, hLon := span(at.lat, bound, false)
		r0, r1, c0, c1 := cellRange(at.lat, at.lon, hLat, hLon, dLat, dLon)
		if int(r1-r0+1)*int(c1-c0+1) > 4*len(g.cells) {
			g.visitAllOfClass(int32(c), fn)
			continue
		}
		prune := hLon < 180 && math.Abs(float64(at.lat)) < 80
		for r := r0; r <= r1; r++ {
			for col := c0; col <= c1; col++ {
				if prune && cellBeyond(at, r, col, dLat, dLon, bound) {
					continue
				}
				if list, ok := g.cells[cellKey(int32(c), r, col)]; ok {
					fn(list)
				}
			}
		}
	}
	if len(g.wide) > 0 {
		fn(g.wide)
	}
}

// cellBeyond reports whether every position of the cell (row, col) lies
// more than bound km from the site under site.distanceKm: the rectangle's
// nearest point, measured the way distanceKm measures (longitudes scaled
// by the site's cosine), with a margin far above float32 rounding. Cells
// it keeps may still be far; cells it drops never hold an entry in reach.
func cellBeyond(at site, row, col int32, dLat, dLon float64, bound float32) bool {
	lat, lon := float64(at.lat), float64(at.lon)
	lat0, lon0 := float64(row)*dLat, float64(col)*dLon
	dy := max(0, lat0-lat, lat-(lat0+dLat))
	dx := max(0, lon0-lon, lon-(lon0+dLon)) * float64(at.cos) * (1 - 1e-3)
	km := math.Sqrt(dx*dx+dy*dy) * kmPerDegree
	return km > float64(bound)*1.01+0.5
}

// visitAllOfClass calls fn with every cell of one class, for a query whose
// rectangle has more cells than the grid holds.
func (g *candGrid) visitAllOfClass(class int32, fn func([]gridEntry)) {
	for k, list := range g.cells {
		if int32(k>>40) == class {
			fn(list)
		}
	}
}
