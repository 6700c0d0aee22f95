// Package errs holds the error categories every Onward service uses, in the
// manner of pkgsite's derrors. Code wraps a category with context
// (fmt.Errorf("load role %s: %w", id, errs.NotFound)); the one HTTP error
// handler in package httpx maps the category to a status and a problem type.
// Nothing here knows about HTTP.
package errs

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Categories. Wrap them with %w; test them with errors.Is.
var (
	// InvalidArgument means the client sent something malformed (400).
	InvalidArgument = errors.New("invalid argument")
	// Unauthenticated means credentials are missing, invalid or expired (401).
	Unauthenticated = errors.New("unauthenticated")
	// Forbidden means the caller is known but lacks the right role (403).
	Forbidden = errors.New("forbidden")
	// NotFound means the object does not exist or belongs to another
	// organisation; the two are deliberately indistinguishable (404).
	NotFound = errors.New("not found")
	// Conflict means the request clashes with current state, such as a
	// duplicate e-mail address or a stale version (409).
	Conflict = errors.New("conflict")
	// TooLarge means the request body exceeds the limit (413).
	TooLarge = errors.New("request too large")
	// Unavailable means a dependency such as MongoDB or Redis is down (503).
	Unavailable = errors.New("unavailable")
)

// FieldError names one invalid field of a request and says what is wrong
// with it in words a client developer can act on.
type FieldError struct {
	Field   string `json:"field"`
	Message string `json:"message"`
}

// ValidationError lists every invalid field of a request. It is an
// InvalidArgument.
type ValidationError struct {
	Fields []FieldError
}

// Error lists the invalid fields.
func (e *ValidationError) Error() string {
	parts := make([]string, 0, len(e.Fields))
	for _, f := range e.Fields {
		parts = append(parts, f.Field+": "+f.Message)
	}
	return "invalid request: " + strings.Join(parts, "; ")
}

// Is makes errors.Is(err, InvalidArgument) true for validation errors.
func (e *ValidationError) Is(target error) bool { return target == InvalidArgument }

// Invalid returns a ValidationError for a single field.
func Invalid(field, format string, args ...any) error {
	return &ValidationError{Fields: []FieldError{{Field: field, Message: fmt.Sprintf(format, args...)}}}
}

// RateLimitedError says the caller must wait before trying again (429).
type RateLimitedError struct {
	RetryAfter time.Duration
}

// Error says how long to wait.
func (e *RateLimitedError) Error() string {
	return fmt.Sprintf("too many requests; retry after %s", e.RetryAfter.Round(time.Second))
}

// RenameField returns err with every field error named from renamed to, for
// a caller whose request spells a field differently from the rule that
// checked it. Other errors are returned unchanged.
func RenameField(err error, from, to string) error {
	var ve *ValidationError
	if errors.As(err, &ve) {
		for i := range ve.Fields {
			if ve.Fields[i].Field == from {
				ve.Fields[i].Field = to
			}
		}
	}
	return err
}
