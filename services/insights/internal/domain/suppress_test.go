package domain

import (
	"errors"
	"testing"
)

// line builds a report of one sum, total = parts, and returns the ids
// with the total first.
func line(total int, parts ...int) (*Report, []CellID) {
	r := NewReport()
	ids := []CellID{r.Cell("total", total)}
	for i, p := range parts {
		ids = append(ids, r.Cell("part"+string(rune('a'+i)), p))
	}
	r.Sum(ids[0], ids[1:]...)
	return r, ids
}

// assertSafe fails the test when the exact attacker pins a cell of res.
func assertSafe(t *testing.T, r *Report, res *Result, what string) {
	t.Helper()
	limit := 0
	for _, v := range r.values {
		limit = max(limit, v+1)
	}
	for _, c := range newAttacker(r, res.status, limit).pinned() {
		t.Errorf("%s: the reader recovers %s = %d (%s)", what, r.Name(c), r.Value(c), res.Status(c))
	}
}

func TestSuppressOneSum(t *testing.T) {
	S, F, N := Shown, FewerThanFive, NotShown
	cases := map[string]struct {
		total int
		parts []int
		want  []Status // total first
	}{
		"nothing small":                      {20, []int{8, 12}, []Status{S, S, S}},
		"one small part: smallest other":     {30, []int{3, 12, 15}, []Status{S, F, N, S}},
		"two zeros, remainder 0":             {7, []int{0, 0, 7}, []Status{S, F, F, N}},
		"two fours, remainder 8: the total":  {8, []int{4, 4}, []Status{N, F, F}},
		"remainder 5 leaves 1+4 .. 4+1":      {12, []int{3, 2, 7}, []Status{S, F, F, S}},
		"remainder 1 leaves 0+1 or 1+0":      {8, []int{1, 0, 7}, []Status{S, F, F, S}},
		"all small":                          {3, []int{1, 2}, []Status{F, F, F}},
		"complement at 5 can still move up":  {9, []int{4, 5}, []Status{S, F, N}},
		"a part before its total of a tie":   {6, []int{0, 6}, []Status{S, F, N}},
		"three fours, remainder 12":          {19, []int{4, 4, 4, 7}, []Status{S, F, F, F, N}},
		"zero total pins nothing":            {0, []int{0, 0}, []Status{F, F, F}},
		"one part equal to a shown total":    {9, []int{9}, []Status{S, S}},
		"a small part alone under its total": {4, []int{4}, []Status{F, F}},
	}
	for name, c := range cases {
		r, ids := line(c.total, c.parts...)
		res, err := Suppress(r)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for i, id := range ids {
			if got := res.Status(id); got != c.want[i] {
				t.Errorf("%s: %s is %s, want %s", name, r.Name(id), got, c.want[i])
			}
		}
		assertSafe(t, r, res, name)
	}
}

// TestSuppressTable checks a groups × months table with margins, where a
// single small cell needs three complements (a rectangle) and a shared
// grand total is one cell of two tables.
func TestSuppressTable(t *testing.T) {
	counts := [][]int{{2, 9, 11}, {8, 7, 15}, {12, 6, 20}}
	r := NewReport()
	g := grid(r, counts)
	regions := []CellID{r.Cell("north", 40), r.Cell("south", 50)}
	r.Sum(g[3][3], regions...) // the same grand total, split by region
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	if _, fewer, hidden := res.Tally(); fewer != 1 || hidden != 3 {
		t.Errorf("%d below five and %d complements, want 1 and 3", fewer, hidden)
	}
	if res.Status(g[1][1]) != NotShown {
		t.Errorf("the smallest rectangle was not chosen: 7 is %s", res.Status(g[1][1]))
	}
	assertSafe(t, r, res, "table")
}

// grid adds a table with an "all" row and a "range" column to r and
// returns its cells, the margins last.
func grid(r *Report, counts [][]int) [][]CellID {
	rows, cols := len(counts), len(counts[0])
	g := make([][]CellID, rows+1)
	for i := range g {
		g[i] = make([]CellID, cols+1)
		for j := range g[i] {
			v := 0
			for a := range rows {
				for b := range cols {
					if (i == rows || a == i) && (j == cols || b == j) {
						v += counts[a][b]
					}
				}
			}
			g[i][j] = r.Cell("cell", v)
		}
	}
	for i := range g {
		r.Sum(g[i][cols], g[i][:cols]...)
	}
	for j := range cols + 1 {
		col := make([]CellID, rows)
		for i := range rows {
			col[i] = g[i][j]
		}
		r.Sum(g[rows][j], col...)
	}
	return g
}

func TestSuppressRefusesABadReport(t *testing.T) {
	r, _ := line(10, 3, 4)
	if _, err := Suppress(r); !errors.Is(err, ErrBadReport) {
		t.Errorf("a sum that does not add up: err = %v", err)
	}
	r, _ = line(1, -1, 2)
	if _, err := Suppress(r); !errors.Is(err, ErrBadReport) {
		t.Errorf("a negative count: err = %v", err)
	}
}

func TestDerivedFiguresFollowTheirCounts(t *testing.T) {
	r, ids := line(30, 3, 12, 15)
	res, err := Suppress(r)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := res.Rate(ids[3], ids[0]); !ok {
		t.Error("15 of 30 withheld")
	}
	if _, ok := res.Rate(ids[2], ids[0]); ok {
		t.Error("a rate over a complement was shown")
	}
	if res.Derivable(ids[1]) || res.Label(ids[1]) != LabelFewerThanFive || res.Label(ids[2]) != LabelNotShown {
		t.Errorf("labels %q, %q", res.Label(ids[1]), res.Label(ids[2]))
	}
	if n, ok := res.Count(ids[0]); !ok || n != 30 || res.Label(ids[0]) != "30" {
		t.Errorf("total: %d %v", n, ok)
	}
}
