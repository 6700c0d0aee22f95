package http

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"slices"
	"testing"
	"time"
)

// storedHolders returns, for every candidate on a stored shortlist, the
// roles whose list holds it, sorted.
func (a *matchingAPI) storedHolders(t *testing.T) map[string][]string {
	t.Helper()
	out := map[string][]string{}
	for j := range 6 {
		role := "role-00" + string(rune('0'+j))
		sl, err := a.store.Shortlist(context.Background(), role)
		if err != nil {
			continue
		}
		for _, e := range sl.Entries {
			out[e.CandidateID] = append(out[e.CandidateID], role)
		}
	}
	return out
}

// streamLines splits an NDJSON answer into its decoded lines.
func streamLines(t *testing.T, raw []byte) []map[string]any {
	t.Helper()
	var out []map[string]any
	sc := bufio.NewScanner(bytes.NewReader(raw))
	for sc.Scan() {
		var line map[string]any
		if err := json.Unmarshal(sc.Bytes(), &line); err != nil {
			t.Fatalf("line %q: %v", sc.Text(), err)
		}
		out = append(out, line)
	}
	return out
}

// TestShortlistedListing: insights streams every candidate who stood on a
// stored shortlist, with the time of the first list and its role, ids and
// a time only, then the end line; it reads one candidate's record, 404 for
// one never shortlisted; an erased candidate is in neither; only services
// may ask.
func TestShortlistedListing(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	ctx := context.Background()
	holders := a.storedHolders(t)
	if len(holders) == 0 || len(holders) == len(a.cands) {
		t.Fatalf("%d of %d candidates shortlisted; the test needs some on no list", len(holders), len(a.cands))
	}
	listed := func() map[string]map[string]any {
		t.Helper()
		got := a.get(t, insightsCaller, "/internal/v1/candidates/shortlisted", nil)
		if got.status != 200 || got.ctype != "application/x-ndjson" {
			t.Fatalf("listing: %d %s %s", got.status, got.ctype, got.raw)
		}
		lines := streamLines(t, got.raw)
		if len(lines) == 0 || lines[len(lines)-1]["end"] != true || lines[len(lines)-1]["count"] != float64(len(lines)-1) {
			t.Fatalf("listing does not end with the end line counting %d items: %v", len(lines)-1, lines[len(lines)-1:])
		}
		out := map[string]map[string]any{}
		for _, l := range lines[:len(lines)-1] {
			if keys := slices.Sorted(maps.Keys(l)); !slices.Equal(keys, []string{"candidate_id", "first_at", "first_role_id"}) {
				t.Fatalf("a line carries %v", keys)
			}
			out[l["candidate_id"].(string)] = l
		}
		return out
	}
	records := listed()
	if len(records) != len(holders) {
		t.Fatalf("listing has %d candidates, the stored shortlists %d", len(records), len(holders))
	}
	for id, roles := range holders {
		r := records[id]
		if r == nil || r["first_at"] != testNow.Format(time.RFC3339) || r["first_role_id"] != roles[0] {
			t.Fatalf("%s: %v, want first_at %s on %s", id, r, testNow.Format(time.RFC3339), roles[0])
		}
	}

	var on, never string
	for _, c := range a.cands {
		if _, ok := holders[c.ID]; ok && on == "" {
			on = c.ID
		} else if !ok && never == "" {
			never = c.ID
		}
	}
	got := a.get(t, insightsCaller, "/internal/v1/candidates/"+on+"/shortlisted", nil)
	if got.status != 200 || got.body["candidate_id"] != on || got.body["first_role_id"] != holders[on][0] {
		t.Fatalf("one candidate: %d %s", got.status, got.raw)
	}
	if got := a.get(t, insightsCaller, "/internal/v1/candidates/"+never+"/shortlisted", nil); got.status != 404 {
		t.Fatalf("a candidate never shortlisted: %d %s", got.status, got.raw)
	}
	if got := a.get(t, serviceCaller, "/internal/v1/candidates/"+on+"/shortlisted", nil); got.status != 200 {
		t.Fatalf("another service: %d %s", got.status, got.raw)
	}
	for _, path := range []string{"/internal/v1/candidates/shortlisted", "/internal/v1/candidates/" + on + "/shortlisted"} {
		if got := a.get(t, "", path, nil); got.status != 401 {
			t.Errorf("%s without a token: %d", path, got.status)
		}
		for _, who := range []string{ownerEmployer, otherEmployer, staffOrg0, staffOrg1, platformAdmin, candidateSelf} {
			if got := a.get(t, who, path, nil); got.status != 403 || got.ctype != "application/problem+json" {
				t.Errorf("%s for %s: %d %s", path, who, got.status, got.ctype)
			}
		}
	}

	a.ix.RemoveCandidate(on)
	a.owner.erase(on)
	if err := a.res.CandidateRemoved(ctx, on); err != nil {
		t.Fatal(err)
	}
	if err := a.res.CandidateErased(ctx, on); err != nil {
		t.Fatal(err)
	}
	if got := a.get(t, insightsCaller, "/internal/v1/candidates/"+on+"/shortlisted", nil); got.status != 404 {
		t.Fatalf("an erased candidate: %d %s", got.status, got.raw)
	}
	if after := listed(); after[on] != nil || len(after) < len(records)-1 {
		t.Fatalf("after the erasure the listing has %d candidates (was %d), erased one listed: %v", len(after), len(records), after[on] != nil)
	}
}
