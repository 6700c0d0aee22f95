package config

import (
	"fmt"
	"reflect"
	"sort"
)

// Masked returns every environment variable the struct reads, with its
// effective value, and "***" in place of any field tagged `secret:"true"`.
// It is meant for a log line at start-up.
func Masked(cfg any) map[string]string {
	out := make(map[string]string)
	walk(reflect.ValueOf(cfg), func(f reflect.StructField, v reflect.Value) {
		name := f.Tag.Get("env")
		if name == "" {
			return
		}
		switch {
		case f.Tag.Get("secret") == "true" && !v.IsZero():
			out[name] = "***"
		default:
			out[name] = fmt.Sprint(v.Interface())
		}
	})
	return out
}

// Attrs returns Masked as alternating key/value pairs sorted by key, ready
// for slog.Info("config", config.Attrs(cfg)...).
func Attrs(cfg any) []any {
	m := Masked(cfg)
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	attrs := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		attrs = append(attrs, k, m[k])
	}
	return attrs
}

func envNames(t reflect.Type) map[string]string {
	names := make(map[string]string)
	walk(reflect.New(derefType(t)), func(f reflect.StructField, _ reflect.Value) {
		if name := f.Tag.Get("env"); name != "" {
			names[f.Name] = name
		}
	})
	return names
}

// walk visits every exported leaf field, descending into embedded and nested
// structs that carry no env tag of their own.
func walk(v reflect.Value, visit func(reflect.StructField, reflect.Value)) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return
	}
	t := v.Type()
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		fv := v.Field(i)
		if f.Type.Kind() == reflect.Struct && f.Tag.Get("env") == "" && f.Type.PkgPath() != "time" {
			walk(fv, visit)
			continue
		}
		visit(f, fv)
	}
}

func derefType(t reflect.Type) reflect.Type {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t
}
