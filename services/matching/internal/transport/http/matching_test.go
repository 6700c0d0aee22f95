package http

import (
	"context"
	"encoding/json"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/httpx"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// TestShortlistAccess: the owner and a platform admin read a role's
// shortlist; another employer gets 404 as for a role that does not exist;
// programme staff and candidates get 403; nobody signed in gets 401.
func TestShortlistAccess(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	path := "/api/v1/roles/role-000/shortlist"
	for who, want := range map[string]int{ownerEmployer: 200, platformAdmin: 200, otherEmployer: 404,
		staffOrg0: 403, staffOrg1: 403, candidateSelf: 403, "": 401} {
		if r := a.get(t, who, path, nil); r.status != want {
			t.Errorf("%q reading role-000's shortlist: %d, want %d (%s)", who, r.status, want, r.raw)
		}
	}
	if r := a.get(t, ownerEmployer, "/api/v1/roles/role-999/shortlist", nil); r.status != 404 {
		t.Errorf("unknown role: %d", r.status)
	}
	r := a.get(t, ownerEmployer, path, q("limit", "100"))
	if len(r.items()) == 0 || r.body["role_id"] != "role-000" || r.body["total"].(float64) != float64(len(r.items())) {
		t.Fatalf("owner's shortlist: %s", r.raw)
	}
}

// TestSuggestionsAccess: staff of the candidate's organisation read its
// suggestions; staff of another organisation get 404; employers, admins
// and a member with no organisation get 403 (a candidate signed in to
// their own account: TestSuggestionsForTheCandidateThemself).
func TestSuggestionsAccess(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	path := "/api/v1/candidates/cand-0000/suggestions" // org-0
	for who, want := range map[string]int{staffOrg0: 200, staffOrg1: 404, ownerEmployer: 403, otherEmployer: 403,
		platformAdmin: 403, candidateSelf: 403, "": 401} {
		if r := a.get(t, who, path, nil); r.status != want {
			t.Errorf("%q reading cand-0000's suggestions: %d, want %d (%s)", who, r.status, want, r.raw)
		}
	}
	r := a.get(t, staffOrg0, path, nil)
	items := r.items()
	if r.body["candidate_id"] != "cand-0000" || len(items) == 0 {
		t.Fatalf("suggestions: %s", r.raw)
	}
	expl := items[0]["explanation"].(map[string]any)
	if !regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`).MatchString(expl["available_from"].(string)) || expl["distance_km"] == nil {
		t.Errorf("staff see the full date and the distance: %v", expl)
	}
	if r := a.get(t, staffOrg0, "/api/v1/candidates/cand-9999/suggestions", nil); r.status != 404 {
		t.Errorf("unknown candidate: %d", r.status)
	}
}

// TestBadInput: every malformed parameter is a 400 problem naming it.
func TestBadInput(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	cases := []struct {
		who, path, field string
		params           []string
	}{
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "limit", []string{"limit", "0"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "limit", []string{"limit", "101"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "limit", []string{"limit", "ten"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "cursor", []string{"cursor", "%%%"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "cursor", []string{"cursor", "Zm9vYmFy"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "full_only", []string{"full_only", "yes"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "day_release", []string{"day_release", "maybe"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "available_within_weeks", []string{"available_within_weeks", "0"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "available_within_weeks", []string{"available_within_weeks", "105"}},
		{ownerEmployer, "/api/v1/roles/role-000/shortlist", "available_within_weeks", []string{"available_within_weeks", "soon"}},
		{staffOrg0, "/api/v1/candidates/cand-0000/suggestions", "limit", []string{"limit", "500"}},
		{staffOrg0, "/api/v1/candidates/cand-0000/suggestions", "cursor", []string{"cursor", "!!"}},
	}
	for _, tc := range cases {
		r := a.get(t, tc.who, tc.path, q(tc.params...))
		fields, _ := r.body["errors"].([]any)
		named := len(fields) > 0 && fields[0].(map[string]any)["field"] == tc.field
		if r.status != 400 || r.ctype != httpx.ProblemContentType || !named {
			t.Errorf("%s %v: %d %s, want a 400 problem naming %s", tc.path, tc.params, r.status, r.raw, tc.field)
		}
	}
	tooMany := "/api/v1/matching/shortlist-counts?" + strings.Repeat("role=r&", 101)
	if r := a.get(t, ownerEmployer, tooMany, nil); r.status != 400 {
		t.Errorf("101 roles: %d", r.status)
	}
}

// TestShortlistPagesAndFilters: pages of 7 walk the stored order exactly
// once; the filters keep only what they name.
func TestShortlistPagesAndFilters(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	path := "/api/v1/roles/role-000/shortlist"
	stored, err := a.store.Shortlist(context.Background(), "role-000")
	if err != nil {
		t.Fatal(err)
	}
	var refs []string
	cursor := ""
	for range 30 {
		r := a.get(t, ownerEmployer, path, q("limit", "7", "cursor", cursor))
		for _, it := range r.items() {
			refs = append(refs, it["candidate_ref"].(string))
		}
		next, _ := r.body["next_cursor"].(string)
		if next == "" {
			break
		}
		cursor = next
	}
	if len(refs) != len(stored.Entries) {
		t.Fatalf("paged %d entries, stored %d", len(refs), len(stored.Entries))
	}
	for i, e := range stored.Entries {
		if refs[i] != e.CandidateRef {
			t.Fatalf("entry %d: paged %s, stored %s", i, refs[i], e.CandidateRef)
		}
	}
	full := a.get(t, ownerEmployer, path, q("limit", "100", "full_only", "true"))
	for _, it := range full.items() {
		if it["match"] != "full" {
			t.Fatalf("full_only kept %v", it["match"])
		}
	}
	dr := a.get(t, ownerEmployer, path, q("limit", "100", "day_release", "true"))
	notDR := a.get(t, ownerEmployer, path, q("limit", "100", "day_release", "false"))
	if len(dr.items()) == 0 || len(notDR.items()) == 0 || len(dr.items())+len(notDR.items()) != len(stored.Entries) {
		t.Fatalf("day_release split %d + %d of %d", len(dr.items()), len(notDR.items()), len(stored.Entries))
	}
	for _, it := range dr.items() {
		if it["explanation"].(map[string]any)["day_release"] != true {
			t.Fatalf("day_release=true kept %v", it["explanation"])
		}
	}
	soon := a.get(t, ownerEmployer, path, q("limit", "100", "available_within_weeks", "1"))
	limit := results.DayOf(testNow) + 7
	want := 0
	for _, e := range stored.Entries {
		if e.Explanation.AvailableFrom <= limit {
			want++
		}
	}
	if len(soon.items()) != want || soon.body["total"].(float64) != float64(want) {
		t.Fatalf("available within a week: %d items, want %d", len(soon.items()), want)
	}
}

// TestSummaryInTheReadersLanguage: the one-line summary and skill labels
// follow lang or Accept-Language.
func TestSummaryInTheReadersLanguage(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	path := "/api/v1/roles/role-000/shortlist"
	en := a.get(t, ownerEmployer, path, q("limit", "1"))
	nl := a.get(t, ownerEmployer, path, q("limit", "1", "lang", "nl"))
	nlHeader := a.get(t, ownerEmployer, path, q("limit", "1"), "Accept-Language", "nl-BE,nl;q=0.9")
	sum := func(r mAnswer) string {
		return r.items()[0]["explanation"].(map[string]any)["summary"].(string)
	}
	if s := sum(en); !regexp.MustCompile(`^(Full|Near) match: essential skills \d met, \d partly met, \d missing of 2; optional skills \d met, \d partly met, \d missing of 1; `).MatchString(s) || !strings.Contains(s, "available from") {
		t.Errorf("English summary: %q", s)
	}
	if s := sum(nl); !regexp.MustCompile(`^(Volledige match|Bijna-match): essentiële vaardigheden \d voldaan, \d deels voldaan, \d ontbreken van 2`).MatchString(s) || !strings.Contains(s, "beschikbaar vanaf") {
		t.Errorf("Dutch summary: %q", s)
	}
	if sum(nlHeader) != sum(nl) {
		t.Errorf("Accept-Language nl: %q, want %q", sum(nlHeader), sum(nl))
	}
	if strings.Contains(sum(en), " km away") && !strings.Contains(sum(en), "km away") {
		t.Errorf("distance: %q", sum(en))
	}
	skill := nl.items()[0]["card"].(map[string]any)["skills"].([]any)[0].(map[string]any)
	if skill["label"] == "" || skill["label"] == skill["skill"] {
		t.Errorf("Dutch skill label: %v", skill)
	}
}

// TestNoIdentityInEmployerResponses marshals every shortlist an employer
// or admin can read and looks for anything that would identify a
// candidate. Names, contact details and photos are not in
// engine.Candidate at all (matching never receives them), so they cannot
// leak; the test checks what matching does hold: candidate ids, the
// house's coordinates, the programme organisation, and exact dates (of
// release, of day-release eligibility, of availability). Only months and
// distance bands may appear.
func TestNoIdentityInEmployerResponses(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	exactDate := regexp.MustCompile(`\d{4}-\d{2}-\d{2}`)
	checked := 0
	for j := range 6 {
		role := fmt.Sprintf("role-%03d", j)
		who := ownerEmployer
		if j%3 != 0 {
			who = platformAdmin
		}
		for _, params := range []map[string]string{{"limit": "100"}, {"limit": "100", "lang": "nl"}, {"limit": "100", "full_only": "true"}} {
			var kv []string
			for k, v := range params {
				kv = append(kv, k, v)
			}
			r := a.get(t, who, "/api/v1/roles/"+role+"/shortlist", q(kv...))
			if r.status != 200 {
				t.Fatalf("%s: %d", role, r.status)
			}
			var doc map[string]any
			if err := json.Unmarshal(r.raw, &doc); err != nil {
				t.Fatal(err)
			}
			delete(doc, "computed_at") // when the list was computed, not a date about anyone
			text, _ := json.Marshal(doc)
			body := string(text)
			if strings.Contains(body, "candidate_id") || strings.Contains(body, "cand-") {
				t.Fatalf("%s: a candidate id reached an employer", role)
			}
			if strings.Contains(body, "org-") {
				t.Fatalf("%s: a programme organisation reached an employer", role)
			}
			if m := exactDate.FindString(body); m != "" {
				t.Fatalf("%s: an exact date %s reached an employer", role, m)
			}
			if regexp.MustCompile(`"distance_km":\d`).MatchString(body) {
				t.Fatalf("%s: an exact distance reached an employer", role)
			}
			for _, c := range a.cands {
				if c.House != nil && (strings.Contains(body, coord(c.House.Lat)) || strings.Contains(body, coord(c.House.Lon))) {
					t.Fatalf("%s: the house of %s reached an employer", role, c.Alias)
				}
				for _, d := range []engine.Day{c.ReleaseDate, dayReleaseFrom(c)} {
					if d != 0 && strings.Contains(body, dayString(d)) {
						t.Fatalf("%s: a date of %s reached an employer", role, c.Alias)
					}
				}
			}
			checked += len(r.items())
		}
	}
	if checked < 100 {
		t.Fatalf("only %d entries checked", checked)
	}
}

func coord(f float64) string { return strconv.FormatFloat(f, 'f', 3, 64) }

func dayReleaseFrom(c engine.Candidate) engine.Day {
	if c.DayRelease == nil {
		return 0
	}
	return c.DayRelease.EligibleFrom
}

// TestWithdrawalAndErasureThroughTheAPI: after a withdrawal and an
// erasure go through the port, neither candidate is in any stored
// shortlist, its suggestions are gone, and the API shows neither.
func TestWithdrawalAndErasureThroughTheAPI(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	ctx := context.Background()
	withdrawn, erased := a.topCandidate(t, "role-000", 0), a.topCandidate(t, "role-000", 1)
	before, _ := a.store.ShortlistsWith(ctx, withdrawn)
	if len(before) < 2 {
		t.Fatalf("%s is in %d shortlists; the test needs several", withdrawn, len(before))
	}
	c, _ := a.ix.Candidate(withdrawn)
	c.Consent, c.Version = false, c.Version+1
	a.ix.UpsertCandidate(c)
	a.owner.set(withdrawn, c.OrgID, false)
	if err := a.res.CandidateRemoved(ctx, withdrawn); err != nil {
		t.Fatal(err)
	}
	a.ix.RemoveCandidate(erased)
	a.owner.erase(erased)
	if err := a.res.CandidateRemoved(ctx, erased); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{withdrawn, erased} {
		if in, _ := a.store.ShortlistsWith(ctx, id); len(in) > 0 {
			t.Errorf("%s still in shortlists %v", id, in)
		}
		if _, err := a.store.Suggestions(ctx, id); err == nil {
			t.Errorf("%s still has suggestions", id)
		}
		org := staffOrg0
		if id[len(id)-1]%2 == 1 {
			org = staffOrg1
		}
		r := a.get(t, org, "/api/v1/candidates/"+id+"/suggestions", nil)
		switch {
		case id == erased && r.status != 404:
			t.Errorf("suggestions of erased %s: %d, want 404", id, r.status)
		case id == withdrawn && (r.status != 200 || r.body["state"] != "no_consent" || len(r.items()) != 0 || r.body["total"] != 0.0):
			t.Errorf("suggestions of %s, who withdrew consent: %d %s, want 200, state no_consent and no items", id, r.status, r.raw)
		}
	}
	for _, role := range before {
		sl, _ := a.store.Shortlist(ctx, role)
		want := min(len(a.ix.Shortlist(role, 100, results.DayOf(testNow))), 100)
		if len(sl.Entries) != want {
			t.Errorf("%s holds %d entries after the removal, the index has %d: not refilled", role, len(sl.Entries), want)
		}
	}
}

// topCandidate returns the id of the n-th candidate of a stored shortlist.
func (a *matchingAPI) topCandidate(t *testing.T, role string, n int) string {
	t.Helper()
	sl, err := a.store.Shortlist(context.Background(), role)
	if err != nil || len(sl.Entries) <= n {
		t.Fatalf("shortlist of %s: %v", role, err)
	}
	return sl.Entries[n].CandidateID
}

// TestStatusAndCounts: the status is for platform admins; counts answer
// only the caller's own roles.
func TestStatusAndCounts(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	st := a.get(t, platformAdmin, "/api/v1/matching/status", nil)
	if st.status != 200 || st.body["candidates"].(float64) != 160 || st.body["roles"].(float64) != 6 || st.body["shortlists"].(float64) != 6 {
		t.Fatalf("status: %d %s", st.status, st.raw)
	}
	for _, who := range []string{ownerEmployer, staffOrg0, candidateSelf} {
		if r := a.get(t, who, "/api/v1/matching/status", nil); r.status != 403 {
			t.Errorf("%s reading the status: %d", who, r.status)
		}
	}
	r := a.get(t, ownerEmployer, "/api/v1/matching/shortlist-counts?role=role-000&role=role-001&role=role-003&role=nope", nil)
	counts, _ := r.body["counts"].(map[string]any)
	if r.status != 200 || len(counts) != 2 || counts["role-000"] == nil || counts["role-003"] == nil {
		t.Fatalf("counts: %d %s", r.status, r.raw)
	}
	sl, _ := a.store.Shortlist(context.Background(), "role-000")
	c := counts["role-000"].(map[string]any)
	if int(c["full"].(float64)) != sl.Counts().Full || int(c["near"].(float64)) != sl.Counts().Near {
		t.Errorf("counts of role-000: %v, stored %+v", c, sl.Counts())
	}
	if r := a.get(t, staffOrg0, "/api/v1/matching/shortlist-counts?role=role-000", nil); r.status != 403 {
		t.Errorf("staff reading counts: %d", r.status)
	}
}
