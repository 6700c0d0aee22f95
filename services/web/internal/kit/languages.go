package kit

import (
	"slices"
	"strings"
)

// LanguageCodes are the languages (ISO 639-1) a role can ask for and a
// candidate can speak, the region's own first and then the ones
// candidates most often speak; their names are the messages
// "Lang_<code>".
var LanguageCodes = []string{"nl", "fr", "de", "en", "ar", "tr", "pl", "ro", "es", "it", "pt"}

// CEFRLevels are the CEFR levels, each explained by the message
// "Cefr_<level>".
var CEFRLevels = []string{"A1", "A2", "B1", "B2", "C1", "C2"}

// LanguageName names a language in the user's language; a code the forms
// do not offer shows as itself.
func LanguageName(v *View, code string) string {
	if slices.Contains(LanguageCodes, code) {
		return v.T("Lang_" + code)
	}
	return code
}

// LanguageChoices are the languages a row or an "add a language" select
// offers; a code the forms do not know (from an older record) is kept.
func LanguageChoices(v *View, chosen string) []Choice {
	out := Choices(v, "Lang_", LanguageCodes, chosen)
	if chosen != "" && !slices.Contains(LanguageCodes, chosen) {
		out = append(out, Choice{Value: chosen, Label: chosen, Selected: true})
	}
	return out
}

// CEFRChoices are the CEFR levels with their short explanations.
func CEFRChoices(v *View) []Choice {
	out := make([]Choice, 0, len(CEFRLevels))
	for _, l := range CEFRLevels {
		out = append(out, Choice{Value: l, Label: v.T("Cefr_" + l)})
	}
	return out
}

// LanguagesText is languages on one line: "Dutch B1, English A2".
func LanguagesText(v *View, codes, levels []string) string {
	parts := make([]string, 0, len(codes))
	for i, code := range codes {
		level := ""
		if i < len(levels) {
			level = levels[i]
		}
		parts = append(parts, strings.TrimSpace(LanguageName(v, code)+" "+level))
	}
	return strings.Join(parts, ", ")
}

// ProgrammeKinds are the kinds of work programme the candidates service
// knows, each named by the message "StaffKind_<kind>" and, on a card,
// "MatchTrainedKind_<kind>".
var ProgrammeKinds = []string{
	"coffee_roastery", "catering", "bakery", "garden", "green_maintenance", "workshop", "woodwork",
	"metalwork", "bike_repair", "laundry", "cleaning", "printing", "assembly", "logistics",
	"construction", "textiles", "retail", "office", "other",
}
