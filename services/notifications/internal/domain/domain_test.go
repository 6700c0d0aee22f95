package domain

import (
	"errors"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

func TestSettingsValidateNamesTheField(t *testing.T) {
	hour := func(h int) *int { return &h }
	for _, tc := range []struct {
		s     Settings
		field string
	}{
		{Settings{Kinds: map[string]Frequency{"unknown": Daily}}, "kinds.unknown"},
		{Settings{Kinds: map[string]Frequency{KindNewMatches: "weekly"}}, "kinds.new_matches"},
		{Settings{DigestHour: hour(24)}, "digest_hour"},
		{Settings{DigestHour: hour(-1)}, "digest_hour"},
		{Settings{TimeZone: "Mars/Olympus"}, "time_zone"},
	} {
		var ve *errs.ValidationError
		if err := tc.s.Validate(); !errors.As(err, &ve) || ve.Fields[0].Field != tc.field {
			t.Errorf("Validate(%+v) = %v, want a field error on %s", tc.s, err, tc.field)
		}
	}
	if err := (Settings{Kinds: map[string]Frequency{KindNewMatches: InboxOnly}, DigestHour: hour(0), TimeZone: "Europe/Oslo"}).Validate(); err != nil {
		t.Errorf("valid settings refused: %v", err)
	}
}

func TestResolveUserOverOrgOverDefault(t *testing.T) {
	seven := 7
	e := Resolve(Settings{Kinds: map[string]Frequency{KindIntroductions: InboxOnly}},
		Settings{Kinds: map[string]Frequency{KindNewMatches: Immediately, KindIntroductions: Daily}, DigestHour: &seven})
	if e.Kinds[KindNewMatches] != Immediately || e.Kinds[KindIntroductions] != InboxOnly || e.DigestHour != 7 || e.TimeZone != DefaultTimeZone {
		t.Errorf("Resolve = %+v", e)
	}
	if d := Resolve(Settings{}, Settings{}); d.Kinds[KindNewMatches] != Daily || d.Kinds[KindIntroductions] != Immediately {
		t.Errorf("defaults = %+v", d)
	}
}

func TestDigestDueOncePerLocalDayFromTheHour(t *testing.T) {
	e := Effective{DigestHour: 8, TimeZone: "Europe/Brussels"}
	early := time.Date(2026, 3, 2, 6, 30, 0, 0, time.UTC) // 07:30 in Brussels
	if _, due := e.DigestDue(early, ""); due {
		t.Error("due before the digest hour")
	}
	at := early.Add(time.Hour)
	day, due := e.DigestDue(at, "")
	if !due || day != "2026-03-02" {
		t.Errorf("DigestDue at 08:30 = %s %v", day, due)
	}
	if _, due := e.DigestDue(at.Add(3*time.Hour), day); due {
		t.Error("due twice on one day")
	}
}

func TestRetryPolicy(t *testing.T) {
	p := RetryPolicy{Delays: []time.Duration{time.Second, time.Minute}}
	now := time.Now()
	if at, ok := p.Next(now, 1); !ok || !at.Equal(now.Add(time.Second)) {
		t.Errorf("Next(1) = %v %v", at, ok)
	}
	if _, ok := p.Next(now, 3); ok {
		t.Error("a third retry with two delays")
	}
	if RecipientKey("", "A@x.org ") != RecipientKey("", "a@x.org") || RecipientKey("u1", "a@x.org") != "user:u1" {
		t.Error("RecipientKey is not normalised")
	}
}
