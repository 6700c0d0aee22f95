package report

import (
	"bytes"
	"encoding/csv"
	"slices"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// TestCSVCarriesTheModel writes views of generated reports as CSV and
// reads them back: one row per number, each count labelled as the model
// has it, derived figures as numbers or "not shown", and no field a
// spreadsheet would run as a formula.
func TestCSVCarriesTheModel(t *testing.T) {
	seed := testSeed(t)
	for i := range 12 {
		g := generate(t, seed, i)
		for _, v := range g.views() {
			m, err := g.built.Model(v)
			if err != nil {
				t.Fatal(err)
			}
			var buf bytes.Buffer
			if err := WriteCSV(&buf, m); err != nil {
				t.Fatal(err)
			}
			rows, err := csv.NewReader(&buf).ReadAll()
			if err != nil {
				t.Fatalf("seed %d case %d: unreadable CSV: %v", seed, i, err)
			}
			if !slices.Equal(rows[0], CSVHeader) {
				t.Fatalf("header %v", rows[0])
			}
			checkCSV(t, m, rows[1:])
		}
	}
}

func checkCSV(t *testing.T, m Model, rows [][]string) {
	t.Helper()
	got := map[string]string{}
	for _, r := range rows {
		for _, f := range r {
			if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) {
				t.Errorf("a field a spreadsheet would run: %q", f)
			}
		}
		key := strings.Join(r[:5], ",")
		if _, twice := got[key]; twice {
			t.Errorf("row %s twice", key)
		}
		got[key] = r[5]
	}
	want := map[string]string{}
	for i, fg := range m.Funnel {
		d := funnelDimension(m.View, i, "all")
		for _, sc := range fg.Steps {
			want["funnel,"+d+","+Defused(fg.Group)+",,"+sc.Step.String()] = sc.Count.Label()
		}
	}
	for _, tm := range m.Trends {
		for _, sc := range tm.Steps {
			want["trends,"+strings.Join([]string{trendKey(m), tm.Month.String(), sc.Step.String()}, ",")] = sc.Count.Label()
		}
	}
	for _, e := range m.Employers {
		for _, sc := range e.Steps {
			want["employers,employer,"+Defused(e.Employer)+",,"+sc.Step.String()] = sc.Count.Label()
		}
	}
	for k, v := range want {
		if got[k] != v {
			t.Errorf("row %s reads %q, want %q", k, got[k], v)
		}
	}
	for k, v := range got {
		if v != domain.LabelNotShown && v != domain.LabelFewerThanFive && v != "yes" && v != "no" &&
			!strings.HasPrefix(v, "at most ") && strings.Trim(v, "0123456789.") != "" {
			t.Errorf("row %s reads %q", k, v)
		}
	}
}

func trendKey(m Model) string {
	if m.View.Programme != "" {
		return "programme," + Defused(m.View.Programme)
	}
	return "all,all"
}

// TestDefused guards the fields a spreadsheet runs as formulas.
func TestDefused(t *testing.T) {
	for in, want := range map[string]string{"=1+1": "'=1+1", "+1": "'+1", "-1": "'-1", "@SUM(A1)": "'@SUM(A1)",
		"\tx": "'\tx", "\rx": "'\rx", "BE.VLG": "BE.VLG", "": "", "fewer than 5": "fewer than 5"} {
		if got := Defused(in); got != want {
			t.Errorf("Defused(%q) = %q, want %q", in, got, want)
		}
	}
}
