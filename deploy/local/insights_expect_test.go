package launcher

import (
	"fmt"
	"slices"
	"time"
)

// The expected report, counted from the test's own record of what it did
// (outcomes_world_test.go), by rules written from docs/insights.md and
// not from the insights service's code: each person counts once per step,
// the first time it was reached; the cohort view counts people by their
// registration month; the activity view by the month each step was
// reached; retention at day N is working, not working or unknown once
// day N has come.

// outcomeSteps are the funnel's steps in the report's order.
var outcomeSteps = []string{"registered", "consenting", "shortlisted", "asked", "accepted", "met", "hired", "working_30", "working_90", "working_180"}

// reach is when a person reached each step ("" group filter aside), and
// the retention state of each day: "working", "not_working", "unknown"
// or "" (not due).
type reach struct {
	at        map[string]time.Time
	retention map[int]string
	dayAt     map[int]time.Time // when day N came
}

// reachOf returns what pr had reached by asOf. keepRequest and keepHire
// say whether pr's request and hire count in the group asked about (for
// the role's dimensions); nil keeps them.
func reachOf(pr *person, asOf time.Time, keepRequest, keepHire bool) reach {
	r := reach{at: map[string]time.Time{}, retention: map[int]string{}, dayAt: map[int]time.Time{}}
	set := func(step string, t time.Time) {
		if !t.IsZero() && !t.After(asOf) {
			r.at[step] = t
		}
	}
	set("registered", pr.registered)
	set("consenting", pr.consented)
	set("shortlisted", pr.shortlisted)
	if pr.intro != "" && keepRequest {
		set("asked", pr.asked)
		if pr.accepted {
			set("accepted", pr.answered)
		}
		if pr.outcome == "hired" || pr.outcome == "not_hired" {
			set("met", pr.outcomeAt)
		}
	}
	if pr.outcome == "hired" && keepHire && !pr.outcomeAt.After(asOf) {
		set("hired", pr.outcomeAt)
		for _, day := range []int{30, 90, 180} {
			due := pr.startDate.AddDate(0, 0, day)
			if asOf.Before(due) {
				continue
			}
			r.dayAt[day] = due
			state := "unknown"
			if !pr.endedOn.IsZero() && pr.endedOn.Before(due) {
				state = "not_working"
			} else {
				for _, a := range pr.answers {
					if a.day != day || a.at.After(asOf) {
						continue
					}
					if !a.working {
						state = "not_working"
						break
					}
					state = "working"
				}
			}
			r.retention[day] = state
			if state == "working" {
				r.at[fmt.Sprintf("working_%d", day)] = due
			}
		}
	}
	return r
}

// expectedGroup is the expected funnel of one group: people per step,
// and per retention day the people in each state.
type expectedGroup struct {
	steps     map[string]int
	retention map[int]map[string]int
	days      map[string][]int // whole days from registration to shortlisted, asked and hired
}

// groupsOf returns the groups pr belongs to in dimension d, each with
// whether pr's request and hire count there.
func (w *outcomesWorld) groupsOf(pr *person, d string) []struct {
	name           string
	request, hired bool
} {
	type g = struct {
		name           string
		request, hired bool
	}
	one := func(name string) []g { return []g{{name, true, true}} }
	pl := outcomePlaces[pr.place]
	switch d {
	case "all":
		return one("all")
	case "organisation":
		return one(w.orgOf(pr))
	case "programme":
		return one(pr.programme.id)
	case "programme_kind":
		return one(pr.programme.kind)
	case "setting":
		return one(pr.setting)
	case "country":
		return one(pl.country)
	case "region":
		return one(pl.region)
	case "urban":
		return one(pl.urban)
	case "contract", "occupation":
		if pr.intro == "" {
			return nil
		}
		request := pr.role.contract
		if d == "occupation" {
			request = pr.role.occupation
			if request == "" {
				request = "unknown"
			}
		}
		hire := ""
		if pr.outcome == "hired" {
			hire = pr.placementContract
			if d == "occupation" {
				hire = request
			}
		}
		if hire == request || hire == "" {
			return []g{{request, true, true}}
		}
		return []g{{request, true, false}, {hire, false, true}}
	}
	panic("unknown dimension " + d)
}

// expected counts the cohort view over the whole range, per group of d,
// as of asOf, over the people of org (nil: everyone) and of programme
// (""): everyone registered in the range.
func (w *outcomesWorld) expected(d string, asOf time.Time, keep func(*person) bool) map[string]*expectedGroup {
	out := map[string]*expectedGroup{}
	for _, pr := range w.people {
		if keep != nil && !keep(pr) {
			continue
		}
		for _, g := range w.groupsOf(pr, d) {
			e := out[g.name]
			if e == nil {
				e = &expectedGroup{steps: map[string]int{}, retention: map[int]map[string]int{30: {}, 90: {}, 180: {}}, days: map[string][]int{}}
				out[g.name] = e
			}
			r := reachOf(pr, asOf, g.request, g.hired)
			for step, t := range r.at {
				if (d == "contract" || d == "occupation") && slices.Contains([]string{"registered", "consenting", "shortlisted"}, step) {
					continue
				}
				e.steps[step]++
				if step == "shortlisted" || step == "asked" || step == "hired" {
					e.days[step] = append(e.days[step], int(t.Sub(pr.registered)/(24*time.Hour)))
				}
			}
			for day, state := range r.retention {
				e.retention[day][state]++
			}
		}
	}
	return out
}

// expectedTrends counts the activity view of the total: per month, the
// people who reached each step in that month.
func (w *outcomesWorld) expectedTrends(asOf time.Time, keep func(*person) bool) map[string]map[string]int {
	out := map[string]map[string]int{}
	for _, pr := range w.people {
		if keep != nil && !keep(pr) {
			continue
		}
		for step, t := range reachOf(pr, asOf, true, true).at {
			m := monthName(t)
			if out[m] == nil {
				out[m] = map[string]int{}
			}
			out[m][step]++
		}
	}
	return out
}

// median is the median of days (the mean of the two middle values when
// their number is even).
func median(days []int) float64 {
	s := slices.Clone(days)
	slices.Sort(s)
	n := len(s)
	return float64(s[(n-1)/2]+s[n/2]) / 2
}
