package domain

import (
	"strings"
	"unicode/utf8"

	"github.com/nbutton23/zxcvbn-go"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Password length bounds. The upper bound keeps argon2 work per request
// bounded; the lower one follows NIST SP 800-63B for passwords chosen alone.
const (
	MinPasswordLength = 12
	MaxPasswordLength = 128
)

// CheckPassword enforces the length bounds and rejects common or easily
// guessed passwords (zxcvbn's dictionaries of leaked passwords, names and
// keyboard patterns, plus the user's own e-mail and name).
func CheckPassword(field, password string, userInputs ...string) error {
	n := utf8.RuneCountInString(password)
	if n < MinPasswordLength {
		return errs.Invalid(field, "must be at least %d characters long", MinPasswordLength)
	}
	if n > MaxPasswordLength {
		return errs.Invalid(field, "must be at most %d characters long", MaxPasswordLength)
	}
	inputs := []string{"onward"}
	for _, in := range userInputs {
		inputs = append(inputs, strings.FieldsFunc(strings.ToLower(in), func(r rune) bool {
			return r == '@' || r == '.' || r == ' ' || r == '-' || r == '_'
		})...)
	}
	if zxcvbn.PasswordStrength(password, inputs).Score < 3 {
		return errs.Invalid(field, "is too common or too easy to guess; try a longer phrase of unrelated words")
	}
	return nil
}
