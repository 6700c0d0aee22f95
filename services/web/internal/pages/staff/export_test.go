package staff

import (
	"io/fs"
	"maps"
	"regexp"
	"slices"
)

// This file lends the black-box tests (package staff_test, which may use
// webtest: an internal test may not, since webtest runs the whole app and
// so imports this package) the message ids the pages build from a value,
// which the route table's scan of literal ids cannot see.

// StaffMessageIDs are the staff. family's built ids: field labels named by
// a field ("staff-input" and StaffField_<name>), the settings, the
// portfolio's field errors and the candidate form's errors.
func StaffMessageIDs() []string {
	used := map[string]bool{}
	fieldLabel := regexp.MustCompile(`"staff-input" \(list \$ "([a-z_]+)"`)
	files, _ := fs.Glob(templateFiles, "templates/*.html")
	for _, f := range files {
		buf, _ := fs.ReadFile(templateFiles, f)
		for _, m := range fieldLabel.FindAllStringSubmatch(string(buf), -1) {
			used["StaffField_"+m[1]] = true
		}
	}
	for _, st := range candidateSettings {
		used["StaffSetting_"+st], used["StaffSettingHint_"+st] = true, true
	}
	for _, f := range []string{"programme", "from", "to", "hours", "skill", "level", "evidence", "date"} {
		used["StaffErrPortfolio_"+f] = true
	}
	for _, m := range candidateFields {
		used[m.msg] = true
	}
	return slices.Sorted(maps.Keys(used))
}

// CorrectionsMessageIDs are the corrections. family's built ids: the
// revocation reasons and their hints, and the candidate page's notices.
func CorrectionsMessageIDs() []string {
	var ids []string
	for _, r := range revocationReasons {
		ids = append(ids, "CorrectionsReason_"+string(r), "CorrectionsReasonHint_"+string(r))
	}
	for _, n := range correctionNotices {
		ids = append(ids, "CorrectionsNotice_"+n)
	}
	return ids
}
