package staff

import (
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The closed lists the staff forms offer, as the API spells them; each is
// named by a message of the kit ("Nace_<code>", "Day_<day>",
// "Contract_<kind>").
var (
	naceSections = []string{"A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N", "O", "P", "Q", "R", "S", "T", "U"}
	contracts    = []string{"permanent", "fixed_term", "temporary", "apprenticeship", "work_placement"}
	weekdays     = []string{"mon", "tue", "wed", "thu", "fri", "sat", "sun"}
	skillLevels  = []int{1, 2, 3, 4}
)

// onlyKnown keeps the values that are in known, in their order, so a
// crafted form cannot send anything else.
func onlyKnown(values, known []string) []string {
	var out []string
	for _, v := range values {
		if slices.Contains(known, v) && !slices.Contains(out, v) {
			out = append(out, v)
		}
	}
	return out
}

// levelText is the description of a skill level from 1 to 4.
func levelText(v *kit.View, level int) string {
	return v.T("Level_" + strconv.Itoa(kit.ClampLevel(level)))
}

// reviewLine is one labelled value of a summary list.
type reviewLine struct {
	Label, Value string
}

// formField is the form field an API field error names: "site.place_id"
// is the site, "languages[0].level" the languages.
func formField(apiField string) string {
	if i := strings.IndexAny(apiField, ".["); i >= 0 {
		return apiField[:i]
	}
	return apiField
}

// candidateURL is the address of a candidate's page, or one of its
// sub-pages.
func candidateURL(id string, sub ...string) string {
	p := "/candidates/" + url.PathEscape(id)
	for _, s := range sub {
		p += "/" + s
	}
	return p
}

// programmeURL is the address of a programme's page, or one of its
// sub-pages.
func programmeURL(id string, sub ...string) string {
	p := "/programmes/" + url.PathEscape(id)
	for _, s := range sub {
		p += "/" + s
	}
	return p
}

// queryString is "?" and the encoded query, or "" for none.
func queryString(q url.Values) string {
	if len(q) == 0 {
		return ""
	}
	return "?" + q.Encode()
}

// optional points to s, or is nil for an empty s: an optional field left out.
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
