package kit

import (
	"strconv"
	"time"
	// The zone database travels in the binary: the distroless image has
	// none of its own.
	_ "time/tzdata"
)

// Brussels is the time zone dates and times are shown in: the platform
// serves Belgium and its neighbours, and a staff member reading an audit
// trail thinks in local time, not UTC.
var brussels = mustLoadZone("Europe/Brussels")

func mustLoadZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic("web: time zone " + name + ": " + err.Error())
	}
	return loc
}

// Date writes a calendar date ("2026-11-20" or an RFC 3339 time) the way
// the reader's language does: 20 November 2026, 20 november 2026,
// 20 novembre 2026, 20. November 2026. Anything else is shown as it came.
func (l Localizer) Date(value string) string {
	t, err := time.Parse(time.DateOnly, value)
	if err != nil {
		if t, err = time.Parse(time.RFC3339, value); err != nil {
			return value
		}
		t = t.In(brussels)
	}
	return l.dateOf(t)
}

// DateTime writes a moment as its local date and time in Brussels, in the
// reader's language: 20 November 2026, 14:05.
func (l Localizer) DateTime(t time.Time) string {
	local := t.In(brussels)
	return l.T("DateTimeFormat", "Date", l.dateOf(local), "Time", local.Format("15:04"))
}

func (l Localizer) dateOf(t time.Time) string {
	return l.T("DateFormat", "Day", strconv.Itoa(t.Day()), "Month", l.T("Month_"+strconv.Itoa(int(t.Month()))), "Year", strconv.Itoa(t.Year()))
}
