package httpx

import (
	"reflect"
	"strconv"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"

	"github.com/onward-jobs/onward/pkg/errs"
)

// multiLineFields are the JSON names of free-text fields a person types
// into a text area, where line breaks and tabs are legitimate. Every other
// string (names, titles, ids) is a single line.
var multiLineFields = map[string]bool{
	"description": true, "evidence": true, "note": true, "notes": true, "message": true,
	"reason": true, "summary": true, "text": true, "body": true, "comment": true, "statement": true,
}

// cleanText checks and normalises every string a decoded body holds
// (walking structs, pointers, slices and maps, naming each field as
// validation errors do): control characters (Unicode Cc) and invisible
// formatting characters (Cf: bidi overrides, zero-width spaces, the byte
// order mark) are refused, but for line breaks and tabs in the free-text
// fields of multiLineFields; and the text is normalised to NFC, so the
// same name typed with a combining accent or a precomposed letter is
// stored, compared and searched as one. Passwords are left exactly as
// typed: they are hashed, never shown, and normalising them would change
// what existing hashes were made from.
func cleanText(v reflect.Value, path, name string) error {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if v.IsNil() {
			return nil
		}
		if v.Kind() == reflect.Interface {
			// A value behind an interface cannot be set: check it only.
			return cleanText(reflect.ValueOf(v.Elem().Interface()), path, name)
		}
		return cleanText(v.Elem(), path, name)
	case reflect.Struct:
		t := v.Type()
		for i := range t.NumField() {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			jsonName, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if jsonName == "-" {
				continue
			}
			childPath := path
			if !f.Anonymous || jsonName != "" {
				if jsonName == "" {
					jsonName = f.Name
				}
				childPath = join(path, jsonName)
			}
			if err := cleanText(v.Field(i), childPath, jsonName); err != nil {
				return err
			}
		}
	case reflect.Slice, reflect.Array:
		if v.Type().Elem().Kind() == reflect.Uint8 {
			return nil // raw bytes, such as json.RawMessage
		}
		for i := range v.Len() {
			if err := cleanText(v.Index(i), path+"["+strconv.Itoa(i)+"]", name); err != nil {
				return err
			}
		}
	case reflect.Map:
		return cleanMap(v, path, name)
	case reflect.String:
		return cleanString(v, path, name)
	}
	return nil
}

func cleanMap(v reflect.Value, path, name string) error {
	iter := v.MapRange()
	for iter.Next() {
		key := iter.Key()
		keyPath := join(path, key.String())
		if key.Kind() == reflect.String {
			if err := checkText(key.String(), keyPath, false); err != nil {
				return err
			}
		}
		elem := reflect.New(iter.Value().Type()).Elem()
		elem.Set(iter.Value())
		if err := cleanText(elem, keyPath, name); err != nil {
			return err
		}
		v.SetMapIndex(key, elem)
	}
	return nil
}

func cleanString(v reflect.Value, path, name string) error {
	if strings.Contains(strings.ToLower(name), "password") {
		return nil
	}
	s := v.String()
	if err := checkText(s, path, multiLineFields[name]); err != nil {
		return err
	}
	if !norm.NFC.IsNormalString(s) && v.CanSet() {
		v.SetString(norm.NFC.String(s))
	}
	return nil
}

// checkText refuses control and formatting characters in s, but for line
// breaks and tabs when multiLine.
func checkText(s, path string, multiLine bool) error {
	for _, r := range s {
		if multiLine && (r == '\n' || r == '\r' || r == '\t') {
			continue
		}
		if unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r) {
			if r == '\n' || r == '\r' || r == '\t' {
				return errs.Invalid(path, "must be a single line")
			}
			return errs.Invalid(path, "must not contain control or invisible formatting characters (found U+%04X)", r)
		}
	}
	return nil
}
