package domain

import (
	"errors"
	"testing"
)

func TestStepsInOrder(t *testing.T) {
	want := []string{"registered", "consenting", "shortlisted", "asked", "accepted", "met", "hired",
		"working_30", "working_90", "working_180"}
	steps := Steps()
	if len(steps) != len(want) || len(steps) != StepCount {
		t.Fatalf("%d steps", len(steps))
	}
	for i, s := range steps {
		if s.String() != want[i] {
			t.Errorf("step %d is %s, want %s", i, s, want[i])
		}
		if back, err := ParseStep(want[i]); err != nil || back != s {
			t.Errorf("ParseStep(%q) = %v, %v", want[i], back, err)
		}
	}
	if _, err := ParseStep("interviewed"); !errors.Is(err, ErrUnknownStep) {
		t.Errorf("unknown step: %v", err)
	}
	if Step(StepCount).Valid() || Step(-1).Valid() || Step(-1).String() != "step(-1)" {
		t.Error("a step outside the funnel passes for one")
	}
}

// TestConversionsFollowSuppression checks that a conversion is shown
// only when both its counts are.
func TestConversionsFollowSuppression(t *testing.T) {
	counts := []int{40, 30, 20, 12, 10, 9, 6, 3, 2, 1}
	r := NewReport()
	var f Funnel
	for s, n := range counts {
		f[s] = r.Cell(Step(s).String(), n)
	}
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	conv := f.Conversions(res)
	if len(conv) != StepCount-1 {
		t.Fatalf("%d conversions", len(conv))
	}
	for _, c := range conv {
		wantShown := counts[c.From] >= MinCount && counts[c.To] >= MinCount
		if c.Shown != wantShown || c.To != c.From+1 {
			t.Errorf("%s → %s shown %v, want %v", c.From, c.To, c.Shown, wantShown)
		}
		if c.Shown && (c.Rate != Rate{counts[c.To], counts[c.From]}) {
			t.Errorf("%s → %s: %v", c.From, c.To, c.Rate)
		}
	}
	if p := conv[0].Rate.Percent(); p != 75 {
		t.Errorf("registered → consenting: %v%%", p)
	}
	if (Rate{}).Percent() != 0 || (Rate{1, 2}).RatioTo(Rate{}) != 0 {
		t.Error("an empty rate is not zero")
	}
}
