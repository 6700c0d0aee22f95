package mongo

import (
	"context"
	"reflect"
	"sort"
	"testing"

	"github.com/onward-jobs/onward/pkg/mongox"
	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// TestListCandidatesSearch runs name, alias, setting and programme queries
// over two organisations whose candidates share names.
func TestListCandidatesSearch(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	f := newFixture(t)
	type person struct {
		id, org, alias         string
		given, family, prefers string
		setting                domain.Setting
		programme              string
	}
	people := []person{
		{"a1", "org-a", "K7Q2", "Jérôme", "Dupont", "", domain.SettingReleased, "p1"},
		{"a2", "org-a", "B3D4", "Jean-Pierre", "Dubois", "JP", domain.SettingDetentionHouse, "p2"},
		{"a3", "org-a", "C5F6", "Marie", "Vanderbroeckhoven", "Mia", domain.SettingDetentionHouse, "p1"},
		{"a4", "org-a", "D7G8", "Łucja", "Dąbrowska", "", domain.SettingProbation, ""},
		{"b1", "org-b", "F9H2", "Jérôme", "Dupont", "", domain.SettingReleased, "p1"},
	}
	for _, p := range people {
		c := minimalCandidate(p.id, p.org, p.alias)
		c.Identity = domain.Identity{GivenName: p.given, FamilyName: p.family, PreferredName: p.prefers}
		c.Profile.Setting = p.setting
		if p.programme != "" {
			c.ProgrammeRecords = []domain.ProgrammeRecord{{ID: "r-" + p.id, ProgrammeID: p.programme, From: "2025-01-01", Hours: 10, RecordedAt: at(1)}}
		}
		insert(t, f.Store, c)
	}
	cases := []struct {
		name string
		f    domain.Filter
		want []string
	}{
		{"everyone of the organisation", domain.Filter{}, []string{"a1", "a2", "a3", "a4"}},
		{"diacritics in the name", domain.Filter{Query: "jero"}, []string{"a1"}},
		{"diacritics in the query", domain.Filter{Query: "JÉRÔME"}, []string{"a1"}},
		{"family name prefix", domain.Filter{Query: "du"}, []string{"a1", "a2"}},
		{"two words, both must match", domain.Filter{Query: "jer dup"}, []string{"a1"}},
		{"two words from different people", domain.Filter{Query: "jerome dubois"}, nil},
		{"hyphenated name as words", domain.Filter{Query: "pierre"}, []string{"a2"}},
		{"preferred name", domain.Filter{Query: "mia"}, []string{"a3"}},
		{"folded letters", domain.Filter{Query: "lucja dabrow"}, []string{"a4"}},
		{"word longer than the index", domain.Filter{Query: "Vanderbroeckhoven"}, []string{"a3"}},
		{"not a prefix", domain.Filter{Query: "pont"}, nil},
		{"one-letter words are ignored", domain.Filter{Query: "j dupont"}, []string{"a1"}},
		{"alias, any case", domain.Filter{Query: "c5f6"}, []string{"a3"}},
		{"alias of another organisation", domain.Filter{Query: "F9H2"}, nil},
		{"setting", domain.Filter{Setting: domain.SettingDetentionHouse}, []string{"a2", "a3"}},
		{"programme", domain.Filter{ProgrammeID: "p1"}, []string{"a1", "a3"}},
		{"name and programme", domain.Filter{Query: "d", ProgrammeID: "p1"}, nil},
		{"name, setting and programme", domain.Filter{Query: "ma", Setting: domain.SettingDetentionHouse, ProgrammeID: "p1"}, []string{"a3"}},
	}
	for _, c := range cases {
		c.f.OrgID = "org-a"
		got := listAll(t, f.Store, c.f)
		if !reflect.DeepEqual(got, c.want) {
			t.Errorf("%s: %v, want %v", c.name, got, c.want)
		}
	}
	if got := listAll(t, f.Store, domain.Filter{OrgID: "org-b", Query: "jero"}); !reflect.DeepEqual(got, []string{"b1"}) {
		t.Errorf("the other organisation: %v", got)
	}
	if _, _, err := f.ListCandidates(ctx, domain.Filter{Query: "jero"}, mongox.PageRequest{}); err == nil {
		t.Error("a listing without an organisation was allowed")
	}
}

// listAll walks every page one candidate at a time and returns the ids,
// checking they come in id order and decrypted.
func listAll(t *testing.T, s *Store, f domain.Filter) []string {
	t.Helper()
	var ids []string
	page := mongox.PageRequest{Limit: 1}
	for {
		cs, next, err := s.ListCandidates(context.Background(), f, page)
		if err != nil {
			t.Fatal(err)
		}
		for _, c := range cs {
			if c.Identity.GivenName == "" || c.OrgID != f.OrgID {
				t.Fatalf("listed %+v for %s", c, f.OrgID)
			}
			ids = append(ids, c.ID)
		}
		if next == "" {
			break
		}
		page.Cursor = next
	}
	if !sort.StringsAreSorted(ids) {
		t.Fatalf("ids out of order: %v", ids)
	}
	return ids
}
