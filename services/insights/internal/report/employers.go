package report

import (
	"fmt"

	"github.com/onward-jobs/onward/services/insights/internal/domain"
)

// employerSteps are the steps the per-employer table counts: a request
// to meet and what followed it.
var employerSteps = []domain.Step{domain.Asked, domain.Accepted, domain.Met, domain.Hired,
	domain.Working30, domain.Working90, domain.Working180}

// employerTable is the per-employer table of the platform's report, its
// own small report: a person asked by two employers counts for each, so
// no sum ties the employers to each other or to the total, and each count
// is only suppressed below five.
type employerTable struct {
	employers []string
	cells     map[string]*stepCells
	result    *domain.Result
}

// employersOf sums each employer's counts over the period and suppresses
// them.
func employersOf(p Period, rows []domain.CellRow) (*employerTable, error) {
	sums := map[string]*[domain.StepCount]int{}
	for i := range rows {
		r := &rows[i]
		if r.View != domain.Activity || r.Month < p.From || r.Month > p.To {
			continue
		}
		var steps [domain.StepCount]int
		copy(steps[:], r.N[:domain.StepCount])
		if steps == ([domain.StepCount]int{}) {
			continue
		}
		row := sums[r.Group]
		if row == nil {
			row = new([domain.StepCount]int)
			sums[r.Group] = row
		}
		for s, n := range steps {
			row[s] += n
		}
	}
	t := &employerTable{cells: map[string]*stepCells{}}
	for e := range sums {
		t.employers = append(t.employers, e)
	}
	sortGroups(t.employers)
	r := domain.NewReport()
	for _, e := range t.employers {
		cells := new(stepCells)
		for _, s := range employerSteps {
			cells[s] = r.Cell("employer|"+e+"|"+s.String(), sums[e][s])
		}
		t.cells[e] = cells
	}
	res, err := domain.Suppress(r)
	if err != nil {
		return nil, fmt.Errorf("suppress the employers' table: %w", err)
	}
	t.result = res
	return t, nil
}
