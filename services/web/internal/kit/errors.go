package kit

import (
	"errors"
	"math"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// fieldMessages translates the use cases' field errors, which are written
// in English for API clients, by the start of their text. Anything not
// listed falls back to a general "check this field".
var fieldMessages = []struct {
	prefix string
	id     string
}{
	{"must be an e-mail address", "ErrEmailInvalid"},
	{"must be at least", "ErrPasswordShort"},
	{"must be at most", "ErrPasswordLong"},
	{"is too common", "ErrPasswordWeak"},
	{"must be between 1 and", "ErrLength"},
	{"must be one of", "ErrChoice"},
	{"only programme organisations", "ErrProgrammeTypeEmployer"},
	{"is required", "ErrLength"},
	{"must be immediately, daily or inbox", "ErrChoice"},
	{"is not a notification kind", "ErrChoice"},
	{"must be an hour from", "ErrChoice"},
	{"is not an IANA time zone", "ErrTimeZone"},
}

// fieldLimits are the numbers the translated length messages need.
var fieldLimits = map[string]int{"organisation_name": 120, "org_name": 120, "name": 100}

// FieldMessage is the message for one field error of the API in v's
// language: the API writes them in English for its clients.
func (v *View) FieldMessage(fe errs.FieldError) string {
	for _, m := range fieldMessages {
		if !strings.HasPrefix(fe.Message, m.prefix) {
			continue
		}
		switch m.id {
		case "ErrPasswordShort", "ErrPasswordLong":
			return v.T(m.id, "Limit", firstNumber(fe.Message))
		case "ErrLength":
			if fieldLimits[fe.Field] == 0 {
				return v.T("ErrFieldInvalid")
			}
			return v.T(m.id, "Max", fieldLimits[fe.Field])
		}
		return v.T(m.id)
	}
	return v.T("ErrFieldInvalid")
}

// firstNumber returns the first whole number in s, or 0.
func firstNumber(s string) int {
	for _, word := range strings.Fields(s) {
		if n, err := strconv.Atoi(word); err == nil {
			return n
		}
	}
	return 0
}

// FormProblem puts a use case's error on the form in v: field errors next
// to their fields, other known problems above the form. It returns the
// status to answer with, and false for errors a form cannot explain.
func FormProblem(c *fiber.Ctx, v *View, err error) (int, bool) {
	var ve *errs.ValidationError
	var rl *errs.RateLimitedError
	var ap *Problem
	if errors.As(err, &ap) && ap.Status == fiber.StatusBadRequest {
		// The gateway's field errors, as if the use case had answered.
		err = &errs.ValidationError{Fields: ap.Errors}
	}
	switch {
	case errors.As(err, &rl):
		minutes := int(math.Ceil(rl.RetryAfter.Minutes()))
		if minutes < 1 {
			minutes = 1
		}
		c.Set(fiber.HeaderRetryAfter, strconv.Itoa(int(math.Ceil(rl.RetryAfter.Seconds()))))
		v.Alert = v.T("ErrTooManyAttempts", "Count", minutes)
		return fiber.StatusTooManyRequests, true
	case errors.As(err, &ve):
		for _, fe := range ve.Fields {
			v.AddError(fe.Field, v.FieldMessage(fe))
		}
		v.Alert = v.T("ErrCheckFields")
		return fiber.StatusUnprocessableEntity, true
	case errors.Is(err, errs.Conflict):
		// The conflicts these forms meet are an address already in use:
		// accepting an invitation for it, or inviting a member of the
		// organisation itself. Sign-up never reveals a taken address.
		v.AddError("email", v.T("ErrEmailTaken"))
		v.Alert = v.T("ErrCheckFields")
		return fiber.StatusConflict, true
	}
	return 0, false
}

// ErrorPage answers an error no form can explain with a page in the
// user's language. Server errors are logged with the request id only:
// never the path, which may hold an invitation token, nor any input.
func (k *Kit) ErrorPage(c *fiber.Ctx, err error) error {
	status, id := fiber.StatusInternalServerError, "ErrorServer"
	switch {
	case errors.Is(err, errs.NotFound):
		status, id = fiber.StatusNotFound, "ErrorNotFound"
	case errors.Is(err, ErrOrganisationNotVerified):
		status, id = fiber.StatusForbidden, "ErrorNotVerified"
	case errors.Is(err, ErrOrganisationSuspended):
		status, id = fiber.StatusForbidden, "ErrorSuspended"
	case errors.Is(err, errs.Forbidden):
		status, id = fiber.StatusForbidden, "ErrorForbidden"
	case errors.Is(err, errs.Unavailable):
		status = fiber.StatusServiceUnavailable
	}
	if status >= 500 {
		k.Logger.ErrorContext(c.UserContext(), "web page failed",
			"request_id", httpx.RequestID(c), "route", c.Route().Path, "status", status, "error", err.Error())
	}
	return k.Message(c, status, id)
}

// Message renders the plain message page: a heading (the message
// id+"Title"), a sentence (id+"Body") and a way back.
func (k *Kit) Message(c *fiber.Ctx, status int, id string) error {
	v := k.NewView(c, "")
	v.Data = messageData{Title: v.T(id + "Title"), Body: v.T(id + "Body")}
	return k.own.Render(c, status, "message", v)
}

type messageData struct {
	Title, Body string
}

// NotFound answers unknown paths with an HTML page when a browser asks for
// one; API clients get the platform's problem+json 404 further on.
func (k *Kit) NotFound(c *fiber.Ctx) error {
	if c.Method() != fiber.MethodGet || strings.HasPrefix(c.Path(), "/api/") || !strings.Contains(c.Get(fiber.HeaderAccept), "text/html") {
		return c.Next()
	}
	return k.Message(c, fiber.StatusNotFound, "ErrorNotFound")
}
