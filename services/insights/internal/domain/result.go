package domain

import "strconv"

// Status says how a report shows a cell.
type Status int

// How a cell is shown.
const (
	// Shown means the count is published as it is.
	Shown Status = iota
	// FewerThanFive means the count is below MinCount (primary
	// suppression); a reader knows it lies in 0..4.
	FewerThanFive
	// NotShown means the count is at least MinCount but hidden so that a
	// total cannot reveal a count below MinCount (complementary
	// suppression); a reader knows it is 5 or more.
	NotShown
	// Withheld means the engine could not prove the report safe and hid
	// every count of it. It says nothing about the count.
	Withheld
)

// Labels of suppressed cells, in the report's default language; pages
// translate them by Status.
const (
	// LabelFewerThanFive stands for a count below MinCount.
	LabelFewerThanFive = "fewer than 5"
	// LabelNotShown stands for a count hidden as a complement.
	LabelNotShown = "not shown"
	// LabelWithheld stands for every count of a withheld report.
	LabelWithheld = "withheld"
)

// String returns the status's stable name, as used in JSON.
func (s Status) String() string {
	switch s {
	case Shown:
		return "shown"
	case FewerThanFive:
		return "fewer_than_5"
	case NotShown:
		return "not_shown"
	default:
		return "withheld"
	}
}

// Result is a report after suppression: what may be published of each
// cell, and what may be derived from them.
type Result struct {
	values   []int
	status   []Status
	withheld bool
}

// Status returns how the report shows a cell.
func (r *Result) Status(id CellID) Status { return r.status[id] }

// Count returns a cell's count and true when it is shown, or 0 and false
// when it is suppressed.
func (r *Result) Count(id CellID) (int, bool) {
	if r.status[id] != Shown {
		return 0, false
	}
	return r.values[id], true
}

// Label returns what a page or a CSV prints for a cell: the count, or the
// label of its suppression.
func (r *Result) Label(id CellID) string {
	switch r.status[id] {
	case Shown:
		return strconv.Itoa(r.values[id])
	case FewerThanFive:
		return LabelFewerThanFive
	case NotShown:
		return LabelNotShown
	default:
		return LabelWithheld
	}
}

// Derivable reports whether a figure derived from the given cells (a
// rate, a share, a median over the people they count) may be published:
// only when every one of them is shown. Ask before publishing anything
// computed from counts.
func (r *Result) Derivable(ids ...CellID) bool {
	for _, id := range ids {
		if r.status[id] != Shown {
			return false
		}
	}
	return true
}

// Rate returns num over den and true when both are shown and den is not
// zero; otherwise the rate is withheld.
func (r *Result) Rate(num, den CellID) (Rate, bool) {
	if !r.Derivable(num, den) || r.values[den] == 0 {
		return Rate{}, false
	}
	return Rate{Num: r.values[num], Den: r.values[den]}, true
}

// Withheld reports whether the engine withheld the whole report.
func (r *Result) Withheld() bool { return r.withheld }

// Tally returns how many cells are shown, below five, and hidden as
// complements.
func (r *Result) Tally() (shown, fewer, hidden int) {
	for _, s := range r.status {
		switch s {
		case Shown:
			shown++
		case FewerThanFive:
			fewer++
		default:
			hidden++
		}
	}
	return shown, fewer, hidden
}
