package employer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// maxRoleLanguages bounds the rows, so a crafted form cannot grow them.
const maxRoleLanguages = 10

// languageRow is one language of a role with its minimum CEFR level, and
// the service's complaint about it, if any.
type languageRow struct {
	Code, Level, Error string
}

// readLanguageRows reads the rows lang_code and lang_level, then adds
// the language chosen under "add a language" (on any button, so a chosen
// language is never lost), unless the role already asks for it.
func readLanguageRows(c *fiber.Ctx) []languageRow {
	codes, levels := kit.FormList(c, "lang_code"), kit.FormList(c, "lang_level")
	var rows []languageRow
	add := func(code, level string) {
		code = strings.TrimSpace(code)
		if code == "" || len(rows) >= maxRoleLanguages || slices.ContainsFunc(rows, func(r languageRow) bool { return r.Code == code }) {
			return
		}
		if !slices.Contains(kit.CEFRLevels, level) {
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
	add(kit.FormText(c, "new_lang_code"), kit.FormText(c, "new_lang_level"))
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

func roleLanguages(rows []languageRow) []api.RoleLanguage {
	out := make([]api.RoleLanguage, 0, len(rows))
	for _, r := range rows {
		out = append(out, api.RoleLanguage{Code: r.Code, MinLevel: api.CEFRLevel(r.Level)})
	}
	return out
}

func languageRows(langs []api.RoleLanguage) []languageRow {
	rows := make([]languageRow, 0, len(langs))
	for _, l := range langs {
		rows = append(rows, languageRow{Code: l.Code, Level: string(l.MinLevel)})
	}
	return rows
}

// languagesText is the role's languages on one line: "Dutch B1, English A2".
func languagesText(v *kit.View, rows []languageRow) string {
	codes, levels := make([]string, 0, len(rows)), make([]string, 0, len(rows))
	for _, r := range rows {
		codes, levels = append(codes, r.Code), append(levels, r.Level)
	}
	return kit.LanguagesText(v, codes, levels)
}

// languageRowError puts a field error on "languages[2].min_level" next to
// row 2, and reports whether it named a row.
func languageRowError(addError func(field, msg string), f *roleForm, apiField, msg string) bool {
	rest, ok := strings.CutPrefix(apiField, "languages[")
	idx, _, ok2 := strings.Cut(rest, "]")
	i, err := strconv.Atoi(idx)
	if !ok || !ok2 || err != nil || i < 0 || i >= len(f.Languages) {
		return false
	}
	f.Languages[i].Error = msg
	addError("lang_level_"+strconv.Itoa(i), msg)
	return true
}

// languageRowView is one row as the form shows it.
type languageRowView struct {
	languageRow
	Index     int
	Name      string
	Languages []kit.Choice
}

func languageRowViews(v *kit.View, rows []languageRow) []languageRowView {
	out := make([]languageRowView, 0, len(rows))
	for i, r := range rows {
		out = append(out, languageRowView{languageRow: r, Index: i, Name: kit.LanguageName(v, r.Code), Languages: kit.LanguageChoices(v, r.Code)})
	}
	return out
}
