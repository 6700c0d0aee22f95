package geo

// candidate is one index entry that matched, with what ranking needs.
type candidate struct {
	score      float64
	population int32
	place      int32 // also the tie-break: places are sorted by id
	entry      int32
	alias      bool // matched an alternative name, not Place.Name
}

// better orders candidates: match quality, then population, then id.
func (c candidate) better(d candidate) bool {
	if c.score != d.score {
		return c.score > d.score
	}
	if c.population != d.population {
		return c.population > d.population
	}
	return c.place < d.place
}

// ranker keeps the best limit candidates, one per place, sorted best first.
// A place reached by several keys (name, alias, a word inside) keeps its
// best match. With limit at most MaxSuggestLimit a sorted slice beats a
// heap, and a candidate that cannot beat the last costs one comparison.
type ranker struct {
	list  []candidate
	limit int
}

func (r *ranker) full() bool {
	return len(r.list) == r.limit
}

// offer considers c for the list.
func (r *ranker) offer(c candidate) {
	if r.full() {
		if last := r.list[len(r.list)-1]; !c.better(last) && c.place != last.place {
			return
		}
	}
	for i, have := range r.list {
		if have.place == c.place {
			// On a tie, show the place's own name: "Brussels", not
			// "Brussel", for the query "br".
			if !c.better(have) && !(c.score == have.score && have.alias && !c.alias) {
				return
			}
			r.list = append(r.list[:i], r.list[i+1:]...)
			break
		}
	}
	if r.full() {
		r.list = r.list[:len(r.list)-1]
	}
	at := len(r.list)
	for at > 0 && c.better(r.list[at-1]) {
		at--
	}
	r.list = append(r.list, candidate{})
	copy(r.list[at+1:], r.list[at:])
	r.list[at] = c
}
