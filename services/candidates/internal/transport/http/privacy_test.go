package http

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	pkgevents "github.com/onward-jobs/onward/pkg/events"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// identityValues are jan()'s identity, which must never leave the owning
// organisation's full record.
var identityValues = []string{janGiven, janFamily, janPhone, janEmail, janBirth}

// TestMatchingViewHoldsNoIdentity reads the internal matching view of a
// candidate with a full portfolio and finds none of the identity values,
// nor any identity key, while everything matching needs is there.
func TestMatchingViewHoldsNoIdentity(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	h.fillPortfolio(t, id)
	v := h.call(t, "service", "GET", "/internal/v1/candidates/"+id, nil).must(t, 200)
	for _, s := range identityValues {
		if strings.Contains(string(v.raw), s) {
			t.Errorf("the matching view holds %q: %s", s, v.raw)
		}
	}
	for _, key := range []string{"given_name", "family_name", "preferred_name", "date_of_birth", "phone", "email", "display_name"} {
		if strings.Contains(string(v.raw), `"`+key+`"`) {
			t.Errorf("the matching view has the key %q", key)
		}
	}
	house, _ := v.body["house"].(map[string]any)
	release, _ := v.body["release"].(map[string]any)
	region, _ := release["return_region"].(map[string]any)
	skills, _ := v.body["skills"].([]any)
	consent, _ := v.body["consent"].(map[string]any)
	if v.str("org_id") != orgP1 || v.str("setting") != "transition_house" || house["lat"] == nil || region["lon"] == nil ||
		region["radius_km"] != float64(30) || len(skills) != 1 || skills[0].(map[string]any)["attested"] != true || consent["matching"] != true {
		t.Errorf("the matching view lacks what matching needs: %s", v.raw)
	}
	versions := h.call(t, "service", "GET", "/internal/v1/candidates/versions", nil).must(t, 200).items()
	if len(versions) != 1 || versions[0]["id"] != id || versions[0]["version"] != v.body["version"] {
		t.Errorf("versions = %v", versions)
	}
	progs := h.call(t, "service", "GET", "/internal/v1/programmes", nil).must(t, 200).items()
	if len(progs) != 1 || progs[0]["org_id"] != orgP1 {
		t.Errorf("internal programmes = %v", progs)
	}
}

// TestMatchingViewConverterHasNoIdentityField checks the converter's type
// itself: marshalling the view of a candidate with every identity field
// set shows none of them.
func TestMatchingViewConverterHasNoIdentityField(t *testing.T) {
	c := domain.Candidate{
		ID: "c1", OrgID: orgP1, Alias: "K7Q2", Version: 3,
		Identity: domain.Identity{GivenName: janGiven, FamilyName: janFamily, PreferredName: "Jan", DateOfBirth: janBirth, Phone: janPhone, Email: janEmail},
		Profile:  domain.Profile{Setting: domain.SettingReleased, Release: &domain.Release{ReturnRegion: &domain.Region{Place: domain.Place{PlaceID: gent}, RadiusKm: 10}}},
	}
	raw, err := json.Marshal(toMatchingViewResponse(c.MatchingView()))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range identityValues {
		if strings.Contains(string(raw), s) {
			t.Errorf("the matching view holds %q: %s", s, raw)
		}
	}
	for i, f := range reflect.VisibleFields(reflect.TypeOf(matchingViewResponse{})) {
		if strings.Contains(strings.ToLower(f.Name), "name") || strings.Contains(strings.ToLower(f.Name), "birth") {
			t.Errorf("field %d of the matching view is %s", i, f.Name)
		}
	}
}

// TestStreamCarriesOnlyEnvelopes runs a candidate through every kind of
// write and finds on the stream only envelopes (ids, type, version) with
// none of the identity values.
func TestStreamCarriesOnlyEnvelopes(t *testing.T) {
	h := newHarness(t)
	id := h.register(t, "member", jan()).str("id")
	h.fillPortfolio(t, id)
	h.call(t, "member", "PATCH", "/api/v1/candidates/"+id, map[string]any{"version": 5, "email": "other@example.org"}).must(t, 200)
	h.call(t, "org_admin", "DELETE", "/api/v1/candidates/"+id, nil).must(t, 204)
	entries := h.streamEvents(t)
	var types []string
	for i, e := range entries {
		raw, _ := json.Marshal(e.raw)
		for _, s := range append(identityValues, "other@example.org") {
			if strings.Contains(string(raw), s) {
				t.Errorf("stream entry %d holds %q: %s", i, s, raw)
			}
		}
		var fields map[string]any
		_ = json.Unmarshal([]byte(e.raw[pkgevents.EnvelopeField].(string)), &fields)
		for k := range fields {
			switch k {
			case "id", "type", "aggregate_id", "version", "occurred_at", "producer":
			default:
				t.Errorf("stream entry %d has the field %q: %s", i, k, raw)
			}
		}
		if e.envelope.AggregateID != id || e.envelope.Version != int64(i+1) {
			t.Errorf("entry %d = %+v; want version %d of %s", i, e.envelope, i+1, id)
		}
		types = append(types, e.envelope.Type)
	}
	want := "candidate.changed candidate.changed candidate.changed candidate.changed candidate.consent_changed candidate.changed candidate.erased"
	if got := strings.Join(types, " "); got != want {
		t.Errorf("events = %s\nwant %s", got, want)
	}
}

// fillPortfolio gives candidate id (at version 1) a programme record, an
// attestation, a certificate and consent, leaving it at version 5.
func (h *harness) fillPortfolio(t *testing.T, id string) {
	t.Helper()
	prog := h.programme(t, "member")
	c := "/api/v1/candidates/" + id
	h.call(t, "member", "POST", c+"/programme-records", map[string]any{"programme": prog, "from": "2026-01-05", "hours": 600}).must(t, 201)
	h.call(t, "member", "POST", c+"/skills", map[string]any{"skill": "coffee-roasting", "level": 3, "hours": 600, "programme": prog, "evidence": "Roasts alone."}).must(t, 201)
	h.call(t, "member", "POST", c+"/certificates", map[string]any{"name": "Food hygiene", "issuer": "FAVV", "date": "2026-03-01"}).must(t, 201)
	h.call(t, "member", "PUT", c+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}).must(t, 200)
}

// TestBulkMatchingViews pages through every candidate on the bulk route and
// finds each view exactly as the single-candidate route answers it, with no
// identity value anywhere and no erased candidate; only services may call
// it, with a limit of at most 500.
func TestBulkMatchingViews(t *testing.T) {
	h := newHarness(t)
	want := map[string]map[string]any{}
	for i, who := range []string{"member", "member", "member2", "member"} {
		id := h.register(t, who, jan()).str("id")
		if i == 0 {
			h.fillPortfolio(t, id)
		}
		want[id] = h.call(t, "service", "GET", "/internal/v1/candidates/"+id, nil).must(t, 200).body
	}
	var erased string
	for id := range want {
		if want[id]["org_id"] == orgP1 && len(want[id]["skills"].([]any)) == 0 {
			erased = id
			break
		}
	}
	h.call(t, "org_admin", "DELETE", "/api/v1/candidates/"+erased, nil).must(t, 204)
	delete(want, erased)
	got := map[string]map[string]any{}
	cursor := ""
	for range 5 {
		p := h.call(t, "service", "GET", "/internal/v1/candidates/views?limit=2&cursor="+cursor, nil).must(t, 200)
		for _, s := range identityValues {
			if strings.Contains(string(p.raw), s) {
				t.Errorf("a page of views holds %q", s)
			}
		}
		for _, it := range p.items() {
			got[it["id"].(string)] = it
		}
		if cursor = p.str("next_cursor"); cursor == "" {
			break
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("bulk views differ from the single-candidate route:\n got %v\nwant %v", got, want)
	}
	streamed := streamLines(t, h.call(t, "service", "GET", "/internal/v1/candidates/views", nil, "Accept", "application/x-ndjson").must(t, 200))
	if !reflect.DeepEqual(streamed, want) {
		t.Fatalf("streamed views differ from the single-candidate route:\n got %v\nwant %v", streamed, want)
	}
	versions := streamLines(t, h.call(t, "service", "GET", "/internal/v1/candidates/versions", nil, "Accept", "application/x-ndjson").must(t, 200))
	for id, v := range want {
		if versions[id]["version"] != v["version"] || len(versions) != len(want) {
			t.Fatalf("streamed versions %v; want the views' ids and versions", versions)
		}
	}
	if all := h.call(t, "service", "GET", "/internal/v1/candidates/views?limit=500", nil).must(t, 200).items(); len(all) != 3 {
		t.Errorf("limit 500 gave %d views; want 3", len(all))
	}
	for _, q := range []string{"limit=501", "limit=0", "cursor=%25%25"} {
		if a := h.call(t, "service", "GET", "/internal/v1/candidates/views?"+q, nil); a.status != 400 {
			t.Errorf("views?%s: %d; want 400", q, a.status)
		}
	}
	for _, who := range []string{"member", "org_admin", "employer", "admin"} {
		if a := h.call(t, who, "GET", "/internal/v1/candidates/views", nil); a.status != 403 {
			t.Errorf("views as %s: %d; want 403", who, a.status)
		}
		if a := h.call(t, who, "GET", "/internal/v1/candidates/views", nil, "Accept", "application/x-ndjson"); a.status != 403 || a.header["Content-Type"] != "application/problem+json" {
			t.Errorf("a stream of views as %s: %d %s; want a 403 problem", who, a.status, a.header["Content-Type"])
		}
	}
}

// streamLines reads a stream of JSON lines by id, and checks that it ends
// with an end line counting them.
func streamLines(t *testing.T, a answer) map[string]map[string]any {
	t.Helper()
	if a.header["Content-Type"] != "application/x-ndjson" {
		t.Fatalf("Content-Type %q", a.header["Content-Type"])
	}
	out := testkit.NDJSONByID(t, string(a.raw))
	for _, s := range identityValues {
		if strings.Contains(string(a.raw), s) {
			t.Errorf("a stream holds %q", s)
		}
	}
	return out
}
