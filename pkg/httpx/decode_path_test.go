package httpx

import (
	"errors"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
)

type siteBody struct {
	Name  string `json:"name"`
	Site  *site  `json:"site"`
	Sites []site `json:"sites"`
	Tags  map[string]site
}

type site struct {
	City    string   `json:"city"`
	Address location `json:"address"`
}

type location struct {
	Street string `json:"street"`
}

// TestUnknownFieldsNamedWithTheirPath: a nested unknown field is named by
// its whole path ("site.extra"), as field errors of validation are, so a
// client knows which "extra" to drop.
func TestUnknownFieldsNamedWithTheirPath(t *testing.T) {
	t.Parallel()
	for body, want := range map[string]string{
		`{"name":"a","extra":1}`:                                        "extra",
		`{"name":"a","site":{"city":"Gent","extra":1}}`:                 "site.extra",
		`{"site":{"address":{"street":"x","floor":2}}}`:                 "site.address.floor",
		`{"sites":[{"city":"Gent"},{"city":"Gent","extra":true}]}`:      "sites[1].extra",
		`{"Tags":{"home":{"city":"Gent","extra":"x"}}}`:                 "Tags.home.extra",
		`{"SITE":{"City":"Gent","extra":1}}`:                            "SITE.extra",
		`{"site":{"city":"Gent"},"sites":[{"address":{"zip":"9000"}}]}`: "sites[0].address.zip",
	} {
		err := DecodeJSONBytes([]byte(body), &siteBody{})
		var ve *errs.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != want {
			t.Errorf("%s: %v, want the field %q named", body, err, want)
		}
	}
}
