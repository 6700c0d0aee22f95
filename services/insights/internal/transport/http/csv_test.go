package http

import (
	"encoding/csv"
	"fmt"
	"strings"
	"testing"
)

// TestCSVCarriesTheJSONsSuppression asks for the same reports as JSON and
// as CSV: the CSV is an attachment named after the scope and months, and
// every count of the JSON reads the same in the CSV (its number, fewer
// than 5 or not shown), one suppression for both; no field starts a
// formula.
func TestCSVCarriesTheJSONsSuppression(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	for _, c := range []struct{ who, query, filename string }{
		{"admin", "group_by=setting", "onward-outcomes-platform-2025-04-2026-03.csv"},
		{"admin", "from=2025-06&to=2025-09&group_by=region", "onward-outcomes-platform-2025-06-2025-09.csv"},
		{"adminA", "group_by=contract", "onward-outcomes-org-a-2025-04-2026-03.csv"},
		{"adminA", "programme=prog-a1&from=2025-10", "onward-outcomes-prog-a1-2025-10-2026-03.csv"},
	} {
		js := h.call(t, c.who, "GET", "/api/v1/insights/outcomes?"+c.query)
		cv := h.call(t, c.who, "GET", "/api/v1/insights/outcomes?format=csv&"+c.query)
		if js.status != 200 || cv.status != 200 {
			t.Fatalf("%s ?%s: %d and %d", c.who, c.query, js.status, cv.status)
		}
		if ct := cv.header.Get("Content-Type"); !strings.HasPrefix(ct, "text/csv") {
			t.Errorf("?%s: content type %q", c.query, ct)
		}
		if cd := cv.header.Get("Content-Disposition"); cd != `attachment; filename="`+c.filename+`"` {
			t.Errorf("?%s: %s", c.query, cd)
		}
		rows, err := csv.NewReader(strings.NewReader(cv.raw)).ReadAll()
		if err != nil {
			t.Fatal(err)
		}
		csvValues := map[string]string{}
		for _, r := range rows[1:] {
			csvValues[strings.Join(r[:5], ",")] = r[5]
			for _, f := range r {
				if f != "" && strings.ContainsRune("=+-@", rune(f[0])) {
					t.Errorf("?%s: a formula in the CSV: %q", c.query, f)
				}
			}
		}
		want := jsonCounts(js.body)
		if len(want) < 50 {
			t.Fatalf("?%s: only %d counts in the JSON", c.query, len(want))
		}
		for key, label := range want {
			if csvValues[key] != label {
				t.Errorf("?%s: %s reads %q in the CSV and %q in the JSON", c.query, key, csvValues[key], label)
			}
		}
	}
}

// jsonCounts lists the counts of a JSON report by their CSV row key
// (section,dimension,group,month,measure) and label.
func jsonCounts(body map[string]any) map[string]string {
	out := map[string]string{}
	dim := "all"
	groupBy, _ := body["group_by"].(string)
	scope := body["scope"].(map[string]any)
	programme, _ := scope["programme_id"].(string)
	for i, f := range list(body["funnel"]) {
		d := dim
		switch {
		case programme != "":
			d = "programme"
		case i > 0:
			d = groupBy
		}
		g := defuse(f["group"].(string))
		for _, s := range list(f["steps"]) {
			out[strings.Join([]string{"funnel", d, g, "", s["step"].(string)}, ",")] = label(s["count"])
		}
		for _, r := range list(f["retention"]) {
			day := fmt.Sprint(r["day"])
			for _, state := range []string{"working", "not_working", "unknown"} {
				out[strings.Join([]string{"retention", d, g, "", state + "_" + day}, ",")] = label(r[state])
			}
		}
	}
	trendDim, trendGroup := "all", "all"
	if programme != "" {
		trendDim, trendGroup = "programme", programme
	}
	for _, m := range list(body["trends"]) {
		for _, s := range list(m["steps"]) {
			out[strings.Join([]string{"trends", trendDim, trendGroup, m["month"].(string), s["step"].(string)}, ",")] = label(s["count"])
		}
	}
	for _, fd := range list(body["fairness"]) {
		d := fd["dimension"].(string)
		for _, c := range list(fd["comparisons"]) {
			for _, g := range list(c["groups"]) {
				group := defuse(g["group"].(string))
				out[strings.Join([]string{"fairness", d, group, "", "consenting"}, ",")] = label(g["base"])
				out[strings.Join([]string{"fairness", d, group, "", c["step"].(string)}, ",")] = label(g["reached"])
			}
		}
	}
	if emps, ok := body["employers"]; ok {
		for _, e := range list(emps) {
			for _, s := range list(e["steps"]) {
				out[strings.Join([]string{"employers", "employer", defuse(e["employer_org_id"].(string)), "", s["step"].(string)}, ",")] = label(s["count"])
			}
		}
	}
	return out
}

func list(v any) []map[string]any {
	var out []map[string]any
	items, _ := v.([]any)
	for _, it := range items {
		out = append(out, it.(map[string]any))
	}
	return out
}

// label is what the CSV prints for a JSON count.
func label(v any) string {
	c := v.(map[string]any)
	switch c["status"] {
	case "shown":
		return fmt.Sprint(c["value"])
	case "fewer_than_5":
		return "fewer than 5"
	}
	return "not shown"
}

func defuse(s string) string {
	if s != "" && strings.ContainsRune("=+-@\t\r", rune(s[0])) {
		return "'" + s
	}
	return s
}

// TestNoSmallCountIsPublished walks every count of every view of the
// reports: a shown count is 5 or more, and a suppressed one carries no
// value.
func TestNoSmallCountIsPublished(t *testing.T) {
	t.Parallel()
	h := newHarness(t)
	seen := map[string]int{}
	for _, who := range []string{"admin", "adminA", "adminB"} {
		for _, q := range []string{"", "group_by=setting", "group_by=region", "group_by=programme", "group_by=occupation", "from=2026-03"} {
			a := h.call(t, who, "GET", "/api/v1/insights/outcomes?"+q)
			if a.status != 200 {
				t.Fatalf("%s ?%s: %d", who, q, a.status)
			}
			walkCounts(a.body, func(c map[string]any) {
				seen[c["status"].(string)]++
				v, has := c["value"].(float64)
				if (c["status"] == "shown") != has || (has && v < 5) {
					t.Errorf("%s ?%s publishes %v", who, q, c)
				}
			})
		}
	}
	if seen["shown"] == 0 || seen["fewer_than_5"] == 0 {
		t.Errorf("the population shows too little to test: %v", seen)
	}
	t.Logf("counts by status: %v", seen)
}

// walkCounts calls f on every object of v with a status, at any depth.
func walkCounts(v any, f func(map[string]any)) {
	switch x := v.(type) {
	case map[string]any:
		if _, ok := x["status"].(string); ok {
			f(x)
			return
		}
		for _, y := range x {
			walkCounts(y, f)
		}
	case []any:
		for _, y := range x {
			walkCounts(y, f)
		}
	}
}
