package http

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// TestEmployersSeeProgrammeKindsOnly: the programmes that train a skill a
// candidate lacks reach an employer by kind only, each kind once, never by
// the name staff typed (which may name a house); staff reading their
// candidates' suggestions keep the names.
func TestEmployersSeeProgrammeKindsOnly(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	names := []string{roasteryName, kitchenName, "Zuivere Koffie", "Roastery", "Keuken"}
	listed := 0
	for j := range 6 {
		who := ownerEmployer
		if j%3 != 0 {
			who = platformAdmin // reads as the role's employer would
		}
		r := a.get(t, who, fmt.Sprintf("/api/v1/roles/role-%03d/shortlist", j), q("limit", "100"))
		if r.status != 200 {
			t.Fatalf("role-%03d: %d", j, r.status)
		}
		for _, n := range names {
			if strings.Contains(string(r.raw), n) {
				t.Fatalf("role-%03d: the programme name %q reached an employer", j, n)
			}
		}
		for _, it := range r.items() {
			for _, p := range programmesOf(it) {
				if p["name"] != "" {
					t.Fatalf("role-%03d: programme %v has a name", j, p)
				}
				listed++
			}
			for _, group := range []string{"essential", "optional"} {
				for _, status := range []string{"partly", "missing"} {
					for _, f := range skillFitsOf(it, group, status) {
						if kinds := kindsOf(f); len(kinds) != 2 || kinds[0] != "coffee_roastery" || kinds[1] != "catering" {
							t.Fatalf("role-%03d: kinds %v, want each kind once", j, kinds)
						}
					}
				}
			}
		}
	}
	if listed == 0 {
		t.Fatal("no skill partly met or missing: nothing checked")
	}
	staffSaw := false
	for _, c := range a.cands[:20] {
		who := staffOrg0
		if c.OrgID == "org-1" {
			who = staffOrg1
		}
		r := a.get(t, who, "/api/v1/candidates/"+c.ID+"/suggestions", q("limit", "100"))
		if r.status != 200 {
			t.Fatalf("%s: %d", c.ID, r.status)
		}
		staffSaw = staffSaw || strings.Contains(string(r.raw), roasteryName) && strings.Contains(string(r.raw), kitchenName)
	}
	if !staffSaw {
		t.Fatal("staff no longer see the programmes' names")
	}
}

func skillFitsOf(item map[string]any, group, status string) []map[string]any {
	expl, _ := item["explanation"].(map[string]any)
	sk, _ := expl["skills"].(map[string]any)
	g, _ := sk[group].(map[string]any)
	list, _ := g[status].([]any)
	out := []map[string]any{}
	for _, f := range list {
		out = append(out, f.(map[string]any))
	}
	return out
}

func programmesOf(item map[string]any) []map[string]any {
	out := []map[string]any{}
	for _, group := range []string{"essential", "optional"} {
		for _, status := range []string{"met", "partly", "missing"} {
			for _, f := range skillFitsOf(item, group, status) {
				list, _ := f["programmes"].([]any)
				for _, p := range list {
					out = append(out, p.(map[string]any))
				}
			}
		}
	}
	return out
}

func kindsOf(f map[string]any) []string {
	var out []string
	list, _ := f["programmes"].([]any)
	for _, p := range list {
		out = append(out, p.(map[string]any)["kind"].(string))
	}
	return out
}

// TestRolesInEveryTownDoNotPlaceTheHouse: an employer that opens the same
// role in a grid of 25 towns around the houses learns of a candidate who
// lives in a house only that each town is within the travel limit: the
// candidate's entry reads the same on every shortlist it is on (no band,
// no distance, the same score), so comparing them places no house.
func TestRolesInEveryTownDoNotPlaceTheHouse(t *testing.T) {
	t.Parallel()
	a := newMatchingAPI(t)
	base, _ := a.ix.Role("role-000")
	var roles []string
	for i := range 5 {
		for j := range 5 {
			r := base
			r.ID = fmt.Sprintf("town-%d-%d", i, j)
			r.Site = &engine.Point{Lat: 50.74 + 0.045*float64(i), Lon: 3.12 + 0.07*float64(j)}
			a.ix.UpsertRole(r)
			roles = append(roles, r.ID)
		}
	}
	if err := a.res.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	housed := map[string]bool{}
	for _, c := range a.cands {
		housed[c.Alias] = c.Housed
	}
	seen := map[string]string{} // alias → the entry as first read
	towns := map[string]int{}
	for _, role := range roles {
		r := a.get(t, ownerEmployer, "/api/v1/roles/"+role+"/shortlist", q("limit", "100"))
		if r.status != 200 {
			t.Fatalf("%s: %d", role, r.status)
		}
		for _, it := range r.items() {
			alias, _ := it["alias"].(string)
			if !housed[alias] {
				continue
			}
			delete(it, "candidate_ref") // one per role by design
			card, _ := it["card"].(map[string]any)
			expl, _ := it["explanation"].(map[string]any)
			if card["distance_band"] != "within_limit" || expl["distance_band"] != "within_limit" {
				t.Fatalf("%s: %s has the band %v/%v", role, alias, card["distance_band"], expl["distance_band"])
			}
			if _, ok := expl["distance_km"]; ok || strings.Contains(expl["summary"].(string), "km") {
				t.Fatalf("%s: %s has a distance: %v", role, alias, expl)
			}
			text, _ := json.Marshal(it)
			if first, ok := seen[alias]; ok && first != string(text) {
				t.Fatalf("%s: %s reads differently from town to town:\n%s\n%s", role, alias, first, text)
			}
			seen[alias] = string(text)
			towns[alias]++
		}
	}
	compared := 0
	for _, n := range towns {
		if n >= 5 {
			compared++
		}
	}
	if compared < 10 {
		t.Fatalf("only %d housed candidates on five or more of the towns' shortlists", compared)
	}
}
