package skills

import (
	"testing"
)

// TestDefaultIsValid proves the embedded curated data loads, so Default can
// never panic in a released binary, and holds the curated data to the
// stricter rules of a shipped taxonomy: all four languages on every entry.
func TestDefaultIsValid(t *testing.T) {
	tax, err := LoadDir(curatedData, "data/curated")
	if err != nil {
		t.Fatal(err)
	}
	if tax.Version() == "" {
		t.Error("the curated taxonomy has no version (data/curated/VERSION)")
	}
	if Default() == nil {
		t.Fatal("Default returned nil")
	}
	for _, s := range tax.Skills() {
		for _, l := range Langs {
			if s.Labels[l] == "" {
				t.Errorf("skill %q has no %s label", s.ID, l)
			}
		}
	}
	for _, o := range tax.Occupations() {
		for _, l := range Langs {
			if o.Labels[l] == "" {
				t.Errorf("occupation %q has no %s label", o.ID, l)
			}
		}
		if len(o.Essential) == 0 {
			t.Errorf("occupation %q has no essential skills", o.ID)
		}
	}
}

// TestDefaultHasAgreedIDs checks the ids other services and tests rely on.
func TestDefaultHasAgreedIDs(t *testing.T) {
	tax := Default()
	for _, id := range []string{"coffee-roasting", "espresso-preparation", "barista-skills", "food-hygiene", "forklift-operation", "teamwork", "punctuality"} {
		if _, ok := tax.Skill(id); !ok {
			t.Errorf("skill %q missing", id)
		}
	}
	for _, id := range []string{"barista", "kitchen-assistant", "forklift-driver"} {
		if _, ok := tax.Occupation(id); !ok {
			t.Errorf("occupation %q missing", id)
		}
	}
}

// TestDefaultSuggestions is the search table against the real
// curated data.
func TestDefaultSuggestions(t *testing.T) {
	tax := Default()
	for _, tc := range []struct {
		q          string
		lang       Lang
		skill      string
		occupation string
	}{
		{"barista", EN, "barista-skills", "barista"},
		{"Barista", EN, "barista-skills", "barista"},
		{"baristta", EN, "barista-skills", "barista"},
		{"koffie branden", NL, "coffee-roasting", ""},
		{"Kaffeerösten", DE, "coffee-roasting", ""},
		{"torrefaction du cafe", FR, "coffee-roasting", ""},
		{"forklift op", EN, "forklift-operation", ""},
		{"forklift", EN, "", "forklift-driver"},
	} {
		t.Run(tc.q, func(t *testing.T) {
			if tc.skill != "" {
				got := tax.SuggestSkills(tc.q, tc.lang, 5)
				if len(got) == 0 || got[0].Skill.ID != tc.skill {
					t.Errorf("SuggestSkills(%q, %s) = %v, want %s first", tc.q, tc.lang, skillIDs(got), tc.skill)
				}
			}
			if tc.occupation != "" {
				got := tax.SuggestOccupations(tc.q, tc.lang, 5)
				if len(got) == 0 || got[0].Occupation.ID != tc.occupation {
					t.Errorf("SuggestOccupations(%q, %s) = %v, want %s first", tc.q, tc.lang, occupationIDs(got), tc.occupation)
				}
			}
		})
	}
}

func skillIDs(ms []SkillMatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Skill.ID + " (" + m.Matched + ")"
	}
	return out
}

func occupationIDs(ms []OccupationMatch) []string {
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.Occupation.ID + " (" + m.Matched + ")"
	}
	return out
}
