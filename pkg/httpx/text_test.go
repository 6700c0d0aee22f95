package httpx

import (
	"errors"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
)

type textBody struct {
	Name        string            `json:"name"`
	Description string            `json:"description"`
	Password    string            `json:"password"`
	Nickname    *string           `json:"nickname"`
	Sites       []textSite        `json:"sites"`
	Labels      map[string]string `json:"labels"`
}

type textSite struct {
	Title string `json:"title"`
}

// TestTextRefusesControlAndFormatCharacters: names and titles with NUL,
// ANSI escapes, bidi overrides or zero-width characters are refused,
// naming the field; a description may hold line breaks; nothing else may.
func TestTextRefusesControlAndFormatCharacters(t *testing.T) {
	t.Parallel()
	for body, field := range map[string]string{
		`{"name":"Ana\u0000"}`:                           "name",
		`{"name":"\u001b[31mAna\u001b[0m"}`:              "name",
		`{"name":"Ana\u202egnp.exe"}`:                    "name",
		`{"name":"A\u200bna"}`:                           "name",
		`{"name":"Ana\u2066x\u2069"}`:                    "name",
		`{"name":"Ana\nPeeters"}`:                        "name",
		`{"name":"Ana\u0085"}`:                           "name",
		`{"description":"line\u0007"}`:                   "description",
		`{"description":"a\u200fb"}`:                     "description",
		`{"nickname":"\ufeffAna"}`:                       "nickname",
		`{"sites":[{"title":"ok"},{"title":"x\u0000"}]}`: "sites[1].title",
		`{"labels":{"home":"x\u202dy"}}`:                 "labels.home",
	} {
		err := DecodeJSONBytes([]byte(body), &textBody{})
		var ve *errs.ValidationError
		if !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != field {
			t.Errorf("%s: %v, want %q refused", body, err, field)
		}
	}
}

// TestTextIsNormalisedToNFC: the same name typed with a combining accent
// or a precomposed letter is stored the same way; a description keeps its
// line breaks; a password is left exactly as typed.
func TestTextIsNormalisedToNFC(t *testing.T) {
	t.Parallel()
	var got textBody
	body := `{"name":"Jose\u0301","description":"Roasting\r\n\tand packing","password":"Jose\u0301","nickname":"Ame\u0301lie","sites":[{"title":"Cafe\u0301"}],"labels":{"a":"e\u0301"}}`
	if err := DecodeJSONBytes([]byte(body), &got); err != nil {
		t.Fatal(err)
	}
	if got.Name != "José" || *got.Nickname != "Amélie" || got.Sites[0].Title != "Café" || got.Labels["a"] != "é" {
		t.Errorf("not NFC: %+q %+q %+q %+q", got.Name, *got.Nickname, got.Sites[0].Title, got.Labels["a"])
	}
	if got.Description != "Roasting\r\n\tand packing" {
		t.Errorf("description changed: %q", got.Description)
	}
	if got.Password != "Jose\u0301" {
		t.Errorf("password changed: %q", got.Password)
	}
}
