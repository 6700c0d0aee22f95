package launcher

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"
)

// hostile is one body of the corpus sent to a JSON endpoint. field, when
// set, is the field at fault, which a 400 must name.
type hostile struct {
	name  string
	body  []byte
	field string
}

// TestFuzzEveryJSONEndpoint sends a corpus of hostile bodies to every
// operation of the public API that takes a JSON body, as a caller the
// authorisation table allows, so each body reaches the endpoint's decoding
// and validation: malformed JSON, a body that is not an object, each field
// with a value of the wrong type, an unknown field, a body over the limit,
// deep nesting, control characters and huge numbers in every field. No
// answer may be a 5xx or take over ten seconds; every refusal is
// application/problem+json; a 400 for a fault in one field names it.
func TestFuzzEveryJSONEndpoint(t *testing.T) {
	p := stack(t)
	suiteContract(t)
	expected := parseTable(t)
	w := buildWorld(t, p)
	tried, byStatus := 0, map[string]int{}
	for _, op := range publicOperations(t) {
		call, ok := operations[op]
		if !ok {
			continue // TestAuthorisationMatrix names the missing call
		}
		actor, owner := allowedCaller(expected, op)
		if actor == "" {
			continue
		}
		var o *matrixOrg
		if call.objects != "" {
			o = w.objectOf(call.objects, actor, owner)
		}
		req := call.build(w, w.mineOf(actor), o)
		valid, ok := req.body.(map[string]any)
		if !ok {
			if m, isStrings := req.body.(map[string]string); isStrings {
				valid = map[string]any{}
				for k, v := range m {
					valid[k] = v
				}
			} else {
				continue // no JSON body
			}
		}
		for _, h := range corpus(valid) {
			start := time.Now()
			a, err := callRaw(p, w.tokens[actor], req.method, req.path, h.body)
			tried++
			where := fmt.Sprintf("%s (%s %s) with %s", op, req.method, req.path, h.name)
			switch {
			case err != nil && h.name == "a body over the limit" && isEarlyClose(err):
				// The server refused the body before reading it all.
				byStatus["closed early"]++
				continue
			case err != nil:
				t.Errorf("%s: %v after %s", where, err, time.Since(start).Round(time.Millisecond))
				continue
			case a.status >= 500:
				t.Errorf("%s: %d %.300s", where, a.status, a.body)
			case a.status >= 400 && !strings.HasPrefix(a.contentType, "application/problem+json"):
				t.Errorf("%s: %d as %q", where, a.status, a.contentType)
			case a.status == 400 && h.field != "" && !namesField(a.body, h.field):
				t.Errorf("%s: the 400 does not name %q: %.300s", where, h.field, a.body)
			}
			byStatus[bucket(a.status)]++
		}
	}
	t.Logf("fuzzing pass: %d hostile bodies sent: %s", tried, summary(byStatus))
}

// allowedCaller returns a caller the table lets call op with success, and
// on whose object: the own object where there is one.
func allowedCaller(expected map[string][]string, op string) (actor, owner string) {
	for _, owner := range []string{"own", "-", "other"} {
		want, ok := expected[op+" "+owner]
		if !ok {
			continue
		}
		for i, s := range want {
			if strings.HasPrefix(s, "2") {
				return actors[i], owner
			}
		}
	}
	return "", ""
}

// corpus builds the hostile bodies for an endpoint from a valid body. The
// ones that must be refused come first, so an accepted one (control
// characters, which issue 12 refuses in another change) cannot use up an
// object the others need.
func corpus(valid map[string]any) []hostile {
	raw, _ := json.Marshal(valid)
	out := []hostile{
		{"an empty body", nil, "body"},
		{"a truncated body", raw[:len(raw)/2], "body"},
		{"a lone brace", []byte(`{`), "body"},
		{"a missing value", []byte(`{"a":}`), "body"},
		{"two objects", append(append([]byte{}, raw...), raw...), "body"},
		{"an array", []byte(`[]`), "body"},
		{"a string", []byte(`"x"`), "body"},
		{"a number", []byte(`42`), "body"},
		{"an unknown field", withField(valid, "zz_unknown", 1), "zz_unknown"},
		{"a body over the limit", withField(valid, "zz_padding", strings.Repeat("a", 2<<20)), ""},
		{"deep nesting", withRawField(valid, "zz_deep", strings.Repeat("[", 100000)+strings.Repeat("]", 100000)), ""},
	}
	keys := slices.Sorted(func(yield func(string) bool) {
		for k := range valid {
			if !yield(k) {
				return
			}
		}
	})
	for _, k := range keys {
		out = append(out, hostile{"a wrong type in " + k, withField(valid, k, wrongType(valid[k])), k})
	}
	for _, k := range keys {
		switch valid[k].(type) {
		case string:
			out = append(out, hostile{"control characters in " + k, withField(valid, k, "a\u0000b\u001b[31m\u202ec\u200b"), ""})
		case int, int64, float64:
			out = append(out, hostile{"a huge number in " + k, withRawField(valid, k, "9223372036854775807"), ""},
				hostile{"a number beyond float64 in " + k, withRawField(valid, k, "1e400"), ""})
		}
	}
	return out
}

// wrongType is a value of another JSON type than v.
func wrongType(v any) any {
	switch v.(type) {
	case string:
		return 12345
	case bool:
		return "yes"
	case []string, []any:
		return map[string]any{"x": 1}
	case map[string]any:
		return []any{1, 2}
	}
	return "twelve"
}

func withField(valid map[string]any, k string, v any) []byte {
	m := make(map[string]any, len(valid)+1)
	for key, val := range valid {
		m[key] = val
	}
	m[k] = v
	raw, _ := json.Marshal(m)
	return raw
}

// withRawField is valid with k set to raw JSON text, which encoding/json
// would refuse to produce.
func withRawField(valid map[string]any, k, raw string) []byte {
	m := make(map[string]json.RawMessage, len(valid)+1)
	for key, val := range valid {
		m[key], _ = json.Marshal(val)
	}
	m[k] = json.RawMessage(raw)
	var b strings.Builder
	b.WriteString("{")
	first := true
	for key, val := range m {
		if !first {
			b.WriteString(",")
		}
		first = false
		name, _ := json.Marshal(key)
		b.Write(name)
		b.WriteString(":")
		b.Write(val)
	}
	b.WriteString("}")
	return []byte(b.String())
}

// namesField reports whether a problem's errors name field (or a field
// inside it).
func namesField(body []byte, field string) bool {
	var p struct {
		Errors []struct{ Field string }
	}
	if json.Unmarshal(body, &p) != nil {
		return false
	}
	for _, e := range p.Errors {
		if e.Field == field || strings.HasPrefix(e.Field, field+".") || strings.HasPrefix(e.Field, field+"[") {
			return true
		}
	}
	return false
}

// callRaw is call with body sent as it is, JSON or not.
func callRaw(p *platform, token, method, path string, body []byte) (answer, error) {
	if body == nil {
		body = []byte{}
	}
	return call(p, token, method, path, body)
}

// isEarlyClose reports whether err is the server closing the connection
// while the client still wrote, which is how fasthttp refuses a body over
// its limit when it has not read the whole of it.
func isEarlyClose(err error) bool {
	return errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.EPIPE)
}
