// Package fuzztest holds what the request-decoder fuzz targets of every
// service share: a seed corpus of hostile JSON bodies and the property
// every decoder must keep. A decoder may accept a body or refuse it, but a
// refusal must be a client error (errs.InvalidArgument, answered 400) that
// names each field at fault, never a panic or an error the one error
// handler would answer with a 5xx.
package fuzztest

import (
	"errors"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
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
