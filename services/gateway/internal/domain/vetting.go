package domain

import (
	"fmt"
	"regexp"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// OrgStatus says whether an organisation may use the platform's matching:
// an employer starts pending, a platform administrator verifies it after
// checking it exists, and may suspend it later. Programme organisations
// are always verified.
type OrgStatus string

// Organisation statuses.
const (
	StatusPending   OrgStatus = "pending"
	StatusVerified  OrgStatus = "verified"
	StatusSuspended OrgStatus = "suspended"
)

// Verification records the checks a platform administrator made before
// verifying an employer: its business register entry, the named person
// reached and when, and who verified it when.
type Verification struct {
	RegisterCountry string
	RegisterNumber  string
	ContactName     string
	ContactedOn     string // YYYY-MM-DD
	Notes           string
	VerifiedBy      string
	VerifiedAt      time.Time
}

// Suspension records why, by whom and when an employer was suspended.
type Suspension struct {
	Reason      string
	SuspendedBy string
	SuspendedAt time.Time
}

// registerFormats are the business register number formats of the
// countries the platform knows; any other country takes 4 to 30 letters
// and digits.
var registerFormats = map[string]struct {
	re   *regexp.Regexp
	hint string
}{
	"BE": {regexp.MustCompile(`^[01][0-9]{9}$`), "a KBO number: 10 digits starting with 0 or 1"},
	"NL": {regexp.MustCompile(`^[0-9]{8}$`), "a KvK number: 8 digits"},
	"FR": {regexp.MustCompile(`^[0-9]{9}$`), "a SIREN number: 9 digits"},
	"DE": {regexp.MustCompile(`^HR[AB] ?[0-9]+ [\p{L}][\p{L} .()/-]*$`), "HRA or HRB, the number and the register court, such as HRB 12345 München"},
	"LU": {regexp.MustCompile(`^B[0-9]+$`), "an RCS number: B and digits"},
}

var (
	otherRegister = regexp.MustCompile(`^[A-Za-z0-9]{4,30}$`)
	countryCode   = regexp.MustCompile(`^[A-Z]{2}$`)
)

// normaliseRegisterNumber drops the separators people type (dots, spaces,
// dashes) from numeric register numbers; a German number keeps its
// spaces, which separate the court.
func normaliseRegisterNumber(country, number string) string {
	number = strings.TrimSpace(number)
	if country == "DE" {
		return strings.Join(strings.Fields(number), " ")
	}
	return strings.NewReplacer(".", "", " ", "", "-", "").Replace(strings.ToUpper(number))
}

// NewVerification checks what an administrator recorded and returns it,
// normalised, or a validation error naming every wrong field.
func NewVerification(v Verification, by string, now time.Time) (Verification, error) {
	var fields []errs.FieldError
	bad := func(field, msg string) { fields = append(fields, errs.FieldError{Field: field, Message: msg}) }
	v.RegisterCountry = strings.ToUpper(strings.TrimSpace(v.RegisterCountry))
	if !countryCode.MatchString(v.RegisterCountry) {
		bad("register_country", "must be a two-letter country code such as BE")
	} else {
		v.RegisterNumber = normaliseRegisterNumber(v.RegisterCountry, v.RegisterNumber)
		if f, ok := registerFormats[v.RegisterCountry]; ok {
			if !f.re.MatchString(v.RegisterNumber) {
				bad("register_number", "must be "+f.hint)
			}
		} else if !otherRegister.MatchString(v.RegisterNumber) {
			bad("register_number", "must be 4 to 30 letters and digits")
		}
	}
	v.ContactName = strings.TrimSpace(v.ContactName)
	if v.ContactName == "" || len(v.ContactName) > 100 {
		bad("contact_name", "must be between 1 and 100 characters")
	}
	if day, err := time.Parse(time.DateOnly, v.ContactedOn); err != nil {
		bad("contacted_on", "must be a date, YYYY-MM-DD")
	} else if day.After(now.UTC()) {
		bad("contacted_on", "must not be in the future")
	}
	v.Notes = strings.TrimSpace(v.Notes)
	if len(v.Notes) > 2000 {
		bad("notes", "must be at most 2000 characters")
	}
	if len(fields) > 0 {
		return Verification{}, &errs.ValidationError{Fields: fields}
	}
	v.VerifiedBy, v.VerifiedAt = by, now.UTC()
	return v, nil
}

// CheckSuspensionReason validates the reason an administrator gives.
func CheckSuspensionReason(reason string) (string, error) {
	reason = strings.TrimSpace(reason)
	if reason == "" || len(reason) > 1000 {
		return "", errs.Invalid("reason", "must be between 1 and 1000 characters")
	}
	return reason, nil
}

// Verify marks a pending employer verified with the checks made.
func (o *Organisation) Verify(v Verification) error {
	if o.Kind != KindEmployer {
		return fmt.Errorf("only an employer is verified: %w", errs.Conflict)
	}
	if o.Status != StatusPending {
		return fmt.Errorf("organisation %s is %s, not pending: %w", o.ID, o.Status, errs.Conflict)
	}
	o.Status, o.Verification = StatusVerified, &v
	o.Version++
	return nil
}

// Suspend stops a pending or verified employer at once.
func (o *Organisation) Suspend(s Suspension) error {
	if o.Kind != KindEmployer {
		return fmt.Errorf("only an employer is suspended: %w", errs.Conflict)
	}
	if o.Status == StatusSuspended {
		return fmt.Errorf("organisation %s is already suspended: %w", o.ID, errs.Conflict)
	}
	o.Status, o.Suspension = StatusSuspended, &s
	o.Version++
	return nil
}

// Reinstate lifts a suspension: the employer is verified again if it was
// verified before, and pending otherwise.
func (o *Organisation) Reinstate() error {
	if o.Status != StatusSuspended {
		return fmt.Errorf("organisation %s is not suspended: %w", o.ID, errs.Conflict)
	}
	o.Status, o.Suspension = StatusPending, nil
	if o.Verification != nil {
		o.Status = StatusVerified
	}
	o.Version++
	return nil
}

// CheckOrgStatus validates a status filter's value.
func CheckOrgStatus(field string, s OrgStatus) error {
	switch s {
	case "", StatusPending, StatusVerified, StatusSuspended:
		return nil
	}
	return errs.Invalid(field, "must be one of: pending, verified, suspended")
}
