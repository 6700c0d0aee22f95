package httpx_test

import (
	"errors"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/pkg/httpx/fuzztest"
)

// fuzzBody has a field of each kind the services' request bodies use, with
// validation rules, so the strict decoder meets every path it has.
type fuzzBody struct {
	Name   string `json:"name" validate:"required,max=20"`
	Count  *int64 `json:"count" validate:"omitempty,min=0,max=100"`
	Email  string `json:"email" validate:"omitempty,email"`
	List   []int  `json:"list" validate:"max=50"`
	Kind   string `json:"kind" validate:"omitempty,oneof=a b"`
	Date   string `json:"date" validate:"omitempty,datetime=2006-01-02"`
	Nested *struct {
		A    int    `json:"a"`
		Code string `json:"code" validate:"omitempty,len=2"`
	} `json:"nested"`
}

// FuzzDecodeJSONBytes checks the strict JSON decoder every service uses:
// whatever the body, it accepts it or refuses it with a 400 naming the
// field at fault. `go test` runs the seed corpus; `go test -fuzz
// FuzzDecodeJSONBytes ./httpx` explores further.
func FuzzDecodeJSONBytes(f *testing.F) {
	fuzztest.AddSeeds(f, `{"name":"Ana","count":3,"email":"a@b.be","list":[1],"kind":"a","date":"2026-01-02","nested":{"a":1,"code":"nl"}}`,
		`{"name":"Ana","count":101}`, `{"name":"Ana","email":"nope"}`, `{"name":"Ana","nested":{"code":"x"}}`, `{"name":"Ana","date":"02/01/2026"}`)
	f.Fuzz(func(t *testing.T, body []byte) {
		var dst fuzzBody
		fuzztest.CheckRefusal(t, body, httpx.DecodeJSONBytes(body, &dst))
	})
}

type embeddedPart struct {
	From  string `json:"from"`
	Place struct {
		ID string `json:"place_id"`
	} `json:"place"`
}

type embeddingBody struct {
	Version int64 `json:"version"`
	embeddedPart
}

// TestDecodeNamesEmbeddedFieldsAsSent checks that a wrong type in a field
// of an embedded struct is named as the client sent it, not with the Go
// name of the struct that holds it.
func TestDecodeNamesEmbeddedFieldsAsSent(t *testing.T) {
	for body, want := range map[string]string{
		`{"from":1}`:               "from",
		`{"place":{"place_id":1}}`: "place.place_id",
		`{"version":"x"}`:          "version",
	} {
		var dst embeddingBody
		err := httpx.DecodeJSONBytes([]byte(body), &dst)
		var ve *errs.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != want {
			t.Errorf("%s: %v; want one error on %q", body, err, want)
		}
	}
}
