package domain

import (
	"slices"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Language is the language a user reads Onward and its e-mails in.
type Language string

// DefaultLanguage is the language of an account that chose none.
const DefaultLanguage Language = "en"

// Languages are the languages Onward speaks.
var Languages = []Language{"en", "nl", "fr", "de"}

// CheckLanguage accepts one of Languages; empty is DefaultLanguage.
func CheckLanguage(field, lang string) (Language, error) {
	if lang == "" {
		return DefaultLanguage, nil
	}
	if !slices.Contains(Languages, Language(lang)) {
		return "", errs.Invalid(field, "must be one of: en, nl, fr, de")
	}
	return Language(lang), nil
}
