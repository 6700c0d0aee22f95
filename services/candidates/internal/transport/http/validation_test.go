package http

import (
	"strings"
	"testing"
	"time"
)

// with returns jan() with the top-level fields of change replaced.
func with(change map[string]any) map[string]any {
	b := jan()
	for k, v := range change {
		b[k] = v
	}
	return b
}

// TestBadInputNamesTheField sends every kind of bad input and expects a
// 400 problem naming the field, with nothing written: the candidate's
// stored record and version are unchanged and no event reaches the stream.
func TestBadInputNamesTheField(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	prog := h.programme(t, "member")
	cand := "/api/v1/candidates/" + id
	tomorrow := time.Now().UTC().AddDate(0, 0, 1).Format(time.DateOnly)
	long := func(n int) string { return strings.Repeat("é", n) }
	attest := func(change map[string]any) map[string]any {
		b := map[string]any{"skill": "coffee-roasting", "level": 3, "hours": 600, "programme": prog, "evidence": "Roasts daily batches alone."}
		for k, v := range change {
			b[k] = v
		}
		return b
	}
	dayRelease := jan()["day_release"]
	for _, tc := range []struct {
		name, method, path string
		body               any
		header             []string
		field              string
	}{
		{"release before eligibility", "POST", "/api/v1/candidates", with(map[string]any{"release": map[string]any{"expected_date": "2026-12-01"}}), nil, "release.expected_date"},
		{"birth in the future", "POST", "/api/v1/candidates", with(map[string]any{"date_of_birth": tomorrow}), nil, "date_of_birth"},
		{"unknown house", "POST", "/api/v1/candidates", with(map[string]any{"house": map[string]any{"place_id": "999999999"}}), nil, "house.place_id"},
		{"unknown return region", "POST", "/api/v1/candidates", with(map[string]any{"release": map[string]any{"return_region": map[string]any{"place_id": "nowhere", "radius_km": 10}}}), nil, "release.return_region.place_id"},
		{"language xx", "POST", "/api/v1/candidates", with(map[string]any{"languages": []any{map[string]any{"code": "xx", "level": "B1"}}}), nil, "languages[0].code"},
		{"a field that does not exist", "POST", "/api/v1/candidates", with(map[string]any{"offence": "theft"}), nil, "offence"},
		{"nested field that does not exist", "POST", "/api/v1/candidates", with(map[string]any{"house": map[string]any{"place_id": kortrijk, "wing": "B"}}), nil, "house.wing"},
		{"given_name of 101", "POST", "/api/v1/candidates", with(map[string]any{"given_name": long(101)}), nil, "given_name"},
		{"hours per week 61", "POST", "/api/v1/candidates", with(map[string]any{"preferences": map[string]any{"hours_per_week": 61}}), nil, "preferences.hours_per_week"},
		{"hours per week of the wrong type", "POST", "/api/v1/candidates", with(map[string]any{"preferences": map[string]any{"hours_per_week": "many"}}), nil, "preferences.hours_per_week"},
		{"version on registration", "POST", "/api/v1/candidates", with(map[string]any{"version": 3}), nil, "version"},
		{"trailing data", "POST", "/api/v1/candidates", `{"given_name": "A"} {}`, nil, "body"},
		{"patch without version", "PATCH", cand, map[string]any{"given_name": "Jana"}, nil, "version"},
		{"patch with version null", "PATCH", cand, map[string]any{"version": nil, "given_name": "Jana"}, nil, "version"},
		{"patch that changes nothing", "PATCH", cand, map[string]any{"version": 1}, nil, "body"},
		{"patch release before eligibility", "PATCH", cand, map[string]any{"version": 1, "release": map[string]any{"expected_date": "2026-12-01"}}, nil, "release.expected_date"},
		{"patch clears a required name", "PATCH", cand, map[string]any{"version": 1, "given_name": nil}, nil, "given_name"},
		{"patch a field that does not exist", "PATCH", cand, map[string]any{"version": 1, "nickname": "J"}, nil, "nickname"},
		{"patch day release onto probation", "PATCH", cand, map[string]any{"version": 1, "setting": "probation", "house": nil, "day_release": dayRelease}, nil, "day_release"},
		{"level 0", "POST", cand + "/skills", attest(map[string]any{"level": 0}), nil, "level"},
		{"level 5", "POST", cand + "/skills", attest(map[string]any{"level": 5}), nil, "level"},
		{"unknown skill", "POST", cand + "/skills", attest(map[string]any{"skill": "time-travel"}), nil, "skill"},
		{"unknown programme", "POST", cand + "/skills", attest(map[string]any{"programme": "no-such-programme"}), nil, "programme"},
		{"attested hours -1", "POST", cand + "/skills", attest(map[string]any{"hours": -1}), nil, "hours"},
		{"attested hours 10001", "POST", cand + "/skills", attest(map[string]any{"hours": 10001}), nil, "hours"},
		{"evidence of 1001", "POST", cand + "/skills", attest(map[string]any{"evidence": long(1001)}), nil, "evidence"},
		{"attestation dated tomorrow", "POST", cand + "/skills", attest(map[string]any{"date": tomorrow}), nil, "date"},
		{"record hours -1", "POST", cand + "/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": -1}, nil, "hours"},
		{"record hours 10001", "POST", cand + "/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": 10001}, nil, "hours"},
		{"record in an unknown programme", "POST", cand + "/programme-records", map[string]any{"programme": "nope", "from": "2026-01-05", "hours": 1}, nil, "programme"},
		{"certificate without a name", "POST", cand + "/certificates", map[string]any{"issuer": "FAVV", "date": "2026-03-01"}, nil, "name"},
		{"consent without matching", "PUT", cand + "/consent", map[string]any{"text_version": "2026-11"}, nil, "matching"},
		{"consent without text version", "PUT", cand + "/consent", map[string]any{"matching": true}, nil, "text_version"},
		{"unknown purpose", "GET", cand, nil, []string{PurposeHeader, "curiosity"}, "purpose"},
		{"limit 0", "GET", "/api/v1/candidates?limit=0", nil, nil, "limit"},
		{"limit 101", "GET", "/api/v1/candidates?limit=101", nil, nil, "limit"},
		{"malformed cursor", "GET", "/api/v1/candidates?cursor=***", nil, nil, "cursor"},
		{"unknown setting", "GET", "/api/v1/candidates?setting=prison", nil, nil, "setting"},
		{"programme at an unknown place", "POST", "/api/v1/programmes", map[string]any{"name": "Garden", "kind": "garden", "site": map[string]any{"place_id": "0"}}, nil, "site.place_id"},
		{"programme of an unknown kind", "POST", "/api/v1/programmes", map[string]any{"name": "Garden", "kind": "quarry", "site": map[string]any{"place_id": kortrijk}}, nil, "kind"},
		{"programme with an unknown skill", "POST", "/api/v1/programmes", map[string]any{"name": "Garden", "kind": "garden", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"time-travel"}}, nil, "skills[0]"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := h.snapshot(t, id)
			a := h.call(t, "org_admin", tc.method, tc.path, tc.body, tc.header...)
			if a.status != 400 || !strings.HasPrefix(a.header["Content-Type"], "application/problem+json") {
				t.Fatalf("%d %s: %s; want a 400 problem", a.status, a.header["Content-Type"], a.raw)
			}
			if !containsField(a.fields(), tc.field) {
				t.Errorf("fields %v, want %q", a.fields(), tc.field)
			}
			h.unchanged(t, before, tc.name)
		})
	}
}

func containsField(fields []string, want string) bool {
	for _, f := range fields {
		if f == want {
			return true
		}
	}
	return false
}
