package httpx

import (
	"encoding/json"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// unknownFieldPath finds where in body the unknown field leaf (as
// encoding/json names it, without its parents) sits for a value of type
// t, and returns its whole path in the spelling of validation errors
// ("site.extra", "sites[1].extra"). It returns leaf when no such path is
// found, for a type that decodes itself, say.
func unknownFieldPath(body []byte, t reflect.Type, leaf string) string {
	if path, ok := findUnknown(body, t, "", leaf); ok {
		return path
	}
	return leaf
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

func findUnknown(data []byte, t reflect.Type, prefix, leaf string) (string, bool) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return "", false
	}
	switch t.Kind() {
	case reflect.Struct:
		var obj map[string]json.RawMessage
		if json.Unmarshal(data, &obj) != nil {
			return "", false
		}
		for _, key := range sortedKeys(obj) {
			field, known := fieldFor(t, key)
			if !known {
				if key == leaf {
					return join(prefix, key), true
				}
				continue
			}
			if path, ok := findUnknown(obj[key], field, join(prefix, key), leaf); ok {
				return path, true
			}
		}
	case reflect.Map:
		var obj map[string]json.RawMessage
		if json.Unmarshal(data, &obj) != nil {
			return "", false
		}
		for _, key := range sortedKeys(obj) {
			if path, ok := findUnknown(obj[key], t.Elem(), join(prefix, key), leaf); ok {
				return path, true
			}
		}
	case reflect.Slice, reflect.Array:
		var list []json.RawMessage
		if json.Unmarshal(data, &list) != nil {
			return "", false
		}
		for i, item := range list {
			if path, ok := findUnknown(item, t.Elem(), prefix+"["+strconv.Itoa(i)+"]", leaf); ok {
				return path, true
			}
		}
	}
	return "", false
}

// fieldFor returns the type of t's field that encoding/json fills from
// key: an exact match of the JSON name first, then one differing in case
// only, as encoding/json does.
func fieldFor(t reflect.Type, key string) (reflect.Type, bool) {
	var folded reflect.Type
	for _, f := range reflect.VisibleFields(t) {
		if !f.IsExported() || f.Anonymous && f.Tag.Get("json") == "" {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			continue
		}
		if name == "" {
			name = f.Name
		}
		if name == key {
			return f.Type, true
		}
		if folded == nil && strings.EqualFold(name, key) {
			folded = f.Type
		}
	}
	return folded, folded != nil
}

func sortedKeys(obj map[string]json.RawMessage) []string {
	keys := make([]string, 0, len(obj))
	for k := range obj {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func join(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}
