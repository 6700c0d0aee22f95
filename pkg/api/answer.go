package api

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Answer is what every generated response offers: its status and the
// decoded body of a 200.
type Answer[T any] interface {
	StatusCode() int
	GetJSON200() *T
}

// Body returns the body of a generated call's 200 answer, or the error its
// outcome stands for: a failed connection or a 5xx is errs.Unavailable, a
// 404 errs.NotFound (see StatusError). caller prefixes the error (the
// calling package, "owners") and what names the call by ids only.
func Body[T any, R Answer[T]](caller, what string, resp R, err error) (*T, error) {
	var transport *url.Error
	switch {
	case errors.As(err, &transport):
		return nil, fmt.Errorf("%s: %s: %w: %w", caller, what, errs.Unavailable, err)
	case err != nil:
		return nil, fmt.Errorf("%s: decode answer of %s: %w", caller, what, err)
	}
	if err := StatusError(caller, what, resp.StatusCode()); err != nil {
		return nil, err
	}
	body := resp.GetJSON200()
	if body == nil {
		return nil, fmt.Errorf("%s: %s answered 200 without a JSON body", caller, what)
	}
	return body, nil
}

// StatusError turns another service's status into an error, or nil for
// 200: errs.NotFound for a 404, errs.Unavailable for a 5xx.
func StatusError(caller, what string, status int) error {
	switch {
	case status == http.StatusNotFound:
		return fmt.Errorf("%s: %s: %w", caller, what, errs.NotFound)
	case status >= 500:
		return fmt.Errorf("%s: %s answered %d: %w", caller, what, status, errs.Unavailable)
	case status != http.StatusOK:
		return fmt.Errorf("%s: %s answered %d", caller, what, status)
	}
	return nil
}
