package domain

import (
	"fmt"
	"time"
	"unicode/utf8"

	"github.com/onward-jobs/onward/pkg/errs"
)

// checker collects field errors so a client hears about all of them at once.
type checker struct{ fields []errs.FieldError }

// check records the problem when bad holds and reports bad.
func (c *checker) check(bad bool, field, format string, args ...any) bool {
	if bad {
		c.add(field, format, args...)
	}
	return bad
}

func (c *checker) add(field, format string, args ...any) {
	c.fields = append(c.fields, errs.FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
}

// text checks a free-text field's length in characters.
func (c *checker) text(field, value string, required bool, max int) {
	n := utf8.RuneCountInString(value)
	if c.check(required && n == 0, field, "is required") {
		return
	}
	c.check(n > max, field, "must be at most %d characters", max)
	c.check(!utf8.ValidString(value), field, "must be UTF-8 text")
}

// date checks a YYYY-MM-DD field and reports whether it is one.
func (c *checker) date(field, value string) bool {
	return !c.check(!validDate(value), field, "must be a date YYYY-MM-DD")
}

func (c *checker) err() error {
	if len(c.fields) == 0 {
		return nil
	}
	return &errs.ValidationError{Fields: c.fields}
}

func validDate(s string) bool {
	_, err := time.Parse(time.DateOnly, s)
	return err == nil
}

func validClock(s string) bool {
	_, err := time.Parse("15:04", s)
	return err == nil && len(s) == 5
}
