package domain

import (
	"errors"
	"fmt"
)

// Measure is what a cell counts: a funnel step (the same numbers as
// Step, so working_30 counts people working at day 30), or one of the
// other two retention states, counted apart so that a funder's report
// never rounds an unknown up to working. The base of a retention step is
// the sum of its three states.
type Measure int

// The retention states other than working, as measures after the steps.
const (
	// NotWorking30 counts hires that ended before day 30 or were said not
	// to be working at day 30; likewise NotWorking90 and NotWorking180.
	NotWorking30 Measure = Measure(StepCount) + iota
	NotWorking90
	NotWorking180
	// Unknown30 counts hires whose day 30 has come with nobody answering
	// and no end recorded; likewise Unknown90 and Unknown180.
	Unknown30
	Unknown90
	Unknown180
)

// MeasureCount is the number of measures.
const MeasureCount = int(Unknown180) + 1

// ErrUnknownMeasure means a measure name is not one of the cells'.
var ErrUnknownMeasure = errors.New("unknown measure")

var otherMeasureNames = [...]string{"not_working_30", "not_working_90", "not_working_180",
	"unknown_30", "unknown_90", "unknown_180"}

// MeasureOf returns the measure counting people who reached s.
func MeasureOf(s Step) Measure { return Measure(s) }

// Step returns the funnel step m counts and true, or false for the
// retention states other than working.
func (m Measure) Step() (Step, bool) { return Step(m), m >= 0 && int(m) < StepCount }

// Valid reports whether m is one of the measures.
func (m Measure) Valid() bool { return m >= 0 && int(m) < MeasureCount }

// String returns the measure's stable name, as used in keys.
func (m Measure) String() string {
	switch {
	case !m.Valid():
		return fmt.Sprintf("measure(%d)", int(m))
	case int(m) < StepCount:
		return Step(m).String()
	default:
		return otherMeasureNames[int(m)-StepCount]
	}
}

// ParseMeasure returns the measure with the given stable name.
func ParseMeasure(name string) (Measure, error) {
	for m := Measure(0); m.Valid(); m++ {
		if m.String() == name {
			return m, nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownMeasure, name)
}

// RetentionDays are the days after a placement's start at which
// retention is measured.
var RetentionDays = [3]int{30, 90, 180}

// Retention is the state of a hire at one of the RetentionDays.
type Retention int

// The states of a hire at day N.
const (
	// NotDue: day N has not come yet, so the hire is not in the base.
	NotDue Retention = iota
	// Working: not ended before day N, at least one side answered
	// "still working" for day N and neither side said otherwise.
	Working
	// NotWorking: ended before day N, or either side answered "not
	// working" for day N.
	NotWorking
	// RetentionUnknown: day N has come, no end before it, no answer.
	RetentionUnknown
)

var retentionNames = [...]string{"not_due", "working", "not_working", "unknown"}

// String returns the state's name.
func (r Retention) String() string { return retentionNames[r] }

// measure returns the measure counting a hire in state r at the i-th of
// the RetentionDays, and false for NotDue.
func (r Retention) measure(i int) (Measure, bool) {
	switch r {
	case Working:
		return MeasureOf(Working30) + Measure(i), true
	case NotWorking:
		return NotWorking30 + Measure(i), true
	case RetentionUnknown:
		return Unknown30 + Measure(i), true
	}
	return 0, false
}
