package domain

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// View is one of the two ways to read a period (docs/insights.md).
type View string

// The views.
const (
	// Cohort counts, under the month a person registered, how far they
	// have got by now.
	Cohort View = "cohort"
	// Activity counts, under each calendar month, who reached a step in
	// that month.
	Activity View = "activity"
)

// Month is a calendar month in UTC, counted from year 0.
type Month int32

// MonthOf returns the month of t in UTC.
func MonthOf(t time.Time) Month {
	y, m, _ := t.UTC().Date()
	return Month(y*12 + int(m) - 1)
}

// String returns the month as "2006-01".
func (m Month) String() string { return fmt.Sprintf("%04d-%02d", int(m)/12, int(m)%12+1) }

// ParseMonth reads a month written as "2006-01".
func ParseMonth(s string) (Month, error) {
	t, err := time.Parse("2006-01", s)
	if err != nil {
		return 0, fmt.Errorf("%w: month %q", ErrBadKey, s)
	}
	return MonthOf(t), nil
}

// PlatformScope is the scope of the cells that count every organisation's
// candidates together, for platform admins.
const PlatformScope = "*"

// Key names one cell of the read model: what a candidate adds 1 to. A
// count is kept per Scope (each programme organisation, for its own
// report and its observers, and PlatformScope for all together), View,
// Month, Dimension, Group and Measure.
type Key struct {
	// Scope is the candidate's organisation id or PlatformScope.
	Scope string
	// View is Cohort or Activity.
	View View
	// Month is the registration month (Cohort) or the month the measure
	// was reached (Activity).
	Month Month
	// Dimension is what the groups tell apart; All for the total.
	Dimension Dimension
	// Group is the dimension's value; AllGroup for the total.
	Group string
	// Measure is the step or retention state counted.
	Measure Measure
}

// ErrBadKey means a key's stored form cannot be read.
var ErrBadKey = errors.New("bad cell key")

var (
	keyEscaper   = strings.NewReplacer("%", "%25", "|", "%7C")
	keyUnescaper = strings.NewReplacer("%7C", "|", "%25", "%")
)

// String returns the key's stable form, used as a document id:
// scope|view|month|dimension|group|measure, for example
// "org-7|cohort|2025-03|setting|released|hired". A "|" or "%" in the
// scope or group is written %7C or %25. The scope and view lead, so one
// organisation's cells of a view and a range of months are one range of
// ids.
func (k Key) String() string {
	return strings.Join([]string{keyEscaper.Replace(k.Scope), string(k.View), k.Month.String(),
		string(k.Dimension), keyEscaper.Replace(k.Group), k.Measure.String()}, "|")
}

// ParseKey reads a key from its stable form.
func ParseKey(s string) (Key, error) {
	parts := strings.Split(s, "|")
	if len(parts) != 6 {
		return Key{}, fmt.Errorf("%w: %q", ErrBadKey, s)
	}
	month, err := ParseMonth(parts[2])
	if err != nil {
		return Key{}, err
	}
	measure, err := ParseMeasure(parts[5])
	if err != nil {
		return Key{}, fmt.Errorf("%w: %w", ErrBadKey, err)
	}
	k := Key{Scope: keyUnescaper.Replace(parts[0]), View: View(parts[1]), Month: month,
		Dimension: Dimension(parts[3]), Group: keyUnescaper.Replace(parts[4]), Measure: measure}
	if (k.View != Cohort && k.View != Activity) || !k.Dimension.Valid() || k.Scope == "" || k.Group == "" {
		return Key{}, fmt.Errorf("%w: %q", ErrBadKey, s)
	}
	return k, nil
}
