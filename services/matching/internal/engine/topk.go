package engine

// ranked is one scored slot waiting for its place in a top-k.
type ranked struct {
	key  rankKey
	slot uint32
}

// topK keeps the k best of what it is offered, by the order of
// CompareEntries, in a heap with the worst on top. idOf resolves a slot's
// id for the last tie-break, which only equal 64-bit hashes reach.
type topK struct {
	k     int
	items []ranked
	idOf  func(uint32) string
}

// better reports whether a ranks before b.
func (t *topK) better(a, b *ranked) bool {
	if a.key.full != b.key.full {
		return a.key.full
	}
	if a.key.score != b.key.score {
		return a.key.score > b.key.score
	}
	if a.key.hash != b.key.hash {
		return a.key.hash < b.key.hash
	}
	return t.idOf(a.slot) < t.idOf(b.slot)
}

// wouldEnter reports whether an item with this match and score could enter
// without knowing its hash: cheap, so callers skip hashing most losers.
func (t *topK) wouldEnter(full bool, score int) bool {
	if len(t.items) < t.k {
		return true
	}
	w := &t.items[0].key
	if full != w.full {
		return full
	}
	return score >= w.score
}

// fullOfFull reports whether the top-k holds k full matches, so that no
// near match can enter.
func (t *topK) fullOfFull() bool {
	return t.k > 0 && len(t.items) >= t.k && t.items[0].key.full
}

// offer adds r if it ranks among the k best so far.
func (t *topK) offer(r ranked) {
	if t.k <= 0 {
		return
	}
	if len(t.items) < t.k {
		t.items = append(t.items, r)
		t.up(len(t.items) - 1)
		return
	}
	if !t.better(&r, &t.items[0]) {
		return
	}
	t.items[0] = r
	t.down(0)
}

func (t *topK) up(i int) {
	for i > 0 {
		p := (i - 1) / 2
		if !t.better(&t.items[p], &t.items[i]) {
			return
		}
		t.items[p], t.items[i] = t.items[i], t.items[p]
		i = p
	}
}

func (t *topK) down(i int) {
	n := len(t.items)
	for {
		worst := i
		l, r := 2*i+1, 2*i+2
		if l < n && t.better(&t.items[worst], &t.items[l]) {
			worst = l
		}
		if r < n && t.better(&t.items[worst], &t.items[r]) {
			worst = r
		}
		if worst == i {
			return
		}
		t.items[i], t.items[worst] = t.items[worst], t.items[i]
		i = worst
	}
}

// sorted empties the heap into buf (grown as needed), best first.
func (t *topK) sorted(buf []ranked) []ranked {
	out := buf[:0]
	if cap(out) < len(t.items) {
		out = make([]ranked, len(t.items))
	}
	out = out[:len(t.items)]
	for i := len(out) - 1; i >= 0; i-- {
		out[i] = t.items[0]
		last := len(t.items) - 1
		t.items[0] = t.items[last]
		t.items = t.items[:last]
		t.down(0)
	}
	return out
}
