package site

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// Kinds of schedule: the same hours on chosen days, or shifts.
const (
	scheduleDays   = "days"
	scheduleShifts = "shifts"
)

// maxRoleShifts bounds the shift rows, so a crafted form cannot grow them.
const maxRoleShifts = 21

// shiftRow is one shift of a role's schedule, with the service's
// complaint about it, if any.
type shiftRow struct {
	Day, Start, End, Error string
}

type roleShift struct {
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// readShiftRows reads the rows shift_day, shift_start and shift_end,
// then adds the shift filled in under "add a shift" (on any button, so it
// is never lost). A row needs a known day.
func readShiftRows(c *fiber.Ctx) []shiftRow {
	days, starts, ends := formList(c, "shift_day"), formList(c, "shift_start"), formList(c, "shift_end")
	var rows []shiftRow
	add := func(day, start, end string) {
		if !slices.Contains(weekdays, day) || len(rows) >= maxRoleShifts {
			return
		}
		rows = append(rows, shiftRow{Day: day, Start: strings.TrimSpace(start), End: strings.TrimSpace(end)})
	}
	at := func(list []string, i int) string {
		if i < len(list) {
			return list[i]
		}
		return ""
	}
	for i, day := range days {
		add(day, at(starts, i), at(ends, i))
	}
	if start, end := formText(c, "new_shift_start"), formText(c, "new_shift_end"); start != "" || end != "" {
		add(formText(c, "new_shift_day"), start, end)
	}
	return rows
}

// removeShiftRow applies a "remove" button whose value is "shift:1".
func removeShiftRow(f *roleForm, which string) {
	list, idx, ok := strings.Cut(which, ":")
	i, err := strconv.Atoi(idx)
	if ok && err == nil && list == "shift" && i >= 0 && i < len(f.Shifts) {
		f.Shifts = slices.Delete(f.Shifts, i, i+1)
	}
}

// schedule is the schedule the form sends: its shifts, or its days with
// one time window, or nothing when nothing was filled in.
func (f *roleForm) schedule() *roleSchedule {
	if f.ScheduleKind == scheduleShifts {
		if len(f.Shifts) == 0 {
			return nil
		}
		out := &roleSchedule{}
		for _, r := range f.Shifts {
			out.Shifts = append(out.Shifts, roleShift{Day: r.Day, Start: r.Start, End: r.End})
		}
		return out
	}
	if len(f.Days) > 0 || f.StartTime != "" || f.EndTime != "" {
		return &roleSchedule{Days: f.Days, Start: f.StartTime, End: f.EndTime}
	}
	return nil
}

// scheduleText is the schedule on one line, as the review shows it.
func scheduleText(v *view, f *roleForm) string {
	if f.ScheduleKind == scheduleShifts {
		parts := make([]string, 0, len(f.Shifts))
		for _, r := range f.Shifts {
			parts = append(parts, v.T("Day_"+r.Day)+" "+r.Start+"–"+r.End)
		}
		return strings.Join(parts, ", ")
	}
	var days []string
	for _, d := range f.Days {
		days = append(days, v.T("Day_"+d))
	}
	text := strings.Join(days, ", ")
	if f.StartTime != "" || f.EndTime != "" {
		text = strings.TrimSpace(text + " " + f.StartTime + "–" + f.EndTime)
	}
	return text
}

// shiftRowError puts a field error on "schedule.shifts[2].end" next to
// shift 2, and reports whether it named a shift.
func shiftRowError(v *view, f *roleForm, apiField, msg string) bool {
	rest, ok := strings.CutPrefix(apiField, "schedule.shifts[")
	idx, _, ok2 := strings.Cut(rest, "]")
	i, err := strconv.Atoi(idx)
	if !ok || !ok2 || err != nil || i < 0 || i >= len(f.Shifts) {
		return false
	}
	f.Shifts[i].Error = msg
	v.addError("shift_start_"+strconv.Itoa(i), msg)
	return true
}

// shiftRowView is one shift as the form shows it.
type shiftRowView struct {
	shiftRow
	Index int
	Days  []choice
}

func shiftRowViews(v *view, rows []shiftRow) []shiftRowView {
	out := make([]shiftRowView, 0, len(rows))
	for i, r := range rows {
		out = append(out, shiftRowView{shiftRow: r, Index: i, Days: choices(v, "Day_", weekdays, r.Day)})
	}
	return out
}
