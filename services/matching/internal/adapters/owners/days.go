package owners

import (
	"fmt"
	"time"

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
var weekdays = map[string]int{"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}

// toWeekday converts an owner's day name into 0 (Monday) … 6 (Sunday).
func toWeekday(field, s string) (int, error) {
	d, ok := weekdays[s]
	if !ok {
		return 0, fmt.Errorf("%s is not a day name", field)
	}
	return d, nil
}
