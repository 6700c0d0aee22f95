package mongo

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// keysFormat is the first byte of a candidate's contributions as
// encodeContributions writes them.
const keysFormat = 1

// errBadKeys means stored contributions cannot be read back.
var errBadKeys = errors.New("bad stored contributions")

// prefix is what the keys of one group in the encoding share.
type prefix struct {
	scope string
	view  domain.View
	month domain.Month
}

// encodeContributions renders a candidate's contributions compactly: a
// table of the distinct strings their keys name (scopes, views,
// dimensions, groups and measures, by name, so a renumbered measure reads
// back the same), then the cells, the day-histogram entries and the
// employer counts, each grouped by scope, view and month, each key as
// indexes into the table (and a day-histogram entry's days as a number).
// A candidate's few hundred keys share a few dozen strings and a few
// months, so this is smaller than the compressed addresses it replaces
// (an example of 377 keys: about 1,900 bytes compressed, 1,550 here) and far
// cheaper to write and read.
func encodeContributions(c domain.Contributions) []byte {
	e := keyEncoder{index: map[string]uint64{}}
	var body []byte
	for i, table := range []map[prefix][]domain.DayMark{groupKeys(c.Cells), groupMarks(c.Days), groupKeys(c.Employers)} {
		body = binary.AppendUvarint(body, uint64(len(table)))
		for p, marks := range table {
			body = e.str(body, p.scope)
			body = e.str(body, string(p.view))
			body = binary.AppendVarint(body, int64(p.month))
			body = binary.AppendUvarint(body, uint64(len(marks)))
			for _, m := range marks {
				body = e.str(body, string(m.Key.Dimension))
				body = e.str(body, m.Key.Group)
				body = e.str(body, m.Key.Measure.String())
				if i == 1 {
					body = binary.AppendUvarint(body, uint64(m.Days))
				}
			}
		}
	}
	out := []byte{keysFormat}
	out = binary.AppendUvarint(out, uint64(len(e.strings)))
	for _, s := range e.strings {
		out = binary.AppendUvarint(out, uint64(len(s)))
		out = append(out, s...)
	}
	return append(out, body...)
}

func groupKeys(keys map[domain.Key]struct{}) map[prefix][]domain.DayMark {
	out := map[prefix][]domain.DayMark{}
	for k := range keys {
		p := prefix{k.Scope, k.View, k.Month}
		out[p] = append(out[p], domain.DayMark{Key: k})
	}
	return out
}

func groupMarks(marks map[domain.DayMark]struct{}) map[prefix][]domain.DayMark {
	out := map[prefix][]domain.DayMark{}
	for m := range marks {
		p := prefix{m.Key.Scope, m.Key.View, m.Key.Month}
		out[p] = append(out[p], m)
	}
	return out
}

// keyEncoder numbers the strings of the keys it writes.
type keyEncoder struct {
	index   map[string]uint64
	strings []string
}

func (e *keyEncoder) str(b []byte, s string) []byte {
	i, ok := e.index[s]
	if !ok {
		i = uint64(len(e.strings))
		e.index[s] = i
		e.strings = append(e.strings, s)
	}
	return binary.AppendUvarint(b, i)
}

// decodeContributions reads what encodeContributions wrote, checking
// every key as ParseKey would.
func decodeContributions(b []byte) (domain.Contributions, error) {
	if len(b) == 0 || b[0] != keysFormat {
		return domain.NoContributions(), fmt.Errorf("%w: unknown format", errBadKeys)
	}
	d := keyDecoder{b: b[1:], measures: map[string]domain.Measure{}}
	for n := d.uvarint(); n > 0 && d.err == nil; n-- {
		d.strings = append(d.strings, d.bytes())
	}
	out := domain.NoContributions()
	for table := range 3 {
		for groups := d.uvarint(); groups > 0 && d.err == nil; groups-- {
			p := prefix{scope: d.str(), view: domain.View(d.str()), month: domain.Month(d.varint())}
			for n := d.uvarint(); n > 0 && d.err == nil; n-- {
				k := d.key(p)
				switch table {
				case 0:
					out.Cells[k] = struct{}{}
				case 1:
					out.Days[domain.DayMark{Key: k, Days: int(d.uvarint())}] = struct{}{}
				default:
					out.Employers[k] = struct{}{}
				}
			}
		}
	}
	if d.err == nil && len(d.b) != 0 {
		d.fail(fmt.Sprintf("%d bytes left over", len(d.b)))
	}
	if d.err != nil {
		return domain.NoContributions(), d.err
	}
	return out, nil
}

// keyDecoder reads encoded contributions; its first error stops it.
type keyDecoder struct {
	b        []byte
	strings  []string
	measures map[string]domain.Measure
	err      error
}

func (d *keyDecoder) fail(what string) {
	if d.err == nil {
		d.err = fmt.Errorf("%w: %s", errBadKeys, what)
	}
	d.b = nil
}

func (d *keyDecoder) uvarint() uint64 { return number(d, binary.Uvarint) }

func (d *keyDecoder) varint() int64 { return number(d, binary.Varint) }

// number reads one number with read (binary.Uvarint or binary.Varint).
func number[T uint64 | int64](d *keyDecoder, read func([]byte) (T, int)) T {
	v, n := read(d.b)
	if n <= 0 {
		d.fail("truncated number")
		return 0
	}
	d.b = d.b[n:]
	return v
}

func (d *keyDecoder) bytes() string {
	n := d.uvarint()
	if n > uint64(len(d.b)) {
		d.fail("truncated string")
		return ""
	}
	s := string(d.b[:n])
	d.b = d.b[n:]
	return s
}

func (d *keyDecoder) str() string {
	i := d.uvarint()
	if i >= uint64(len(d.strings)) {
		d.fail("string index out of range")
		return ""
	}
	return d.strings[i]
}

// key reads the rest of a key of group p.
func (d *keyDecoder) key(p prefix) domain.Key {
	k := domain.Key{Scope: p.scope, View: p.view, Month: p.month, Dimension: domain.Dimension(d.str()), Group: d.str()}
	name := d.str()
	if d.err != nil {
		return domain.Key{}
	}
	m, ok := d.measures[name]
	if !ok {
		var err error
		if m, err = domain.ParseMeasure(name); err != nil {
			d.fail(err.Error())
			return domain.Key{}
		}
		d.measures[name] = m
	}
	k.Measure = m
	if (k.View != domain.Cohort && k.View != domain.Activity) || !k.Dimension.Valid() || k.Scope == "" || k.Group == "" {
		d.fail(fmt.Sprintf("key %s", k))
	}
	return k
}
