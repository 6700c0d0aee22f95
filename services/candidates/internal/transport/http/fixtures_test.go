package http

import (
	"context"
	"encoding/json"
	"reflect"
	"testing"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// Identity values of the candidate jan(); privacy tests search for them.
const (
	janGiven  = "Janneke"
	janFamily = "Peetersvanderbroek"
	janPhone  = "+32 470 12 34 56"
	janEmail  = "janneke.peeters@example.org"
	janBirth  = "1990-04-02"
)

// jan returns a valid candidate in a transition house, in the contract's
// shape; tests change it.
func jan() map[string]any {
	return map[string]any{
		"given_name": janGiven, "family_name": janFamily, "preferred_name": "Jan", "date_of_birth": janBirth,
		"phone": janPhone, "email": janEmail, "setting": "transition_house", "house": map[string]any{"place_id": kortrijk},
		"day_release": map[string]any{"eligible_from": "2027-01-04", "days": []string{"mon", "tue"}, "start": "07:00", "end": "18:00", "max_commute_km": 25},
		"release":     map[string]any{"expected_date": "2027-09-01", "return_region": map[string]any{"place_id": gent, "radius_km": 30}},
		"languages":   []any{map[string]any{"code": "nl", "level": "C2"}}, "excluded_sectors": []string{"P"},
		"preferences": map[string]any{"sectors": []string{"I"}, "hours_per_week": 32, "contracts": []string{"permanent"}},
	}
}

// roastery returns a valid programme body.
func roastery() map[string]any {
	return map[string]any{
		"name": "Coffee roastery — Kortrijk house", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk},
		"skills": []string{"coffee-roasting"},
	}
}

// register registers body as who and returns the answer.
func (h *harness) register(t *testing.T, who string, body map[string]any) answer {
	t.Helper()
	return h.call(t, who, "POST", "/api/v1/candidates", body).must(t, 201)
}

// programme creates the roastery as who and returns its id.
func (h *harness) programme(t *testing.T, who string) string {
	t.Helper()
	return h.call(t, who, "POST", "/api/v1/programmes", roastery()).must(t, 201).str("id")
}

// snapshot is a candidate as stored and the length of the stream, to
// prove a rejected request changed neither.
type snapshot struct {
	candidate domain.Candidate
	events    int
}

func (h *harness) snapshot(t *testing.T, id string) snapshot {
	t.Helper()
	c, err := h.store.Candidate(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return snapshot{candidate: c, events: len(h.streamEvents(t))}
}

// unchanged fails the test if the candidate or the stream moved since s.
func (h *harness) unchanged(t *testing.T, s snapshot, after string) {
	t.Helper()
	now := h.snapshot(t, s.candidate.ID)
	if !reflect.DeepEqual(now.candidate, s.candidate) {
		t.Errorf("after %s the stored candidate changed: version %d -> %d", after, s.candidate.Version, now.candidate.Version)
	}
	if now.events != s.events {
		t.Errorf("after %s the stream has %d events, want %d", after, now.events, s.events)
	}
}

// streamEntry is one stream entry: its raw fields and the envelope.
type streamEntry struct {
	raw      map[string]any
	envelope pkgevents.Envelope
}

// streamEvents reads every entry on the stream; each must hold only the
// envelope.
func (h *harness) streamEvents(t *testing.T) []streamEntry {
	t.Helper()
	msgs, err := h.rdb.XRange(context.Background(), h.stream, "-", "+").Result()
	if err != nil {
		t.Fatal(err)
	}
	var out []streamEntry
	for _, m := range msgs {
		if len(m.Values) != 1 {
			t.Fatalf("stream entry has fields %v; want only the envelope", m.Values)
		}
		e := streamEntry{raw: m.Values}
		if err := json.Unmarshal([]byte(m.Values[pkgevents.EnvelopeField].(string)), &e.envelope); err != nil {
			t.Fatal(err)
		}
		out = append(out, e)
	}
	return out
}
