package testkit

import (
	"encoding/json"
	"strings"
	"testing"
)

// NDJSONByID reads a stream of JSON lines, as the internal listings answer
// (one object per line, then {"end":true,"count":n}), into a map by each
// object's "id". It fails the test when a line is not JSON, an object has
// no string id, or the stream does not end with an end line counting the
// objects: a stream cut short is never taken for a whole one.
func NDJSONByID(t testing.TB, raw string) map[string]map[string]any {
	t.Helper()
	out := map[string]map[string]any{}
	lines := strings.Split(strings.TrimSpace(raw), "\n")
	for _, l := range lines[:len(lines)-1] {
		var item map[string]any
		if err := json.Unmarshal([]byte(l), &item); err != nil {
			t.Fatalf("line %q: %v", l, err)
		}
		id, ok := item["id"].(string)
		if !ok {
			t.Fatalf("line %q has no string id", l)
		}
		out[id] = item
	}
	var end struct {
		End   bool
		Count int
	}
	if err := json.Unmarshal([]byte(lines[len(lines)-1]), &end); err != nil || !end.End || end.Count != len(out) {
		t.Fatalf("last line %q: want an end line counting %d items", lines[len(lines)-1], len(out))
	}
	return out
}
