package httpx

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

var validate = newValidator()

func newValidator() *validator.Validate {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		return name
	})
	return v
}

// DecodeJSON reads the request body into dst strictly: the content type
// must be JSON, unknown fields are rejected, there must be exactly one JSON
// value, and the struct's `validate` tags must hold. Every failure is an
// errs.InvalidArgument naming the field in its JSON spelling.
func DecodeJSON(c *fiber.Ctx, dst any) error {
	ct := strings.ToLower(c.Get(fiber.HeaderContentType))
	if !strings.HasPrefix(ct, fiber.MIMEApplicationJSON) {
		return errs.Invalid("body", "the body must be JSON with Content-Type application/json")
	}
	return DecodeJSONBytes(c.Body(), dst)
}

// DecodeJSONBytes is DecodeJSON for a body already in hand.
func DecodeJSONBytes(body []byte, dst any) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.DisallowUnknownFields()
	if err := dec.Decode(dst); err != nil {
		return decodeError(err, body, dst)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		return errs.Invalid("body", "the body must hold a single JSON object")
	}
	if err := cleanText(reflect.ValueOf(dst), "", ""); err != nil {
		return err
	}
	return Validate(dst)
}

// Validate checks the struct's `validate` tags and reports each failing
// field by its JSON name.
func Validate(v any) error {
	err := validate.Struct(v)
	if err == nil {
		return nil
	}
	var fieldErrs validator.ValidationErrors
	if !errors.As(err, &fieldErrs) {
		return fmt.Errorf("validate: %w", errs.InvalidArgument)
	}
	out := &errs.ValidationError{}
	for _, fe := range fieldErrs {
		out.Fields = append(out.Fields, errs.FieldError{Field: fieldPath(fe), Message: message(fe)})
	}
	return out
}

// decodeError names what was wrong with body. encoding/json names an
// unknown field without its parents, so its path is looked up in body
// against dst's type; a wrong type is named by its path as sent.
func decodeError(err error, body []byte, dst any) error {
	var syntax *json.SyntaxError
	var typeErr *json.UnmarshalTypeError
	switch {
	case errors.Is(err, io.EOF):
		return errs.Invalid("body", "the body is empty")
	case errors.As(err, &syntax), errors.Is(err, io.ErrUnexpectedEOF):
		return errs.Invalid("body", "the body is not valid JSON")
	case errors.As(err, &typeErr) && typeErr.Field == "":
		// The body itself has the wrong type: an array, a string, a number.
		return errs.Invalid("body", "the body must be a JSON object")
	case errors.As(err, &typeErr):
		return errs.Invalid(jsonPath(reflect.TypeOf(dst), typeErr.Field), "must be a %s", typeErr.Type.Kind())
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		field := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return errs.Invalid(unknownFieldPath(body, reflect.TypeOf(dst), field), "is not a known field")
	}
	return errs.Invalid("body", "the body could not be read as JSON")
}

// fieldPath drops the top-level struct name validator puts first.
func fieldPath(fe validator.FieldError) string {
	ns := fe.Namespace()
	if _, rest, ok := strings.Cut(ns, "."); ok {
		return rest
	}
	return fe.Field()
}

// message says in words what a validation rule demands.
func message(fe validator.FieldError) string {
	switch fe.Tag() {
	case "required":
		return "is required"
	case "email":
		return "must be an e-mail address"
	case "min":
		return "must be at least " + fe.Param() + " characters long"
	case "max":
		return "must be at most " + fe.Param() + " characters long"
	case "oneof":
		return "must be one of: " + strings.ReplaceAll(fe.Param(), " ", ", ")
	case "len":
		return "must be exactly " + fe.Param() + " long"
	case "datetime":
		return "must be a date or time in the form " + fe.Param()
	}
	return "fails the rule " + fe.Tag()
}

// jsonPath turns the path encoding/json gives a type error ("inner.from",
// where inner is an embedded struct's Go name) into the field's path as
// the client spells it ("from"): segments naming an embedded struct are
// dropped.
func jsonPath(t reflect.Type, path string) string {
	var out []string
	for _, seg := range strings.Split(path, ".") {
		for t != nil && (t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Array || t.Kind() == reflect.Map) {
			t = t.Elem()
		}
		if t == nil || t.Kind() != reflect.Struct {
			out = append(out, seg)
			t = nil
			continue
		}
		if f, ok := t.FieldByName(seg); ok && f.Anonymous && f.Tag.Get("json") == "" {
			t = f.Type
			continue
		}
		out = append(out, seg)
		t = fieldByJSONName(t, seg)
	}
	return strings.Join(out, ".")
}

// fieldByJSONName is the type of t's field (embedded ones included) that
// JSON spells name, or nil.
func fieldByJSONName(t reflect.Type, name string) reflect.Type {
	for _, f := range reflect.VisibleFields(t) {
		tag, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if tag == name || (tag == "" && strings.EqualFold(f.Name, name)) {
			return f.Type
		}
	}
	return nil
}
