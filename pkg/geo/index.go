package geo

import (
	"cmp"
	"github.com/onward-jobs/onward/pkg/textkey"
	"slices"
	"sort"
	"strings"
)

// indexEntry is one searchable key: a place's normalised name or alias, or
// the tail of one from a later word on ("haag" in "den haag"), so that a
// word inside a name is found by the same prefix search as its start.
type indexEntry struct {
	key        string
	place      int32 // position in Gazetteer.places
	population int32 // copied so that ranking scans touch only this slice
	name       int16 // -1 for Place.Name, else the position in AltNames
	country    uint8 // position in Gazetteer.countries
	token      bool  // key starts at a later word of the name
}

// keySpan is an index key before the key text becomes one shared string.
type keySpan struct {
	start, end int
	entry      indexEntry
}

// buildIndex fills g.countries, g.index and g.alphabet from g.places. All
// keys are slices of one string: one allocation instead of one per key.
func (g *Gazetteer) buildIndex() {
	country := map[string]uint8{}
	for _, p := range g.places {
		country[p.Country] = 0
	}
	for code := range country {
		g.countries = append(g.countries, code)
	}
	slices.Sort(g.countries)
	for i, code := range g.countries {
		country[code] = uint8(i)
	}

	var buf []byte
	var spans []keySpan
	for i, p := range g.places {
		e := indexEntry{place: int32(i), population: int32(p.Population), country: country[p.Country]}
		first := len(spans)
		for n := -1; n < len(p.AltNames); n++ {
			name := p.Name
			if n >= 0 {
				name = p.AltNames[n]
			}
			start := len(buf)
			buf = textkey.Append(buf, name)
			if start == len(buf) || hasKey(buf, spans[first:], start) {
				buf = buf[:start] // nothing new to find this place by
				continue
			}
			e.name, e.token = int16(n), false
			spans = append(spans, keySpan{start, len(buf), e})
			for j := start; j < len(buf); j++ {
				if buf[j] == ' ' {
					e.token = true
					spans = append(spans, keySpan{j + 1, len(buf), e})
				}
			}
		}
	}

	all := string(buf)
	g.index = make([]indexEntry, len(spans))
	for i, s := range spans {
		g.index[i] = s.entry
		g.index[i].key = all[s.start:s.end]
	}
	slices.SortFunc(g.index, func(a, b indexEntry) int {
		return cmp.Or(strings.Compare(a.key, b.key), cmp.Compare(a.place, b.place), cmp.Compare(a.name, b.name))
	})
	g.alphabet = asciiAlphabet(all)
}

// hasKey reports whether the key just written at buf[start:] equals the
// whole-name key of one of the place's earlier spans ("Liege" after
// "Liège"), which would only duplicate entries.
func hasKey(buf []byte, spans []keySpan, start int) bool {
	key := buf[start:]
	for _, s := range spans {
		if !s.entry.token && string(buf[s.start:s.end]) == string(key) {
			return true
		}
	}
	return false
}

// asciiAlphabet returns the ASCII bytes of s, sorted: the only bytes worth
// trying when spelling out a typo's corrections.
func asciiAlphabet(s string) []byte {
	var seen [128]bool
	for i := 0; i < len(s); i++ {
		if s[i] < 128 {
			seen[s[i]] = true
		}
	}
	var out []byte
	for b, ok := range seen {
		if ok {
			out = append(out, byte(b))
		}
	}
	return out
}

// prefixRange returns the bounds [from, to) of the index entries within
// [lo, hi) whose keys start with prefix. Keys are sorted, so those entries
// are contiguous; narrowing lo and hi first saves comparisons.
func (g *Gazetteer) prefixRange(prefix string, lo, hi int) (int, int) {
	keys := g.index[lo:hi]
	from := sort.Search(len(keys), func(i int) bool { return keys[i].key >= prefix })
	to := from + sort.Search(len(keys)-from, func(i int) bool {
		return !strings.HasPrefix(keys[from+i].key, prefix)
	})
	return lo + from, lo + to
}

// IsPlaceName reports whether name is, as a whole, the name or an
// alternative name of a place, ignoring case, accents and punctuation as
// Suggest does: "gent", "GHENT" and "Liege" are; "Gen" and "haag" (a
// word inside "Den Haag") are not. It finds exact keys only, without
// typos, so a checker can ask it about every word of a text.
func (g *Gazetteer) IsPlaceName(name string) bool {
	var buf [64]byte
	key := string(textkey.Append(buf[:0], name))
	if key == "" {
		return false
	}
	from, to := g.prefixRange(key, 0, len(g.index))
	for i := from; i < to; i++ {
		if e := &g.index[i]; !e.token && e.key == key {
			return true
		}
	}
	return false
}
