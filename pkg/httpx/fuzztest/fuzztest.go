// Package fuzztest holds what the request-decoder fuzz targets of every
// service share: a seed corpus of hostile JSON bodies and the property
// every decoder must keep. A decoder may accept a body or refuse it, but a
// refusal must be a client error (errs.InvalidArgument, answered 400) that
// names each field at fault, never a panic or an error the one error
// handler would answer with a 5xx.
package fuzztest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"maps"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// Seeds are hostile bodies every decoder's corpus starts from: malformed
// JSON, wrong types, deep nesting, huge numbers, control characters,
// unknown and duplicate fields, and trailing data.
var Seeds = []string{
	``, ` `, `null`, `{}`, `[]`, `"x"`, `0`, `true`, `{`, `}`, `{"a":}`, `{"a" 1}`, `{,}`,
	`{"name":"x"}{"name":"y"}`, `{"name":"x"} trailing`, `{"unknown":1}`, `{"nested":{"unknown":1}}`,
	`{"name":1}`, `{"name":true}`, `{"name":[]}`, `{"name":{}}`, `{"name":null}`,
	`{"count":"12"}`, `{"count":1e309}`, `{"count":9223372036854775807}`, `{"count":-9223372036854775809}`,
	`{"count":1.5}`, `{"count":-0}`, `{"count":0x10}`, `{"count":NaN}`,
	`{"name":"\u0000"}`, `{"name":"\u001b[31mred"}`, `{"name":"\u202eevil"}`, `{"name":"\ud800"}`,
	"{\"name\":\"\xff\xfe\"}", `{"name":"` + strings.Repeat("a", 70000) + `"}`,
	strings.Repeat(`[`, 10000) + strings.Repeat(`]`, 10000),
	`{"nested":` + strings.Repeat(`{"a":`, 5000) + `1` + strings.Repeat(`}`, 5000) + `}`,
	`{"list":[` + strings.Repeat(`1,`, 10000) + `1]}`,
	`{"name":"x","name":"y"}`, `{"__proto__":{}}`, `{"$where":"1"}`, `{"name":{"$ne":null}}`,
	"\ufeff{}", `{"name":"x"` + "\x00" + `}`,
}

// AddSeeds adds Seeds and extra to f's corpus.
func AddSeeds(f *testing.F, extra ...string) {
	for _, s := range append(append([]string(nil), Seeds...), extra...) {
		f.Add([]byte(s))
	}
}

// CheckRefusal fails t unless err, a decoder's answer to a body, is nil or
// a client error naming every field at fault.
func CheckRefusal(t *testing.T, body []byte, err error) {
	t.Helper()
	if err == nil {
		return
	}
	if !errors.Is(err, errs.InvalidArgument) {
		t.Fatalf("body %.120q: %v is not an invalid-argument error (it would be answered 5xx)", body, err)
	}
	var ve *errs.ValidationError
	if !errors.As(err, &ve) || len(ve.Fields) == 0 {
		t.Fatalf("body %.120q: %v names no field", body, err)
	}
	for _, fe := range ve.Fields {
		if fe.Field == "" || fe.Message == "" {
			t.Fatalf("body %.120q: a field error without a field or a message: %+v", body, fe)
		}
	}
}

// Decoders are a service's request decoders by name: each reads the body
// of c as its handler does (decoding, converting to the domain, validating)
// and returns what the handler would return before calling a use case.
type Decoders map[string]func(c *fiber.Ctx) error

// Fuzz runs decoders under f: every seed (Seeds, then extra) is sent to
// every decoder, and the fuzzer's inputs to the decoder it picks. Each goes
// through a Fiber app with the services' one error handler and body limit,
// and the answer must be 204 (accepted) or a 4xx problem+json; a 400 must
// name each field at fault. `go test` runs the seed corpus only.
func Fuzz(f *testing.F, decoders Decoders, extra ...string) {
	names := slices.Sorted(maps.Keys(decoders))
	app := fiber.New(fiber.Config{ErrorHandler: httpx.ErrorHandler(slog.New(slog.DiscardHandler)), BodyLimit: 1 << 20})
	for name, decode := range decoders {
		app.Post("/"+name, func(c *fiber.Ctx) error {
			if err := decode(c); err != nil {
				return err
			}
			return c.SendStatus(fiber.StatusNoContent)
		})
	}
	for i := range names {
		for _, s := range append(append([]string(nil), Seeds...), extra...) {
			f.Add(uint8(i), []byte(s))
		}
	}
	f.Fuzz(func(t *testing.T, pick uint8, body []byte) {
		name := names[int(pick)%len(names)]
		req := httptest.NewRequest(fiber.MethodPost, "/"+name, bytes.NewReader(body))
		req.Header.Set(fiber.HeaderContentType, fiber.MIMEApplicationJSON)
		resp, err := app.Test(req, 10_000)
		if err != nil {
			t.Fatalf("%s, body %.120q: %v", name, body, err)
		}
		defer resp.Body.Close()
		raw, _ := io.ReadAll(resp.Body)
		switch {
		case resp.StatusCode == fiber.StatusNoContent:
			return
		case resp.StatusCode >= 500 || resp.StatusCode < 400:
			t.Fatalf("%s, body %.120q: answered %d %s", name, body, resp.StatusCode, raw)
		case !strings.HasPrefix(resp.Header.Get(fiber.HeaderContentType), httpx.ProblemContentType):
			t.Fatalf("%s, body %.120q: answered %d as %q", name, body, resp.StatusCode, resp.Header.Get(fiber.HeaderContentType))
		}
		var p httpx.Problem
		if err := json.Unmarshal(raw, &p); err != nil {
			t.Fatalf("%s, body %.120q: the problem is not JSON: %s", name, body, raw)
		}
		if resp.StatusCode != fiber.StatusBadRequest {
			return
		}
		if len(p.Errors) == 0 {
			t.Fatalf("%s, body %.120q: a 400 that names no field: %s", name, body, raw)
		}
		for _, fe := range p.Errors {
			if fe.Field == "" || fe.Message == "" {
				t.Fatalf("%s, body %.120q: a field error without a field or a message: %s", name, body, raw)
			}
		}
	})
}
