package mongo

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"testing"
	"time"

	"go.mongodb.org/mongo-driver/v2/bson"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

func newStore(t *testing.T) (*Store, context.Context) {
	t.Helper()
	ctx := context.Background()
	db := testkit.MongoDB(t)
	s, err := NewStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	// A restart ensures the same indexes again.
	if _, err := NewStore(ctx, db); err != nil {
		t.Fatalf("indexes on a restart: %v", err)
	}
	return s, ctx
}

// shortlist builds a shortlist of n entries for role, candidates first..
func shortlist(role, employer string, first, n int) results.Shortlist {
	s := results.Shortlist{RoleID: role, RoleVersion: 3, EmployerID: employer, ComputedAt: time.Date(2026, 3, 2, 9, 0, 0, 123000000, time.UTC)}
	for i := range n {
		match := engine.MatchFull
		if i%4 == 3 {
			match = engine.MatchNear
		}
		s.Entries = append(s.Entries, results.ShortlistEntry{
			CandidateID: fmt.Sprintf("cand-%04d", first+i), CandidateRef: fmt.Sprintf("ref-%d", first+i), Alias: fmt.Sprintf("K%03d", first+i),
			Score: 9000 - 10*i, Match: match,
			Card: results.Card{Alias: fmt.Sprintf("K%03d", first+i), Skills: []results.CardSkill{{Skill: "barista-skills", Level: 3, Hours: 400, Attested: true}},
				Certificates: []string{"Food hygiene certificate"}, Languages: []results.CardLanguage{{Code: "nl", Level: "B2"}},
				AvailableMonth: "2027-01", DistanceBand: "5-15 km", DayRelease: true, ScheduleFit: "full", ProgrammeKinds: []string{"coffee_roastery"}},
			Explanation: results.Explanation{
				Essential: results.SkillGroup{
					Met: []results.SkillFit{{Skill: "barista-skills", RequiredLevel: 2, Essential: true, Status: engine.StatusMet,
						Level: 3, Hours: 400, Attested: true, Programmes: []results.Programme{}}},
					Partly: []results.SkillFit{{Skill: "coffee-cupping", RequiredLevel: 1, Essential: true, Status: engine.StatusPartly,
						Relation: engine.RelationSibling, Related: &results.RelatedSkill{Skill: "coffee-roasting", Level: 3, Hours: 120, Family: "coffee-production"},
						Programmes: []results.Programme{{Kind: "coffee_roastery", Name: "Coffee roastery"}}}},
					Missing: []results.SkillFit{},
				},
				Optional: results.SkillGroup{Met: []results.SkillFit{}, Partly: []results.SkillFit{},
					Missing: []results.SkillFit{{Skill: "latte-art", RequiredLevel: 1, Status: engine.StatusMissing,
						Programmes: []results.Programme{{Kind: "coffee_roastery", Name: "Coffee roastery"}}}}},
				DistanceKm: 12, AvailableFrom: 20820, DayRelease: true, ScheduleFit: "full", LanguageFit: "full",
			},
		})
	}
	return s
}

// TestShortlistRoundTrip: a stored shortlist reads back equal, with its
// cut-off and counts, and is replaced whole.
func TestShortlistRoundTrip(t *testing.T) {
	t.Parallel()
	s, ctx := newStore(t)
	if _, err := s.Shortlist(ctx, "role-1"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("missing shortlist: %v", err)
	}
	want := shortlist("role-1", "emp-1", 0, 100)
	start := time.Now()
	if err := s.SaveShortlist(ctx, want); err != nil {
		t.Fatal(err)
	}
	t.Logf("one 100-entry shortlist written in %v", time.Since(start))
	got, err := s.Shortlist(ctx, "role-1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("read back\n%+v\nwant\n%+v", got.Entries[0], want.Entries[0])
	}
	cuts, err := s.ShortlistCutoffs(ctx, []string{"role-1", "role-2"})
	if err != nil || len(cuts) != 1 || cuts["role-1"] != want.CutoffOf() || !cuts["role-1"].Full {
		t.Fatalf("cut-offs: %v %v", cuts, err)
	}
	smaller := shortlist("role-1", "emp-1", 50, 10)
	if err := s.SaveShortlist(ctx, smaller); err != nil {
		t.Fatal(err)
	}
	got, _ = s.Shortlist(ctx, "role-1")
	if len(got.Entries) != 10 || got.Entries[0].CandidateID != "cand-0050" {
		t.Fatalf("replace: %d entries", len(got.Entries))
	}
	if cuts, _ := s.ShortlistCutoffs(ctx, []string{"role-1"}); cuts["role-1"].Full {
		t.Fatalf("a list of 10 is not full: %v", cuts)
	}
	counts, err := s.ShortlistCounts(ctx, []string{"role-1", "nope"})
	if err != nil || len(counts) != 1 || counts["role-1"] != (results.RoleCounts{EmployerID: "emp-1", Counts: smaller.Counts()}) {
		t.Fatalf("counts: %v %v", counts, err)
	}
}

// TestFindListsHoldingAnId: the indexed entries find every shortlist that
// holds a candidate and every suggestion list that holds a role, and
// deleting is idempotent.
func TestFindListsHoldingAnId(t *testing.T) {
	t.Parallel()
	s, ctx := newStore(t)
	for i, role := range []string{"role-a", "role-b", "role-c"} {
		if err := s.SaveShortlist(ctx, shortlist(role, "emp-1", i*5, 10)); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.ShortlistsWith(ctx, "cand-0007")
	if err != nil || !reflect.DeepEqual(got, []string{"role-a", "role-b"}) {
		t.Fatalf("shortlists with cand-0007: %v %v", got, err)
	}
	if all, _ := s.ShortlistRoles(ctx); len(all) != 3 {
		t.Fatalf("stored shortlists: %v", all)
	}
	if n, _ := s.CountShortlists(ctx); n != 3 {
		t.Fatalf("count: %d", n)
	}
	for range 2 {
		if err := s.DeleteShortlist(ctx, "role-a"); err != nil {
			t.Fatal(err)
		}
	}
	if got, _ := s.ShortlistsWith(ctx, "cand-0007"); !reflect.DeepEqual(got, []string{"role-b"}) {
		t.Fatalf("after delete: %v", got)
	}

	sg := results.Suggestions{CandidateID: "cand-1", OrgID: "org-1", ComputedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		Entries: []results.SuggestionEntry{{RoleID: "role-a", Title: "Barista", EmployerID: "emp-1", Score: 800, Match: engine.MatchFull,
			Explanation: results.Explanation{Essential: emptyGroup(), Optional: emptyGroup(), DistanceKm: -1, AvailableFrom: 20500}}}}
	if err := s.SaveSuggestions(ctx, sg); err != nil {
		t.Fatal(err)
	}
	back, err := s.Suggestions(ctx, "cand-1")
	if err != nil || !reflect.DeepEqual(back, sg) {
		t.Fatalf("suggestions read back %+v, %v", back, err)
	}
	if ids, _ := s.SuggestionsWith(ctx, "role-a"); !reflect.DeepEqual(ids, []string{"cand-1"}) {
		t.Fatalf("suggestions with role-a: %v", ids)
	}
	if cuts, _ := s.SuggestionCutoffs(ctx, []string{"cand-1"}); cuts["cand-1"].Full {
		t.Fatalf("one suggestion is not a full list")
	}
	if err := s.DeleteSuggestions(ctx, "cand-1"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Suggestions(ctx, "cand-1"); !errors.Is(err, errs.NotFound) {
		t.Fatalf("deleted suggestions: %v", err)
	}
}

// TestStoredDocumentsHoldNoIdentity reads a raw document: ids, scores and
// the card, no names or places.
func TestStoredDocumentsHoldNoIdentity(t *testing.T) {
	t.Parallel()
	s, ctx := newStore(t)
	if err := s.SaveShortlist(ctx, shortlist("role-1", "emp-1", 0, 3)); err != nil {
		t.Fatal(err)
	}
	var raw bson.M
	if err := s.shortlists.FindOne(ctx, bson.D{{Key: "_id", Value: "role-1"}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"role_version", "employer_id", "computed_at", "cutoff", "counts", "candidate_ids", "entries"} {
		if _, ok := raw[k]; !ok {
			t.Errorf("document lacks %s", k)
		}
	}
	if ids, ok := raw["candidate_ids"].(bson.A); !ok || len(ids) != 3 || ids[0] != "cand-0000" {
		t.Errorf("candidate_ids: %v", raw["candidate_ids"])
	}
	// The entries are one value: the server converts no nested fields.
	packed, ok := raw["entries"].(bson.Binary)
	if !ok {
		t.Fatalf("entries are %T, want one binary value", raw["entries"])
	}
	var entries []map[string]any
	if err := unpackEntries(packed.Data, &entries); err != nil || len(entries) != 3 {
		t.Fatalf("entries: %v", err)
	}
	for k := range entries[0] {
		switch k {
		case "name", "house", "lat", "lon", "phone", "email", "summary":
			t.Errorf("entry holds %s", k)
		}
	}
}

// TestMembersAndUpgrade: the members of every list read back without
// their entries, and a document of the earlier layout (entries as nested
// documents) still reads and is rewritten compactly at the next start.
func TestMembersAndUpgrade(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	db := testkit.MongoDB(t)
	s, err := NewStore(ctx, db)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.SaveShortlist(ctx, shortlist("role-a", "emp-1", 0, 3)); err != nil {
		t.Fatal(err)
	}
	old := shortlist("role-old", "emp-2", 7, 2)
	legacy := legacyShortlistDoc{RoleID: old.RoleID, RoleVersion: old.RoleVersion, EmployerID: old.EmployerID, ComputedAt: old.ComputedAt}
	for _, e := range old.Entries {
		legacy.Entries = append(legacy.Entries, shortEntry{CandidateID: e.CandidateID, CandidateRef: e.CandidateRef, Alias: e.Alias,
			Score: e.Score, Match: string(e.Match), Card: toCardDoc(e.Card), Explanation: toExplanationDoc(e.Explanation)})
	}
	if _, err := s.shortlists.InsertOne(ctx, legacy); err != nil {
		t.Fatal(err)
	}
	oldSugg := legacySuggestionsDoc{CandidateID: "cand-9", OrgID: "org-1", ComputedAt: old.ComputedAt,
		Entries: []suggEntry{{RoleID: "role-a", Title: "Barista", EmployerID: "emp-1", Score: 5, Match: "near",
			Explanation: explanationDoc{MatchedSkills: []matchedDoc{}, MissingSkills: []missingDoc{}}}}}
	if _, err := s.suggestions.InsertOne(ctx, oldSugg); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Shortlist(ctx, "role-old"); err != nil || !reflect.DeepEqual(got, old) {
		t.Fatalf("legacy shortlist: %v", err)
	}
	if _, err := NewStore(ctx, db); err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	var raw bson.M
	if err := s.shortlists.FindOne(ctx, bson.D{{Key: "_id", Value: "role-old"}}).Decode(&raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := raw["entries"].(bson.Binary); !ok || raw["candidate_ids"] == nil {
		t.Fatalf("not upgraded: entries %T, candidate_ids %v", raw["entries"], raw["candidate_ids"])
	}
	if got, err := s.Shortlist(ctx, "role-old"); err != nil || !reflect.DeepEqual(got, old) {
		t.Fatalf("upgraded shortlist: %v", err)
	}
	members, err := s.ShortlistMembers(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string][]string{}
	for _, m := range members {
		byID[m.ID] = m.Members
	}
	want := map[string][]string{"role-a": {"cand-0000", "cand-0001", "cand-0002"}, "role-old": {"cand-0007", "cand-0008"}}
	if !reflect.DeepEqual(byID, want) {
		t.Fatalf("shortlist members %v, want %v", byID, want)
	}
	sugg, err := s.SuggestionMembers(ctx)
	if err != nil || len(sugg) != 1 || sugg[0].ID != "cand-9" || !reflect.DeepEqual(sugg[0].Members, []string{"role-a"}) {
		t.Fatalf("suggestion members %v %v", sugg, err)
	}
	if ids, _ := s.SuggestionsWith(ctx, "role-a"); !reflect.DeepEqual(ids, []string{"cand-9"}) {
		t.Fatalf("suggestions with role-a after the upgrade: %v", ids)
	}
	// The upgraded lists keep explanations of the earlier layout: they
	// stay outdated until written again.
	roles, cands, err := s.OutdatedLists(ctx)
	if err != nil || !reflect.DeepEqual(roles, []string{"role-old"}) || !reflect.DeepEqual(cands, []string{"cand-9"}) {
		t.Fatalf("outdated lists %v %v %v, want role-old and cand-9", roles, cands, err)
	}
	if err := s.SaveShortlist(ctx, old); err != nil {
		t.Fatal(err)
	}
	if roles, _, _ := s.OutdatedLists(ctx); len(roles) != 0 {
		t.Fatalf("outdated shortlists after a write: %v", roles)
	}
}

// TestExplanationOfTheEarlierLayout: a packed entry whose explanation has
// the earlier matched and missing lists (a skill credited through a
// related skill in both) reads as groups: each skill once, essential and
// optional apart, met, below the level, through a sibling, missing.
func TestExplanationOfTheEarlierLayout(t *testing.T) {
	t.Parallel()
	s, ctx := newStore(t)
	trains := []programmeDoc{{Kind: "coffee_roastery", Name: "Coffee roastery"}}
	old := explanationDoc{
		MatchedSkills: []matchedDoc{
			{Skill: "coffee-roasting", CandidateLevel: 3, RequiredLevel: 2, Essential: true, Hours: 300, Attested: true},
			{Skill: "coffee-cupping", CandidateLevel: 3, RequiredLevel: 1, Essential: true, Via: "sibling"},
			{Skill: "espresso-preparation", CandidateLevel: 1, RequiredLevel: 2},
		},
		MissingSkills: []missingDoc{
			{Skill: "coffee-cupping", RequiredLevel: 1, Essential: true, Programmes: trains},
			{Skill: "green-coffee-grading", RequiredLevel: 2, Essential: true, Programmes: trains},
			{Skill: "latte-art", RequiredLevel: 1, Programmes: []programmeDoc{}},
		},
		DistanceKm: 11, AvailableFrom: 20777, ScheduleFit: "n/a", LanguageFit: "partial",
	}
	packed, err := packEntries([]suggEntry{{RoleID: "role-a", Title: "Cupping", EmployerID: "emp-1", Score: 5258, Match: "near", Explanation: old}})
	if err != nil {
		t.Fatal(err)
	}
	doc := suggestionsDoc{CandidateID: "cand-1", OrgID: "org-1", ComputedAt: time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC),
		RoleIDs: []string{"role-a"}, Entries: packed}
	if _, err := s.suggestions.InsertOne(ctx, doc); err != nil {
		t.Fatal(err)
	}
	got, err := s.Suggestions(ctx, "cand-1")
	if err != nil || len(got.Entries) != 1 {
		t.Fatalf("suggestions of the earlier layout: %+v %v", got, err)
	}
	progs := []results.Programme{{Kind: "coffee_roastery", Name: "Coffee roastery"}}
	want := results.Explanation{
		Essential: results.SkillGroup{
			Met: []results.SkillFit{{Skill: "coffee-roasting", RequiredLevel: 2, Essential: true, Status: engine.StatusMet,
				Level: 3, Hours: 300, Attested: true, Programmes: []results.Programme{}}},
			Partly: []results.SkillFit{{Skill: "coffee-cupping", RequiredLevel: 1, Essential: true, Status: engine.StatusPartly,
				Relation: engine.RelationSibling, Related: &results.RelatedSkill{Level: 3}, Programmes: progs}},
			Missing: []results.SkillFit{{Skill: "green-coffee-grading", RequiredLevel: 2, Essential: true, Status: engine.StatusMissing, Programmes: progs}},
		},
		Optional: results.SkillGroup{
			Met: []results.SkillFit{},
			Partly: []results.SkillFit{{Skill: "espresso-preparation", RequiredLevel: 2, Status: engine.StatusPartly,
				Relation: engine.RelationBelowLevel, Level: 1, Programmes: []results.Programme{}}},
			Missing: []results.SkillFit{{Skill: "latte-art", RequiredLevel: 1, Status: engine.StatusMissing, Programmes: []results.Programme{}}},
		},
		DistanceKm: 11, AvailableFrom: 20777, ScheduleFit: "n/a", LanguageFit: "partial",
	}
	if !reflect.DeepEqual(got.Entries[0].Explanation, want) {
		t.Fatalf("read\n%+v\nwant\n%+v", got.Entries[0].Explanation, want)
	}
	if _, cands, err := s.OutdatedLists(ctx); err != nil || !reflect.DeepEqual(cands, []string{"cand-1"}) {
		t.Fatalf("outdated suggestions %v %v, want cand-1", cands, err)
	}
	if err := s.SaveSuggestions(ctx, got); err != nil {
		t.Fatal(err)
	}
	if _, cands, _ := s.OutdatedLists(ctx); len(cands) != 0 {
		t.Fatalf("outdated suggestions after a write: %v", cands)
	}
}
