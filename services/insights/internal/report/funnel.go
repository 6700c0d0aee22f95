package report

import "github.com/onward-jobs/onward/services/insights/internal/domain"

// funnel returns a group's cohort funnel and retention. A group the
// report does not hold counts nobody.
func (s *Suppressed) funnel(id groupID) FunnelGroup {
	out := FunnelGroup{Group: id.group}
	cells, ok := s.cohort[id]
	first := firstStep(id.dim)
	for st := first; int(st) < domain.StepCount; st++ {
		sc := StepCount{Step: st, Count: s.absent()}
		if ok {
			sc.Count = count(s.result, cells[st])
			if st > first {
				sc.Conversion, sc.Converted = s.conversion(cells, st)
			}
		}
		out.Steps = append(out.Steps, sc)
	}
	for i, day := range domain.RetentionDays {
		rc := RetentionCount{Day: day, Working: s.absent(), NotWorking: s.absent(), Unknown: s.absent()}
		if ok {
			w, nw, u := retentionCells(cells, i)
			rc.Working, rc.NotWorking, rc.Unknown = count(s.result, w), count(s.result, nw), count(s.result, u)
		}
		out.Retention = append(out.Retention, rc)
	}
	return out
}

// retentionCells returns the cells of the three states at the i-th of
// the RetentionDays.
func retentionCells(cells *funnelCells, i int) (working, notWorking, unknown domain.CellID) {
	return cells[domain.MeasureOf(domain.Working30)+domain.Measure(i)],
		cells[domain.NotWorking30+domain.Measure(i)], cells[domain.Unknown30+domain.Measure(i)]
}

// conversion returns the rate from the step before st to st, and true
// when every count it is computed from is shown. Working at day N is over
// the hires whose day N came (the three states together), not over every
// hire, since some hires' day N is still to come.
func (s *Suppressed) conversion(cells *funnelCells, st domain.Step) (domain.Rate, bool) {
	if st <= domain.Hired {
		return s.result.Rate(cells[st], cells[st-1])
	}
	w, nw, u := retentionCells(cells, int(st-domain.Working30))
	if !s.result.Derivable(w, nw, u) {
		return domain.Rate{}, false
	}
	num, _ := s.result.Count(w)
	a, _ := s.result.Count(nw)
	b, _ := s.result.Count(u)
	if num+a+b == 0 {
		return domain.Rate{}, false
	}
	return domain.Rate{Num: num, Den: num + a + b}, true
}

// medianSteps are the steps whose median days from registration the
// report shows.
var medianSteps = []domain.Step{domain.Shortlisted, domain.Asked, domain.Hired}

// medians returns a group's medians of the steps it counts.
func (s *Suppressed) medians(id groupID) MedianGroup {
	out := MedianGroup{Group: id.group}
	cells, ok := s.cohort[id]
	for _, st := range medianSteps {
		if st < firstStep(id.dim) {
			continue
		}
		md := Median{Step: st, People: s.absent()}
		if ok {
			md.People = count(s.result, cells[st])
			md.Days, md.Shown = s.median(id, st)
		}
		out.Medians = append(out.Medians, md)
	}
	return out
}

// trendsOf returns a group's activity view, month by month.
func (s *Suppressed) trendsOf(id groupID) []TrendMonth {
	months, ok := s.trends[id]
	out := make([]TrendMonth, 0, s.period.Months())
	for i := range s.period.Months() {
		tm := TrendMonth{Month: s.period.From + domain.Month(i)}
		for st := range domain.StepCount {
			c := s.absent()
			if ok {
				c = count(s.result, months[i][st])
			}
			tm.Steps = append(tm.Steps, StepCount{Step: domain.Step(st), Count: c})
		}
		out = append(out, tm)
	}
	return out
}
