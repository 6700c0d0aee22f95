package events

import (
	"encoding/json"
	"errors"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
)

func TestNewEnvelope(t *testing.T) {
	t.Parallel()
	before := time.Now()
	e, err := NewEnvelope("candidate.created", "cand-1", 1, "candidates")
	if err != nil {
		t.Fatalf("NewEnvelope: %v", err)
	}
	if err := uuid.Validate(e.ID); err != nil {
		t.Errorf("id %q is not a UUID: %v", e.ID, err)
	}
	if e.OccurredAt.Location() != time.UTC || e.OccurredAt.Before(before.Add(-time.Second)) {
		t.Errorf("occurred_at = %v, want now in UTC", e.OccurredAt)
	}
	other, _ := NewEnvelope("candidate.created", "cand-1", 1, "candidates")
	if other.ID == e.ID {
		t.Errorf("two envelopes share id %s", e.ID)
	}
}

func TestNewEnvelopeRejectsBadArguments(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		typ, aggregate, producer string
		version                  int64
	}{
		"empty type":      {"", "a", "p", 1},
		"empty aggregate": {"t", "", "p", 1},
		"empty producer":  {"t", "a", "", 1},
		"version zero":    {"t", "a", "p", 0},
		"version below":   {"t", "a", "p", -3},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			if _, err := NewEnvelope(c.typ, c.aggregate, c.version, c.producer); !errors.Is(err, ErrInvalidEnvelope) {
				t.Fatalf("err = %v, want ErrInvalidEnvelope", err)
			}
		})
	}
}

func TestEnvelopeJSONIsSnakeCaseWithoutPayload(t *testing.T) {
	t.Parallel()
	e, _ := NewEnvelope("candidate.created", "cand-1", 7, "candidates")
	raw, err := encodeEnvelope(e)
	if err != nil {
		t.Fatalf("encode: %v", err)
	}
	var fields map[string]any
	if err := json.Unmarshal([]byte(raw), &fields); err != nil {
		t.Fatalf("unmarshal: %v", err)
	}
	want := []string{"aggregate_id", "id", "occurred_at", "producer", "type", "version"}
	if got := slices.Sorted(maps.Keys(fields)); !slices.Equal(got, want) {
		t.Fatalf("JSON keys = %v, want %v", got, want)
	}
	back, err := decodeEnvelope(raw)
	if err != nil {
		t.Fatalf("decode: %v", err)
	}
	if back != e {
		t.Fatalf("round trip = %+v, want %+v", back, e)
	}
}

func TestEncodeStoresUTC(t *testing.T) {
	t.Parallel()
	e, _ := NewEnvelope("t", "a", 1, "p")
	e.OccurredAt = time.Date(2025, 3, 1, 12, 0, 0, 0, time.FixedZone("CET", 3600))
	raw, _ := encodeEnvelope(e)
	if !strings.Contains(raw, `"occurred_at":"2025-03-01T11:00:00Z"`) {
		t.Fatalf("stored %s, want occurred_at in UTC", raw)
	}
}

func TestDecodeEnvelopeRejectsWithoutQuotingInput(t *testing.T) {
	t.Parallel()
	cases := map[string]string{
		"not JSON":       `name=Jane Doe`,
		"wrong type":     `{"id":"Jane Doe","version":"one"}`,
		"missing fields": `{"type":"t"}`,
		"empty":          ``,
	}
	for name, raw := range cases {
		t.Run(name, func(t *testing.T) {
			_, err := decodeEnvelope(raw)
			if !errors.Is(err, ErrInvalidEnvelope) {
				t.Fatalf("err = %v, want ErrInvalidEnvelope", err)
			}
			if strings.Contains(err.Error(), "Jane") {
				t.Fatalf("error %q quotes the input", err)
			}
		})
	}
}
