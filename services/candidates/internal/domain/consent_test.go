package domain

import (
	"testing"
	"time"
)

// TestConsentRecordKeepsFirstGiven follows one candidate through a
// consent, a withdrawal and a second consent: the first time stays.
func TestConsentRecordKeepsFirstGiven(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 10, 0, 0, 0, time.UTC) }
	var c Consent
	if !c.FirstGivenAt.IsZero() {
		t.Fatal("a new record has a first consent time")
	}
	steps := []struct {
		name      string
		matching  bool
		at        time.Time
		wantFirst time.Time
	}{
		{"refused at first", false, day(1), time.Time{}},
		{"given", true, day(2), day(2)},
		{"given again under a newer text", true, day(3), day(2)},
		{"withdrawn", false, day(4), day(2)},
		{"given again", true, day(5), day(2)},
	}
	for _, s := range steps {
		c = c.Record(s.matching, "2026-11", "staff-1", false, s.at)
		if c.Matching != s.matching || !c.RecordedAt.Equal(s.at) || c.RecordedBy != "staff-1" || c.TextVersion != "2026-11" {
			t.Errorf("%s: consent = %+v, want the new decision recorded", s.name, c)
		}
		if !c.FirstGivenAt.Equal(s.wantFirst) {
			t.Errorf("%s: first given at %v, want %v", s.name, c.FirstGivenAt, s.wantFirst)
		}
	}
}

// TestReconstructFirstGiven checks the estimate for records stored before
// the first consent time was kept.
func TestReconstructFirstGiven(t *testing.T) {
	day := func(d int) time.Time { return time.Date(2025, 3, d, 10, 0, 0, 0, time.UTC) }
	given := Consent{Matching: true, RecordedAt: day(9)}
	withheld := Consent{Matching: false, RecordedAt: day(9)}
	for _, tc := range []struct {
		name    string
		current Consent
		entries []time.Time
		want    time.Time
	}{
		{"never recorded", Consent{}, nil, time.Time{}},
		{"given, no entry kept", given, nil, day(9)},
		{"given, the earliest entry counts", given, []time.Time{day(9), day(3), day(6)}, day(3)},
		{"withheld after a consent", withheld, []time.Time{day(3), day(9)}, day(3)},
		{"refused once, never given", withheld, []time.Time{day(9)}, time.Time{}},
		{"withheld, no entry kept", withheld, nil, time.Time{}},
		{"given, entries all later than the recording", given, []time.Time{day(10)}, day(9)},
	} {
		if got := ReconstructFirstGiven(tc.current, tc.entries); !got.Equal(tc.want) {
			t.Errorf("%s: %v, want %v", tc.name, got, tc.want)
		}
	}
}
