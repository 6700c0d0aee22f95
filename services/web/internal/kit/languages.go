package kit

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"
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

// maxLanguageRows bounds a form's language rows, so a crafted form cannot
// grow them.
const maxLanguageRows = 10

// LanguageRow is one language of a form (asked for by a role, spoken by a
// candidate) at a CEFR level, and the service's complaint about it, if
// any. The "language-rows" and "add-language" templates draw the rows.
type LanguageRow struct {
	Code, Level, Error string
}

// ReadLanguageRows reads the rows lang_code and lang_level, then adds the
// language chosen under "add a language" (on any button, so a chosen
// language is never lost), unless the form has it already.
func ReadLanguageRows(c *fiber.Ctx) []LanguageRow {
	codes, levels := FormList(c, "lang_code"), FormList(c, "lang_level")
	var rows []LanguageRow
	add := func(code, level string) {
		code = strings.TrimSpace(code)
		if code == "" || len(rows) >= maxLanguageRows || slices.ContainsFunc(rows, func(r LanguageRow) bool { return r.Code == code }) {
			return
		}
		if !slices.Contains(CEFRLevels, level) {
			level = "B1"
		}
		rows = append(rows, LanguageRow{Code: code, Level: level})
	}
	for i, code := range codes {
		level := ""
		if i < len(levels) {
			level = levels[i]
		}
		add(code, level)
	}
	add(FormText(c, "new_lang_code"), FormText(c, "new_lang_level"))
	return rows
}

// LanguageRowView is one row as a form shows it.
type LanguageRowView struct {
	LanguageRow
	Index     int
	Name      string
	Languages []Choice
}

// LanguageRowViews are the rows as a form shows them, in v's language.
func LanguageRowViews(v *View, rows []LanguageRow) []LanguageRowView {
	out := make([]LanguageRowView, 0, len(rows))
	for i, r := range rows {
		out = append(out, LanguageRowView{LanguageRow: r, Index: i, Name: LanguageName(v, r.Code), Languages: LanguageChoices(v, r.Code)})
	}
	return out
}
