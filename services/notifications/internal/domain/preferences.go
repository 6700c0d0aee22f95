package domain

import (
	"fmt"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Built-in digest settings for users and organisations who chose none.
const (
	DefaultDigestHour = 8
	DefaultTimeZone   = "Europe/Brussels"
)

// Settings are the choices of a user or the defaults of an organisation.
// A zero field means "not chosen": the next level decides.
type Settings struct {
	Kinds      map[string]Frequency
	DigestHour *int
	TimeZone   string
}

// Validate names the first invalid field, as kinds.<name>, digest_hour or
// time_zone.
func (s Settings) Validate() error {
	for k, f := range s.Kinds {
		if !IsPreferenceKind(k) {
			return errs.Invalid("kinds."+k, "is not a notification kind; the kinds are %v", PreferenceKinds)
		}
		if !f.Valid() {
			return errs.Invalid("kinds."+k, "must be immediately, daily or inbox")
		}
	}
	if s.DigestHour != nil && (*s.DigestHour < 0 || *s.DigestHour > 23) {
		return errs.Invalid("digest_hour", "must be an hour from 0 to 23")
	}
	if s.TimeZone != "" {
		if _, err := time.LoadLocation(s.TimeZone); err != nil || s.TimeZone == "Local" {
			return errs.Invalid("time_zone", "is not an IANA time zone such as Europe/Brussels")
		}
	}
	return nil
}

// Effective is what applies to a user: their own choice, else their
// organisation's default, else the built-in one.
type Effective struct {
	Kinds      map[string]Frequency
	DigestHour int
	TimeZone   string
}

// Resolve combines a user's settings with their organisation's defaults.
func Resolve(user, org Settings) Effective {
	e := Effective{Kinds: map[string]Frequency{}, DigestHour: DefaultDigestHour, TimeZone: DefaultTimeZone}
	for _, k := range PreferenceKinds {
		e.Kinds[k] = DefaultFrequency(k)
		if f, ok := org.Kinds[k]; ok {
			e.Kinds[k] = f
		}
		if f, ok := user.Kinds[k]; ok {
			e.Kinds[k] = f
		}
	}
	for _, s := range []Settings{org, user} {
		if s.DigestHour != nil {
			e.DigestHour = *s.DigestHour
		}
		if s.TimeZone != "" {
			e.TimeZone = s.TimeZone
		}
	}
	return e
}

// DigestDue reports whether a digest is due at now for these settings, and
// the local day it is for: due from digest_hour on, once per local day.
func (e Effective) DigestDue(now time.Time, lastDay string) (string, bool) {
	loc, err := time.LoadLocation(e.TimeZone)
	if err != nil {
		loc = time.UTC
	}
	local := now.In(loc)
	day := local.Format(time.DateOnly)
	return day, local.Hour() >= e.DigestHour && day != lastDay
}

// String names the settings for logs, without personal data.
func (e Effective) String() string { return fmt.Sprintf("%v@%d %s", e.Kinds, e.DigestHour, e.TimeZone) }
