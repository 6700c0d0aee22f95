package domain

import (
	"errors"
	"math/rand/v2"
	"slices"
	"testing"
)

func histogramOf(days ...int) DayHistogram {
	var h DayHistogram
	for _, d := range days {
		h.Add(d)
	}
	return h
}

func TestMedian(t *testing.T) {
	cases := map[string]struct {
		days []int
		want float64
		ok   bool
	}{
		"nobody":                {nil, 0, false},
		"four people":           {[]int{1, 2, 3, 4}, 0, false},
		"five people":           {[]int{9, 1, 5, 3, 7}, 5, true},
		"six people":            {[]int{1, 2, 3, 4, 5, 60}, 3.5, true},
		"the middle on a tie":   {[]int{2, 2, 2, 2, 9, 9}, 2, true},
		"straddling two days":   {[]int{1, 1, 1, 8, 8, 8}, 4.5, true},
		"negative counts as 0":  {[]int{-3, -1, 0, 4, 5}, 0, true},
		"beyond ten years caps": {[]int{5000, 6000, 7000, 8000, 9000}, MaxDays, true},
	}
	for name, c := range cases {
		got, ok := histogramOf(c.days...).Median()
		if got != c.want || ok != c.ok {
			t.Errorf("%s: %v %v, want %v %v", name, got, ok, c.want, c.ok)
		}
	}
}

// TestMonthsMergeIntoARange checks that merging per-month histograms
// gives the histogram of the whole range, and that subtracting a month
// gives back the rest.
func TestMonthsMergeIntoARange(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var all, rangeOf DayHistogram
	months := make([]DayHistogram, 6)
	for range 500 {
		d, m := rng.IntN(200), rng.IntN(len(months))
		months[m].Add(d)
		all.Add(d)
	}
	for _, m := range months {
		rangeOf.Merge(m)
	}
	if !slices.Equal(all.Buckets(), rangeOf.Buckets()) || all.Total() != 500 {
		t.Fatal("the merged months differ from the range")
	}
	if err := rangeOf.Subtract(months[0]); err != nil {
		t.Fatal(err)
	}
	if rangeOf.Total() != 500-months[0].Total() {
		t.Errorf("after subtracting a month: %d", rangeOf.Total())
	}
	back, err := HistogramOf(all.Buckets())
	if err != nil || !slices.Equal(back.Buckets(), all.Buckets()) {
		t.Errorf("stored and read back: %v", err)
	}
}

func TestSubtractRefusesWhatIsNotThere(t *testing.T) {
	h := histogramOf(1, 2, 3)
	before := h.Buckets()
	if err := h.Subtract(histogramOf(3, 4)); !errors.Is(err, ErrNegativeCount) {
		t.Errorf("err = %v", err)
	}
	if !slices.Equal(h.Buckets(), before) || h.Total() != 3 {
		t.Error("a refused subtraction changed the histogram")
	}
	if _, err := HistogramOf([]DayCount{{Days: 1, People: -1}}); !errors.Is(err, ErrNegativeCount) {
		t.Errorf("negative bucket: err = %v", err)
	}
}

func TestPublishedMedianFollowsItsCount(t *testing.T) {
	r, ids := line(30, 3, 12, 15)
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	h := histogramOf(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12)
	if _, ok := h.PublishedMedian(res, ids[2]); ok {
		t.Error("a median over people whose count is hidden was published")
	}
	if m, ok := h.PublishedMedian(res, ids[0]); !ok || m != 6.5 {
		t.Errorf("median %v %v", m, ok)
	}
}
