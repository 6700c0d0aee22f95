package fake

import (
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"
)

// A candidate's own token (role candidate, naming one candidate record)
// may use the candidates service's endpoints for that record only, as the
// real service rules: any other candidate is not found. The statement,
// its review and the export are kept here as the
// candidate's pages and the staff's review use them.

// notTheirs reports (and answers 404) a candidate's request for anything
// but their own record, the consent texts, their disclosures and
// attestations' credentials.
func notTheirs(w http.ResponseWriter, r *http.Request, parts []string) bool {
	c := callerOf(r)
	if c.Role != "candidate" {
		return false
	}
	own := c.CandidateID != "" && len(parts) >= 2 && parts[0] == "candidates" && parts[1] == c.CandidateID
	if own || parts[0] == "consent-texts" || parts[0] == "disclosures" || parts[0] == "attestations" {
		return false
	}
	problem(w, http.StatusNotFound)
	return true
}

// statementWords are what the fake checker flags: a word with a digit,
// and the place Gent.
var statementWords = regexp.MustCompile(`[\p{L}\p{N}]*\d[\p{L}\p{N}]*|Gent`)

// statementFlags flags words as the service's checker does, by rune
// offsets.
func statementFlags(text string) []map[string]any {
	flags := []map[string]any{}
	for _, m := range statementWords.FindAllStringIndex(text, -1) {
		word := text[m[0]:m[1]]
		kind := "digits"
		if word == "Gent" {
			kind = "place"
		}
		start := utf8.RuneCountInString(text[:m[0]])
		flags = append(flags, map[string]any{"start": start, "end": start + utf8.RuneCountInString(word), "text": word, "kind": kind})
	}
	return flags
}

// serveSelf answers the statement, its review, the audit trail and the
// export of candidate k; false when the request is none of those.
func (f *Candidates) serveSelf(w http.ResponseWriter, r *http.Request, k map[string]any, rest []string, body map[string]any) bool {
	route := r.Method + " " + strings.Join(rest, "/")
	switch route {
	case "PUT statement":
		text, _ := body["text"].(string)
		text = strings.TrimSpace(text)
		if text == "" || utf8.RuneCountInString(text) > 600 {
			fieldProblem(w, map[string]string{"text": "must be between 1 and 600 characters"})
			return true
		}
		by := callerOf(r).Sub
		k["statement"] = map[string]any{"text": text, "status": "pending", "flags": statementFlags(text), "written_at": "2026-11-21T09:00:00Z", "written_by": by}
		f.bump(k)
		answer(w, k["statement"])
	case "DELETE statement":
		if k["statement"] == nil {
			problem(w, http.StatusNotFound)
			return true
		}
		delete(k, "statement")
		f.bump(k)
		w.WriteHeader(http.StatusNoContent)
	case "POST statement/review":
		s, _ := k["statement"].(map[string]any)
		if s == nil || s["status"] != "pending" || toInt(body["version"]) != toInt(k["version"]) {
			conflict(w, nil)
			return true
		}
		note, _ := body["note"].(string)
		if body["decision"] == "reject" && note == "" {
			fieldProblem(w, map[string]string{"note": "is required to reject"})
			return true
		}
		s["status"], s["reviewed_at"], s["reviewed_by"] = map[any]string{"approve": "approved", "reject": "rejected"}[body["decision"]], "2026-11-21T10:00:00Z", callerOf(r).Sub
		if note != "" {
			s["note"] = note
		}
		f.bump(k)
		answer(w, s)
	case "GET export":
		answer(w, map[string]any{"exported_at": "2026-11-21T08:00:00Z", "candidate": k, "programmes": f.programmes, "audit": []any{}})
	default:
		return false
	}
	return true
}

// bump raises a candidate's version, as every change does.
func (f *Candidates) bump(k map[string]any) { k["version"] = toInt(k["version"]) + 1 }

// toInt reads a JSON number or a Go int.
func toInt(v any) int {
	switch n := v.(type) {
	case int:
		return n
	case float64:
		return int(n)
	}
	return 0
}
