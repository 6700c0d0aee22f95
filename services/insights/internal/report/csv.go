package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// CSVHeader is the first row of a report's CSV.
var CSVHeader = []string{"section", "dimension", "group", "month", "measure", "value"}

// Label returns what a page or a CSV prints for a count: the number,
// "fewer than 5", or "not shown" (a withheld report hides every count as
// not shown, as the JSON does).
func (c Count) Label() string {
	switch c.Status {
	case domain.Shown:
		return strconv.Itoa(c.Value)
	case domain.FewerThanFive:
		return domain.LabelFewerThanFive
	}
	return domain.LabelNotShown
}

// WriteCSV writes the model as CSV, one row per published number: section,
// dimension, group, month (of the trends; empty for the cohort view over
// the whole period), measure and value. A count reads as its number,
// "fewer than 5" or "not shown"; a figure derived from counts (a
// conversion, a median, a rate, a ratio) reads as its number or "not
// shown", a rate known only as a bound as "at most 0.1333", and a flag as
// yes or no. The suppression is the JSON's.
func WriteCSV(w io.Writer, m Model) error {
	cw := csv.NewWriter(w)
	rows := csvRows{w: cw}
	_ = cw.Write(CSVHeader)
	dim := string(domain.All)
	for i, fg := range m.Funnel {
		d := funnelDimension(m.View, i, dim)
		for _, sc := range fg.Steps {
			rows.add("funnel", d, fg.Group, "", sc.Step.String(), sc.Count.Label())
			if sc.Step != fg.Steps[0].Step {
				rows.add("funnel", d, fg.Group, "", "conversion_to_"+sc.Step.String(), rateLabel(sc.Conversion, sc.Converted))
			}
		}
		for _, rc := range fg.Retention {
			day := strconv.Itoa(rc.Day)
			rows.add("retention", d, fg.Group, "", "working_"+day, rc.Working.Label())
			rows.add("retention", d, fg.Group, "", "not_working_"+day, rc.NotWorking.Label())
			rows.add("retention", d, fg.Group, "", "unknown_"+day, rc.Unknown.Label())
		}
	}
	for i, mg := range m.Medians {
		d := funnelDimension(m.View, i, dim)
		for _, md := range mg.Medians {
			days := domain.LabelNotShown
			if md.Shown {
				days = strconv.FormatFloat(md.Days, 'f', -1, 64)
			}
			rows.add("medians", d, mg.Group, "", "days_to_"+md.Step.String(), days)
		}
	}
	trendDim, trendGroup := dim, domain.AllGroup
	if m.View.Programme != "" {
		trendDim, trendGroup = string(domain.Programme), m.View.Programme
	}
	for _, tm := range m.Trends {
		for _, sc := range tm.Steps {
			rows.add("trends", trendDim, trendGroup, tm.Month.String(), sc.Step.String(), sc.Count.Label())
		}
	}
	rows.fairness(m.Fairness)
	for _, e := range m.Employers {
		for _, sc := range e.Steps {
			rows.add("employers", string(domain.Employer), e.Employer, "", sc.Step.String(), sc.Count.Label())
		}
	}
	cw.Flush()
	return cw.Error()
}

// funnelDimension names the dimension of the i-th funnel group: the
// total's, the programme's, or group_by's.
func funnelDimension(v View, i int, all string) string {
	switch {
	case v.Programme != "":
		return string(domain.Programme)
	case i == 0:
		return all
	}
	return string(v.GroupBy)
}

// fairness writes each group's base once per dimension, then per step the
// count reached, the rate, the ratio to the best rate and the flag.
func (r *csvRows) fairness(dims []FairnessDimension) {
	for _, fd := range dims {
		d := string(fd.Dimension)
		for gi := range fd.Comparisons[0].Groups {
			g := fd.Comparisons[0].Groups[gi]
			r.add("fairness", d, g.Group, "", domain.FairnessBase.String(), g.Base.Label())
			for _, c := range fd.Comparisons {
				row := c.Groups[gi]
				step := c.Step.String()
				r.add("fairness", d, g.Group, "", step, row.Reached.Label())
				rate := rateLabel(row.Rate, row.Known)
				if row.AtMost {
					rate = "at most " + fraction(row.Rate)
				}
				r.add("fairness", d, g.Group, "", step+"_rate", rate)
				ratio := domain.LabelNotShown
				if (row.Known || row.AtMost) && c.Best != "" {
					ratio = strconv.FormatFloat(row.Ratio, 'f', 4, 64)
				}
				r.add("fairness", d, g.Group, "", step+"_ratio", ratio)
				r.add("fairness", d, g.Group, "", step+"_flagged", yesNo(row.Flagged))
			}
		}
	}
}

// rateLabel prints a rate as a fraction with four decimals, or "not
// shown".
func rateLabel(r domain.Rate, shown bool) string {
	if !shown {
		return domain.LabelNotShown
	}
	return fraction(r)
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func fraction(r domain.Rate) string {
	return strconv.FormatFloat(float64(r.Num)/float64(r.Den), 'f', 4, 64)
}

// csvRows writes rows, each field guarded against formula injection.
type csvRows struct{ w *csv.Writer }

func (r *csvRows) add(fields ...string) {
	for i, f := range fields {
		fields[i] = Defused(f)
	}
	_ = r.w.Write(fields) // the error sticks; WriteCSV returns it
}

// Defused returns a CSV field a spreadsheet will not run as a formula: a
// field that starts with =, +, -, @, a tab or a carriage return gets a
// leading apostrophe (OWASP, "CSV Injection").
func Defused(f string) string {
	if f != "" {
		switch f[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + f
		}
	}
	return f
}
