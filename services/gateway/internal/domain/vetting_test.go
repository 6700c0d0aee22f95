package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// TestRegisterNumbersPerCountry: each country's business register number
// has its own format; a wrong one is a 400 naming register_number.
func TestRegisterNumbersPerCountry(t *testing.T) {
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	cases := []struct {
		country, number string
		ok              bool
	}{
		{"BE", "0123.456.789", true}, {"BE", "1234567890", true}, {"BE", "2234567890", false}, {"BE", "012345678", false},
		{"NL", "12345678", true}, {"NL", "1234567", false}, {"NL", "1234567A", false},
		{"FR", "732 829 320", true}, {"FR", "73282932", false},
		{"DE", "HRB 12345 München", true}, {"DE", "HRA 987 Köln", true}, {"DE", "HRB 12345", false}, {"DE", "HRC 12 Berlin", false},
		{"LU", "B123456", true}, {"LU", "123456", false},
		{"ES", "B12345678", true}, {"IT", "abc", false}, {"IT", "AB-1", false},
		{"be", "0123456789", true},
	}
	for _, c := range cases {
		_, err := NewVerification(Verification{RegisterCountry: c.country, RegisterNumber: c.number, ContactName: "Ana", ContactedOn: "2026-12-06"}, "admin", now)
		if c.ok != (err == nil) {
			t.Errorf("%s %q: %v", c.country, c.number, err)
		}
		var ve *errs.ValidationError
		if err != nil && (!errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "register_number") {
			t.Errorf("%s %q: %v does not name register_number alone", c.country, c.number, err)
		}
	}
	bad := []struct{ field, country, contact, date string }{
		{"register_country", "Belgium", "Ana", "2026-12-06"},
		{"contact_name", "BE", " ", "2026-12-06"},
		{"contacted_on", "BE", "Ana", "06/12/2026"},
		{"contacted_on", "BE", "Ana", "2026-12-09"},
	}
	for _, b := range bad {
		_, err := NewVerification(Verification{RegisterCountry: b.country, RegisterNumber: "0123456789", ContactName: b.contact, ContactedOn: b.date}, "admin", now)
		var ve *errs.ValidationError
		if !errors.As(err, &ve) || ve.Fields[0].Field != b.field {
			t.Errorf("%+v: %v, want %s named", b, err, b.field)
		}
	}
}

// TestStatusTransitions: employers start pending, programmes verified;
// only a pending employer is verified, a suspension is lifted back to
// where it was.
func TestStatusTransitions(t *testing.T) {
	now := time.Now()
	prog, _ := NewOrganisation("p", "House", KindProgramme, DetentionHouse, now)
	if prog.Status != StatusVerified || prog.Verify(Verification{}) == nil || prog.Suspend(Suspension{}) == nil {
		t.Fatalf("programme: %+v", prog)
	}
	obs, _ := NewOrganisation("o", "Funder", KindObserver, "", now)
	if obs.Status != StatusVerified || obs.Verify(Verification{}) == nil || obs.Suspend(Suspension{}) == nil {
		t.Fatalf("observer: %+v", obs)
	}
	emp, _ := NewOrganisation("e", "Café", KindEmployer, "", now)
	if emp.Status != StatusPending {
		t.Fatalf("new employer: %s", emp.Status)
	}
	if err := emp.Reinstate(); !errors.Is(err, errs.Conflict) {
		t.Fatalf("reinstate a pending employer: %v", err)
	}
	if err := emp.Suspend(Suspension{Reason: "x"}); err != nil || emp.Status != StatusSuspended {
		t.Fatal(err)
	}
	if err := emp.Reinstate(); err != nil || emp.Status != StatusPending {
		t.Fatalf("reinstated unverified: %s, %v", emp.Status, err)
	}
	if err := emp.Verify(Verification{RegisterNumber: "1"}); err != nil || emp.Status != StatusVerified {
		t.Fatal(err)
	}
	if err := emp.Verify(Verification{}); !errors.Is(err, errs.Conflict) {
		t.Fatalf("verify twice: %v", err)
	}
	_ = emp.Suspend(Suspension{Reason: "x"})
	if err := emp.Reinstate(); err != nil || emp.Status != StatusVerified || emp.Version != 6 {
		t.Fatalf("reinstated verified: %+v, %v", emp, err)
	}
}
