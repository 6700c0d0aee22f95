package fake

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// The employers fake's newer operations, as the real service answers
// them: the sectors in the asked language, the validate endpoints, and
// status changes with versions, next_statuses and the 7-day reopen window.

// sectorNames are a few sectors' names by language; the others are
// named "Sector <code>".
var sectorNames = map[string]map[string]string{
	"I": {"en": "Accommodation and food service", "nl": "Horeca: accommodatie en maaltijden", "fr": "Hébergement et restauration", "de": "Gastgewerbe"},
	"A": {"en": "Agriculture, forestry and fishing", "nl": "Landbouw, bosbouw en visserij", "fr": "Agriculture, sylviculture et pêche", "de": "Land- und Forstwirtschaft, Fischerei"},
	"H": {"en": "Transport and storage", "nl": "Vervoer en opslag", "fr": "Transports et entreposage", "de": "Verkehr und Lagerei"},
}

// serveRoleExtras answers the operations above and reports whether it did.
// The caller holds the fake's lock.
func (f *Employers) serveRoleExtras(w http.ResponseWriter, r *http.Request, parts []string, body map[string]any) bool {
	switch {
	case r.URL.Path == "/api/v1/roles/sectors" && r.Method == http.MethodGet:
		lang := r.URL.Query().Get("lang")
		items := []any{}
		for _, code := range strings.Split("ABCDEFGHIJKLMNOPQRSTU", "") {
			name := "Sector " + code
			if names, ok := sectorNames[code]; ok {
				name = names[lang]
			}
			items = append(items, map[string]any{"code": code, "name": name, "names": map[string]string{}})
		}
		answer(w, map[string]any{"items": items})
	case r.URL.Path == "/api/v1/roles/wording-check" && r.Method == http.MethodPost:
		answer(w, map[string]any{"flags": categorisedFlags(body)})
	case r.URL.Path == "/api/v1/roles/validate" && r.Method == http.MethodPost:
		fakeValidate(w, body)
	case len(parts) == 3 && parts[0] == "roles" && parts[2] == "validate" && r.Method == http.MethodPost:
		role := f.Roles[parts[1]]
		switch {
		case role == nil:
			problem(w, http.StatusNotFound)
		case body["version"] != nil && fmt.Sprint(body["version"]) != fmt.Sprint(role["version"]):
			conflict(w, nil)
		default:
			fakeValidate(w, body)
		}
	case len(parts) == 3 && parts[0] == "roles" && parts[2] == "status" && r.Method == http.MethodPost && f.Roles[parts[1]] != nil:
		f.changeStatusWithReopen(w, f.Roles[parts[1]], body)
	default:
		return false
	}
	return true
}

// fakeValidate refuses what the real rules would: no title, more than 60
// hours, a past closing date.
func fakeValidate(w http.ResponseWriter, body map[string]any) {
	errs := map[string]string{}
	if title, _ := body["title"].(string); strings.TrimSpace(title) == "" {
		errs["title"] = "is required"
	}
	if h, ok := body["hours_per_week"].(float64); ok && h > 60 {
		errs["hours_per_week"] = "must be between 1 and 60"
	}
	if d, _ := body["closing_date"].(string); d != "" && d < time.Now().Format(time.DateOnly) {
		errs["closing_date"] = "must not be in the past"
	}
	schedule, _ := body["schedule"].(map[string]any)
	if shifts, _ := schedule["shifts"].([]any); len(shifts) > 1 {
		if sh, _ := shifts[1].(map[string]any); sh["end"] == "00:00" {
			errs["schedule.shifts[1].end"] = "must be after start"
		}
	}
	if len(errs) > 0 {
		fieldProblem(w, errs)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// changeStatusWithReopen moves a role as the real service does: a stale
// version is a plain 409; a filled or closed role goes back only to its
// next_statuses while reopen_until lasts, and after that answers the
// reopen-window-passed problem; opening with a past closing date is a
// 400 on closing_date unless a new one comes with the status.
func (f *Employers) changeStatusWithReopen(w http.ResponseWriter, role, body map[string]any) {
	if v, ok := body["version"]; ok && fmt.Sprint(v) != fmt.Sprint(role["version"]) {
		conflict(w, nil)
		return
	}
	from, _ := role["status"].(string)
	to, _ := body["status"].(string)
	final := from == "filled" || from == "closed"
	next := nextStatuses(role)
	if final && role["reopen_until"] == nil && to != "filled" && to != "closed" {
		w.Header().Set("Content-Type", "application/problem+json")
		w.WriteHeader(http.StatusConflict)
		_ = json.NewEncoder(w).Encode(map[string]any{"type": "/problems/reopen-window-passed", "title": "The time to reopen this role has passed",
			"status": 409, "allowed": []string{}, "reopen_ended": role["reopen_ended"]})
		return
	}
	if !slices.Contains(next, to) {
		conflict(w, append([]string{}, next...))
		return
	}
	if title, _ := role["title"].(string); strings.Contains(title, "fourth") && to == "open" {
		roleCapReached(w)
		return
	}
	if date, ok := body["closing_date"].(string); ok {
		if date != "" && date < time.Now().Format(time.DateOnly) {
			fieldProblem(w, map[string]string{"closing_date": "must not be in the past"})
			return
		}
		role["closing_date"] = date
	}
	if closing, _ := role["closing_date"].(string); (to == "open" || final) && closing != "" && closing < time.Now().Format(time.DateOnly) {
		fieldProblem(w, map[string]string{"closing_date": "has passed; send a later closing_date (or an empty one) with the status"})
		return
	}
	role["status"], role["previous"] = to, from
	role["version"] = role["version"].(int) + 1
	delete(role, "reopen_until")
	if to == "filled" || to == "closed" {
		role["reopen_until"] = time.Now().Add(7 * 24 * time.Hour).UTC().Format(time.RFC3339)
		role["next_statuses"] = []string{from}
		if from != "open" {
			role["next_statuses"] = []string{from, "open"}
		}
	} else {
		role["next_statuses"] = transitions[to]
	}
	answer(w, role)
}

// nextStatuses are the moves a fake role allows now.
func nextStatuses(role map[string]any) []string {
	switch next := role["next_statuses"].(type) {
	case []string:
		return next
	case []any:
		var out []string
		for _, s := range next {
			out = append(out, fmt.Sprint(s))
		}
		return out
	}
	return transitions[fmt.Sprint(role["status"])]
}

// SetRole changes a stored role's fields, as another tab or the passing
// of time would; a nil value removes the field.
func (f *Employers) SetRole(id string, fields map[string]any) {
	f.Lock()
	defer f.Unlock()
	for k, v := range fields {
		if v == nil {
			delete(f.Roles[id], k)
			continue
		}
		f.Roles[id][k] = v
	}
}

// categorisedFlags flags a phrase of each category, as the real check
// does, with its category.
func categorisedFlags(body map[string]any) []any {
	flags := []any{}
	for _, field := range []string{"title", "description"} {
		text, _ := body[field].(string)
		for _, p := range []struct{ phrase, category, suggestion string }{
			{"clean record", "criminal_record", "reliable"},
			{"young and dynamic", "age", "energetic"},
			{"well-groomed", "appearance", "clean work clothes are provided"},
		} {
			if i := strings.Index(strings.ToLower(text), p.phrase); i >= 0 {
				flags = append(flags, map[string]any{"field": field, "phrase": p.phrase, "start": i, "end": i + len(p.phrase),
					"suggestion": p.suggestion, "reason": "puts people off applying", "category": p.category})
			}
		}
	}
	return flags
}
