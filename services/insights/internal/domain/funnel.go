package domain

import (
	"errors"
	"fmt"
)

// Step is a stage of the funnel a candidate goes through, from
// registration to still working 180 days after a hire. Steps are nested:
// everyone counted at a step was counted at every earlier step of the same
// period and group, so no step is the sum of others.
type Step int

// The funnel, in order.
const (
	// Registered counts candidates a programme organisation registered.
	Registered Step = iota
	// Consenting counts candidates who consented to matching.
	Consenting
	// Shortlisted counts candidates on at least one shortlist.
	Shortlisted
	// Asked counts candidates an employer asked to meet.
	Asked
	// Accepted counts candidates who accepted a request to meet.
	Accepted
	// Met counts candidates who met an employer.
	Met
	// Hired counts candidates who were hired.
	Hired
	// Working30 counts hired candidates still working after 30 days.
	Working30
	// Working90 counts hired candidates still working after 90 days.
	Working90
	// Working180 counts hired candidates still working after 180 days.
	Working180
)

// StepCount is the number of steps in the funnel.
const StepCount = int(Working180) + 1

var stepNames = [StepCount]string{"registered", "consenting", "shortlisted", "asked",
	"accepted", "met", "hired", "working_30", "working_90", "working_180"}

// ErrUnknownStep means a step name is not one of the funnel's.
var ErrUnknownStep = errors.New("unknown funnel step")

// Steps returns every step of the funnel in order.
func Steps() []Step {
	steps := make([]Step, StepCount)
	for i := range steps {
		steps[i] = Step(i)
	}
	return steps
}

// Valid reports whether s is one of the funnel's steps.
func (s Step) Valid() bool { return s >= Registered && s <= Working180 }

// String returns the step's stable name, as used in JSON and CSV.
func (s Step) String() string {
	if !s.Valid() {
		return fmt.Sprintf("step(%d)", int(s))
	}
	return stepNames[s]
}

// ParseStep returns the step with the given stable name.
func ParseStep(name string) (Step, error) {
	for i, n := range stepNames {
		if n == name {
			return Step(i), nil
		}
	}
	return 0, fmt.Errorf("%w: %q", ErrUnknownStep, name)
}

// Funnel names the report cell that holds each step's count for one group
// and period, so conversions can be asked of a suppression Result.
type Funnel [StepCount]CellID

// Conversion is the rate from one step to the next.
type Conversion struct {
	// From is the earlier step and To the one after it.
	From, To Step
	// Rate is To's count over From's count; meaningful only when Shown.
	Rate Rate
	// Shown is false when either count is suppressed or From's count is
	// zero: a rate derived from a hidden count is hidden too.
	Shown bool
}

// Conversions returns the rate between each pair of consecutive steps,
// withholding every rate whose counts the Result does not show.
func (f Funnel) Conversions(res *Result) []Conversion {
	out := make([]Conversion, 0, StepCount-1)
	for s := Registered; s < Working180; s++ {
		rate, ok := res.Rate(f[s+1], f[s])
		out = append(out, Conversion{From: s, To: s + 1, Rate: rate, Shown: ok})
	}
	return out
}
