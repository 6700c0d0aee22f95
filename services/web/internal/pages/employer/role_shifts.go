package employer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
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

// readShiftRows reads the rows shift_day, shift_start and shift_end,
// then adds the shift filled in under "add a shift" (on any button, so it
// is never lost). A row needs a known day.
func readShiftRows(c *fiber.Ctx) []shiftRow {
	days, starts, ends := kit.FormList(c, "shift_day"), kit.FormList(c, "shift_start"), kit.FormList(c, "shift_end")
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
	if start, end := kit.FormText(c, "new_shift_start"), kit.FormText(c, "new_shift_end"); start != "" || end != "" {
		add(kit.FormText(c, "new_shift_day"), start, end)
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
func (f *roleForm) schedule() *api.Schedule {
	if f.ScheduleKind == scheduleShifts {
		if len(f.Shifts) == 0 {
			return nil
		}
		shifts := make([]api.Shift, 0, len(f.Shifts))
		for _, r := range f.Shifts {
			shifts = append(shifts, api.Shift{Day: api.Weekday(r.Day), Start: r.Start, End: r.End})
		}
		return &api.Schedule{Shifts: &shifts}
	}
	if len(f.Days) == 0 && f.StartTime == "" && f.EndTime == "" {
		return nil
	}
	out := &api.Schedule{}
	if len(f.Days) > 0 {
		days := make([]api.Weekday, 0, len(f.Days))
		for _, d := range f.Days {
			days = append(days, api.Weekday(d))
		}
		out.Days = &days
	}
	if f.StartTime != "" {
		out.Start = kit.Ptr(f.StartTime)
	}
	if f.EndTime != "" {
		out.End = kit.Ptr(f.EndTime)
	}
	return out
}

// scheduleFromRole fills the form's schedule from a role's.
func (f *roleForm) scheduleFromRole(sc *api.Schedule) {
	if sc == nil {
		return
	}
	var days []string
	for _, d := range kit.Deref(sc.Days) {
		days = append(days, string(d))
	}
	f.Days, f.StartTime, f.EndTime = onlyKnown(days, weekdays), kit.Deref(sc.Start), kit.Deref(sc.End)
	for _, sh := range kit.Deref(sc.Shifts) {
		f.Shifts = append(f.Shifts, shiftRow{Day: string(sh.Day), Start: sh.Start, End: sh.End})
	}
	if len(f.Shifts) > 0 {
		f.ScheduleKind = scheduleShifts
	}
}

// scheduleText is the schedule on one line, as the review shows it.
func scheduleText(v *kit.View, f *roleForm) string {
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
func shiftRowError(addError func(field, msg string), f *roleForm, apiField, msg string) bool {
	rest, ok := strings.CutPrefix(apiField, "schedule.shifts[")
	idx, _, ok2 := strings.Cut(rest, "]")
	i, err := strconv.Atoi(idx)
	if !ok || !ok2 || err != nil || i < 0 || i >= len(f.Shifts) {
		return false
	}
	f.Shifts[i].Error = msg
	addError("shift_start_"+strconv.Itoa(i), msg)
	return true
}

// shiftRowView is one shift as the form shows it.
type shiftRowView struct {
	shiftRow
	Index int
	Days  []kit.Choice
}

func shiftRowViews(v *kit.View, rows []shiftRow) []shiftRowView {
	out := make([]shiftRowView, 0, len(rows))
	for i, r := range rows {
		out = append(out, shiftRowView{shiftRow: r, Index: i, Days: kit.Choices(v, "Day_", weekdays, r.Day)})
	}
	return out
}
