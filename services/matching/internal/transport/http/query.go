package http

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/skills"
)

// Query limits. A search box never needs more than 100 characters, and a
// page of suggestions more than 50 items.
const (
	maxQueryRunes = 100
	defaultLimit  = 10
	maxLimit      = 50
)

// HeaderLanguageFallback says that the requested language is not offered
// and which one answered instead, e.g. `requested="es"; used="en"`.
const HeaderLanguageFallback = "X-Language-Fallback"

// searchQuery is a validated search request.
type searchQuery struct {
	Text  string
	Limit int
}

// parseSearch checks q and limit: q must be present, at most 100 characters
// and free of control characters; limit is 1 to 50.
func parseSearch(c *fiber.Ctx) (searchQuery, error) {
	var fields []errs.FieldError
	q := strings.TrimSpace(c.Query("q"))
	switch {
	case q == "":
		fields = append(fields, errs.FieldError{Field: "q", Message: "is required"})
	case !utf8.ValidString(q):
		fields = append(fields, errs.FieldError{Field: "q", Message: "must be valid UTF-8 text"})
	case utf8.RuneCountInString(q) > maxQueryRunes:
		fields = append(fields, errs.FieldError{Field: "q", Message: fmt.Sprintf("must be at most %d characters long", maxQueryRunes)})
	case strings.IndexFunc(q, unicode.IsControl) >= 0:
		fields = append(fields, errs.FieldError{Field: "q", Message: "must not contain control characters"})
	}
	limit, err := parseLimit(c.Query("limit"))
	if err != nil {
		fields = append(fields, errs.FieldError{Field: "limit", Message: err.Error()})
	}
	if len(fields) > 0 {
		return searchQuery{}, &errs.ValidationError{Fields: fields}
	}
	return searchQuery{Text: q, Limit: limit}, nil
}

func parseLimit(raw string) (int, error) {
	if raw == "" {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(raw)
	if err != nil || n < 1 || n > maxLimit {
		return 0, fmt.Errorf("must be a whole number from 1 to %d", maxLimit)
	}
	return n, nil
}

// language picks the answer's language from ?lang= or else Accept-Language.
// An unknown language falls back to English; the response says so in
// Content-Language and X-Language-Fallback rather than failing.
func language(c *fiber.Ctx) skills.Lang {
	requested := c.Query("lang")
	if requested == "" {
		requested = c.AcceptsLanguages("en", "nl", "fr", "de")
		if requested == "" {
			requested = "en"
		}
	}
	lang, ok := skills.ParseLang(requested)
	if !ok {
		lang = skills.EN
		c.Set(HeaderLanguageFallback, fmt.Sprintf("requested=%q; used=%q", sanitiseTag(requested), lang))
	}
	c.Set(fiber.HeaderContentLanguage, string(lang))
	return lang
}

// sanitiseTag keeps an echoed language tag short and header-safe.
func sanitiseTag(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '-' || r == '_' || unicode.IsLetter(r) && r < unicode.MaxASCII || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, s)
	if len(s) > 16 {
		s = s[:16]
	}
	return s
}
