package site

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"
)

// roleLanguageCodes are the languages (ISO 639-1) a role can ask for,
// the region's own first and then the ones candidates most often speak;
// their names are the messages "Lang_<code>".
var roleLanguageCodes = []string{"nl", "fr", "de", "en", "ar", "tr", "pl", "ro", "es", "it", "pt"}

// cefrLevels are the CEFR levels a role can ask for, each explained by
// the message "Cefr_<level>".
var cefrLevels = []string{"A1", "A2", "B1", "B2", "C1", "C2"}

// maxRoleLanguages bounds the rows, so a crafted form cannot grow them.
const maxRoleLanguages = 10

// languageRow is one language of a role with its minimum CEFR level, and
// the service's complaint about it, if any.
type languageRow struct {
	Code, Level, Error string
}

type roleLanguage struct {
	Code     string `json:"code"`
	MinLevel string `json:"min_level"`
}

// readLanguageRows reads the rows lang_code and lang_level, then adds
// the language chosen under "add a language" (on any button, so a chosen
// language is never lost), unless the role already asks for it.
func readLanguageRows(c *fiber.Ctx) []languageRow {
	codes, levels := formList(c, "lang_code"), formList(c, "lang_level")
	var rows []languageRow
	add := func(code, level string) {
		code = strings.TrimSpace(code)
		if code == "" || len(rows) >= maxRoleLanguages || slices.ContainsFunc(rows, func(r languageRow) bool { return r.Code == code }) {
			return
		}
		if !slices.Contains(cefrLevels, level) {
			level = "B1"
		}
		rows = append(rows, languageRow{Code: code, Level: level})
	}
	for i, code := range codes {
		level := ""
		if i < len(levels) {
			level = levels[i]
		}
		add(code, level)
	}
	add(formText(c, "new_lang_code"), formText(c, "new_lang_level"))
	return rows
}

// removeLanguageRow applies a "remove" button whose value is "lang:1".
func removeLanguageRow(f *roleForm, which string) {
	list, idx, ok := strings.Cut(which, ":")
	i, err := strconv.Atoi(idx)
	if ok && err == nil && list == "lang" && i >= 0 && i < len(f.Languages) {
		f.Languages = slices.Delete(f.Languages, i, i+1)
	}
}

func languageInputs(rows []languageRow) []roleLanguage {
	out := make([]roleLanguage, 0, len(rows))
	for _, r := range rows {
		out = append(out, roleLanguage{Code: r.Code, MinLevel: r.Level})
	}
	return out
}

func languageRows(langs []roleLanguage) []languageRow {
	rows := make([]languageRow, 0, len(langs))
	for _, l := range langs {
		rows = append(rows, languageRow{Code: l.Code, Level: l.MinLevel})
	}
	return rows
}

// languageName names a language in the user's language; a code the form
// does not offer shows as itself.
func languageName(v *view, code string) string {
	if slices.Contains(roleLanguageCodes, code) {
		return v.T("Lang_" + code)
	}
	return code
}

// languagesText is the role's languages on one line: "Dutch B1, English A2".
func languagesText(v *view, rows []languageRow) string {
	parts := make([]string, 0, len(rows))
	for _, r := range rows {
		parts = append(parts, languageName(v, r.Code)+" "+r.Level)
	}
	return strings.Join(parts, ", ")
}

// languageRowError puts a field error on "languages[2].min_level" next to
// row 2, and reports whether it named a row.
func languageRowError(v *view, f *roleForm, apiField, msg string) bool {
	rest, ok := strings.CutPrefix(apiField, "languages[")
	idx, _, ok2 := strings.Cut(rest, "]")
	i, err := strconv.Atoi(idx)
	if !ok || !ok2 || err != nil || i < 0 || i >= len(f.Languages) {
		return false
	}
	f.Languages[i].Error = msg
	v.addError("lang_level_"+strconv.Itoa(i), msg)
	return true
}

// languageChoices are the languages a row or the "add" select offers;
// a code the form does not know (from an older role) is kept.
func languageChoices(v *view, chosen string) []choice {
	out := choices(v, "Lang_", roleLanguageCodes, chosen)
	if chosen != "" && !slices.Contains(roleLanguageCodes, chosen) {
		out = append(out, choice{Value: chosen, Label: chosen, Selected: true})
	}
	return out
}

// cefrChoices are the CEFR levels with their short explanations.
func cefrChoices(v *view) []choice {
	out := make([]choice, 0, len(cefrLevels))
	for _, l := range cefrLevels {
		out = append(out, choice{Value: l, Label: v.T("Cefr_" + l)})
	}
	return out
}

// languageRowView is one row as the form shows it.
type languageRowView struct {
	languageRow
	Index     int
	Name      string
	Languages []choice
}

func languageRowViews(v *view, rows []languageRow) []languageRowView {
	out := make([]languageRowView, 0, len(rows))
	for i, r := range rows {
		out = append(out, languageRowView{languageRow: r, Index: i, Name: languageName(v, r.Code), Languages: languageChoices(v, r.Code)})
	}
	return out
}
