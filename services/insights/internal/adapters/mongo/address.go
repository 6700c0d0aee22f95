package mongo

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// A count lives in one document per table, scope, view and month (and,
// for the day histograms, dimension), under a field naming the rest of
// its key: FerretDB finds a document quickly only by its whole _id, so
// every hot read and write names one. The tables' document ids start
// with their letter.
const (
	cellsTable     = "c"
	daysTable      = "d"
	employersTable = "e"
)

// address is where one count lives: the document's _id and the field
// within its map n.
type address struct{ doc, field string }

var (
	fieldEscaper   = strings.NewReplacer("%", "%25", ".", "%2E", "$", "%24")
	fieldUnescaper = strings.NewReplacer("%2E", ".", "%24", "$", "%25", "%")
)

// keyParts splits a key's stable form into its six parts; the scope and
// the group are escaped by domain.Key.String, so neither holds a "|".
func keyParts(k domain.Key) []string { return strings.SplitN(k.String(), "|", 6) }

// cellAddress is where a cell (table cellsTable) or a per-employer count
// (employersTable) lives: the document of scope|view|month, the field
// dimension|group|measure with "." and "$" escaped (a region group holds
// a dot).
func cellAddress(table string, k domain.Key) address {
	return cellAddresses.get(tableKey{table, k})
}

// tableKey is a key in one of the tables.
type tableKey struct {
	table string
	key   domain.Key
}

var (
	cellAddresses = newMemo(func(t tableKey) address { return renderCellAddress(t.table, t.key) })
	dayAddresses  = newMemo(renderDayAddress)
)

func renderCellAddress(table string, k domain.Key) address {
	p := keyParts(k)
	return address{doc: table + ":" + strings.Join(p[:3], "|"), field: fieldEscaper.Replace(strings.Join(p[3:], "|"))}
}

// dayAddress is where a day histogram's entry lives: the document of
// scope|view|month|dimension, the field group|measure|days. A histogram
// document per dimension stays small however many days it tells apart.
func dayAddress(m domain.DayMark) address { return dayAddresses.get(m) }

func renderDayAddress(m domain.DayMark) address {
	p := keyParts(m.Key)
	return address{doc: daysTable + ":" + strings.Join(p[:4], "|"),
		field: fieldEscaper.Replace(p[4] + "|" + p[5] + "|" + strconv.Itoa(m.Days))}
}

// docIDs returns the ids of the documents of one scope and month: the
// cells of both views, the day histograms of each dimension, and, for the
// platform, the per-employer counts.
func docIDs(scope string, m domain.Month) []string {
	k := domain.Key{Scope: scope, Month: m, Group: domain.AllGroup, Measure: domain.MeasureOf(domain.Registered)}
	var out []string
	for _, v := range []domain.View{domain.Cohort, domain.Activity} {
		k.View, k.Dimension = v, domain.All
		out = append(out, cellAddress(cellsTable, k).doc)
	}
	k.View = domain.Cohort
	for _, d := range domain.Dimensions() {
		k.Dimension = d
		out = append(out, dayAddress(domain.DayMark{Key: k}).doc)
	}
	if scope == domain.PlatformScope {
		k.View, k.Dimension = domain.Activity, domain.Employer
		out = append(out, cellAddress(employersTable, k).doc)
	}
	return out
}

// countSink receives the counts read back from their documents:
// *countsSink gathers domain.Counts, *domain.SheetBuilder a sheet.
type countSink interface {
	AddCell(k domain.Key, n int)
	AddEmployer(k domain.Key, n int)
	AddDays(m domain.DayMark, n int)
}

// countsSink gathers counts read back into domain.Counts.
type countsSink struct{ c *domain.Counts }

func (s countsSink) AddCell(k domain.Key, n int)     { s.c.Cells[k] += n }
func (s countsSink) AddEmployer(k domain.Key, n int) { s.c.Employers[k] += n }
func (s countsSink) AddDays(m domain.DayMark, n int) { s.c.Days[m] += n }

// addCount adds n to the count at doc and field in c, reading the key
// back from its address.
func addCount(c countSink, doc, field string, n int) error {
	table, prefix, ok := strings.Cut(doc, ":")
	if !ok {
		return fmt.Errorf("%w: document %q", domain.ErrBadKey, doc)
	}
	rest := fieldUnescaper.Replace(field)
	switch table {
	case cellsTable, employersTable:
		k, err := domain.ParseKey(prefix + "|" + rest)
		if err != nil {
			return err
		}
		if table == employersTable {
			c.AddEmployer(k, n)
		} else {
			c.AddCell(k, n)
		}
	case daysTable:
		i := strings.LastIndexByte(rest, '|')
		days, err := strconv.Atoi(rest[i+1:])
		if i < 0 || err != nil {
			return fmt.Errorf("%w: day field %q", domain.ErrBadKey, rest)
		}
		k, err := domain.ParseKey(prefix + "|" + rest[:i])
		if err != nil {
			return err
		}
		c.AddDays(domain.DayMark{Key: k, Days: days}, n)
	default:
		return fmt.Errorf("%w: document %q", domain.ErrBadKey, doc)
	}
	return nil
}

// increments groups a delta by document: doc → field → amount.
type increments map[string]map[string]int

// add adds d to inc.
func (inc increments) add(d domain.Delta) {
	put := func(a address, n int) {
		if inc[a.doc] == nil {
			inc[a.doc] = map[string]int{}
		}
		inc[a.doc][a.field] += n
		if inc[a.doc][a.field] == 0 {
			delete(inc[a.doc], a.field)
		}
	}
	for k, n := range d.Cells {
		put(cellAddress(cellsTable, k), n)
	}
	for k, n := range d.Days {
		put(dayAddress(k), n)
	}
	for k, n := range d.Employers {
		put(cellAddress(employersTable, k), n)
	}
}

// contributionAddresses lists the addresses a candidate's contributions
// add 1 to, grouped by document, as the progress document keeps them.
func contributionAddresses(c domain.Contributions) map[string][]string {
	out := map[string][]string{}
	put := func(a address) { out[a.doc] = append(out[a.doc], a.field) }
	for k := range c.Cells {
		put(cellAddress(cellsTable, k))
	}
	for k := range c.Days {
		put(dayAddress(k))
	}
	for k := range c.Employers {
		put(cellAddress(employersTable, k))
	}
	return out
}

// contributionsAt reads contributions back from their addresses.
func contributionsAt(byDoc map[string][]string) (domain.Contributions, error) {
	counts := domain.NewCounts()
	for doc, fields := range byDoc {
		for _, f := range fields {
			if err := addCount(countsSink{&counts}, doc, f, 1); err != nil {
				return domain.Contributions{}, err
			}
		}
	}
	out := domain.NoContributions()
	for k := range counts.Cells {
		out.Cells[k] = struct{}{}
	}
	for k := range counts.Days {
		out.Days[k] = struct{}{}
	}
	for k := range counts.Employers {
		out.Employers[k] = struct{}{}
	}
	return out, nil
}
