package staff

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// maxLanguages bounds the rows, so a crafted form cannot grow them.
const maxLanguages = 10

// languageRow is one language the candidate speaks at a CEFR level, and
// the service's complaint about it, if any.
type languageRow struct {
	Code, Level, Error string
}

// readLanguageRows reads the rows lang_code and lang_level, then adds the
// language chosen under "add a language" (on any button, so a chosen
// language is never lost), unless the form has it already.
func readLanguageRows(c *fiber.Ctx) []languageRow {
	codes, levels := kit.FormList(c, "lang_code"), kit.FormList(c, "lang_level")
	var rows []languageRow
	add := func(code, level string) {
		code = strings.TrimSpace(code)
		if code == "" || len(rows) >= maxLanguages || slices.ContainsFunc(rows, func(r languageRow) bool { return r.Code == code }) {
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
