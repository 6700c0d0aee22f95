package employer

import (
	"slices"
	"strconv"
	"strings"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// removeLanguageRow applies a "remove" button whose value is "lang:1".
func removeLanguageRow(f *roleForm, which string) {
	list, idx, ok := strings.Cut(which, ":")
	i, err := strconv.Atoi(idx)
	if ok && err == nil && list == "lang" && i >= 0 && i < len(f.Languages) {
		f.Languages = slices.Delete(f.Languages, i, i+1)
	}
}

func roleLanguages(rows []kit.LanguageRow) []api.RoleLanguage {
	out := make([]api.RoleLanguage, 0, len(rows))
	for _, r := range rows {
		out = append(out, api.RoleLanguage{Code: r.Code, MinLevel: api.CEFRLevel(r.Level)})
	}
	return out
}

func languageRows(langs []api.RoleLanguage) []kit.LanguageRow {
	rows := make([]kit.LanguageRow, 0, len(langs))
	for _, l := range langs {
		rows = append(rows, kit.LanguageRow{Code: l.Code, Level: string(l.MinLevel)})
	}
	return rows
}

// languagesText is the role's languages on one line: "Dutch B1, English A2".
func languagesText(v *kit.View, rows []kit.LanguageRow) string {
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
