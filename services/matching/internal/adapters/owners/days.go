package owners

import (
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// toDay converts an owner's "YYYY-MM-DD" into an engine.Day; "" is 0
// (unknown, or as soon as possible).
func toDay(field, s string) (engine.Day, error) {
	if s == "" {
		return 0, nil
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return 0, fmt.Errorf("%s is not a date", field)
	}
	return engine.Day(t.Unix() / 86400), nil
}

// toMinutes converts an owner's "HH:MM" into minutes after midnight.
func toMinutes(field, s string) (int, error) {
	t, err := time.Parse("15:04", s)
	if err != nil || len(s) != 5 {
		return 0, fmt.Errorf("%s is not a time", field)
	}
	return t.Hour()*60 + t.Minute(), nil
}

// weekdays are the owners' day names, Monday first, as engine weekdays
// count them.
var weekdays = map[api.Weekday]int{
	api.WeekdayMon: 0, api.WeekdayTue: 1, api.WeekdayWed: 2, api.WeekdayThu: 3, api.WeekdayFri: 4, api.WeekdaySat: 5, api.WeekdaySun: 6,
}

// toWeekday converts an owner's day name into 0 (Monday) … 6 (Sunday).
func toWeekday(field string, s api.Weekday) (int, error) {
	d, ok := weekdays[s]
	if !ok {
		return 0, fmt.Errorf("%s is not a day name", field)
	}
	return d, nil
}

// value is what an optional field of the description holds: the zero
// value when it is absent.
func value[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

// enumStrings converts a list of one of the description's string enums.
func enumStrings[S ~string](list []S) []string {
	if list == nil {
		return nil
	}
	out := make([]string, len(list))
	for i, s := range list {
		out[i] = string(s)
	}
	return out
}
