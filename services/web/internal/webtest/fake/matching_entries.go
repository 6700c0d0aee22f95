package fake

import "strconv"

// The entries the matching fake serves, built as the matching service's
// contract describes them ("Matching HTTP API"): shortlist entries with
// their cards and explanations, and the roles that fit a candidate.

// SkillFit is one skill of an explanation as the contract describes it
// (SkillFit): the skill asked, its status and the candidate's own level;
// more adds relation, related, hours, attested or programmes.
func SkillFit(skill, label string, required int, status string, level int, more map[string]any) map[string]any {
	f := map[string]any{"skill": skill, "label": label, "required_level": required, "status": status, "level": level,
		"hours": 0, "attested": false, "programmes": []any{}}
	for k, v := range more {
		f[k] = v
	}
	return f
}

// SkillGroup is a group of an explanation, its counts the lists' lengths,
// as the service sends them.
func SkillGroup(met, partly, missing []any) map[string]any {
	for _, l := range []*[]any{&met, &partly, &missing} {
		if *l == nil {
			*l = []any{}
		}
	}
	return map[string]any{"counts": map[string]any{"met": len(met), "partly": len(partly), "missing": len(missing),
		"total": len(met) + len(partly) + len(missing)}, "met": met, "partly": partly, "missing": missing}
}

// TrainedAt is a programmes list naming one programme.
func TrainedAt(kind, name string) map[string]any {
	return map[string]any{"programmes": []any{map[string]any{"kind": kind, "name": name}}}
}

// ShortlistEntry is an entry as the contract describes it: espresso met
// and latte art (optional) missing; a near entry also misses a forklift
// licence, an essential skill.
func ShortlistEntry(alias, match string) map[string]any {
	met := []any{SkillFit("espresso", "Espresso preparation", 2, "met", 3, map[string]any{"hours": 600, "attested": true})}
	optional := SkillGroup(nil, nil, []any{SkillFit("latte-art", "Latte art", 3, "missing", 0, TrainedAt("coffee_roastery", "Coffee roastery workshop"))})
	essential := SkillGroup(met, nil, nil)
	summary := "Full match: essential skills 1 met, 0 partly met, 0 missing of 1; optional skills 0 met, 0 partly met, 1 missing of 1; 15-30 km away"
	if match == "near" {
		essential = SkillGroup(met, nil, []any{SkillFit("forklift", "Forklift licence", 2, "missing", 0, TrainedAt("logistics", ""))})
		summary = "Near match: essential skills 1 met, 0 partly met, 1 missing of 2; optional skills 0 met, 0 partly met, 1 missing of 1; 15-30 km away"
	}
	return map[string]any{
		"candidate_ref": "ref-" + alias, "alias": alias, "score": 8123, "match": match,
		"card": map[string]any{
			"alias":           alias,
			"skills":          []any{map[string]any{"skill": "espresso", "label": "Espresso preparation", "level": 3, "hours": 600, "attested": true}},
			"certificates":    []any{"Food hygiene"},
			"languages":       []any{map[string]any{"code": "nl", "level": "B1"}},
			"available_month": "2027-01", "distance_band": "15-30 km", "day_release": true, "schedule_fit": "full",
			"programme_kinds": []any{"coffee_roastery"},
		},
		"explanation": map[string]any{
			"summary": summary, "skills": map[string]any{"essential": essential, "optional": optional},
			"distance_km": 22, "distance_band": "15-30 km", "available_from": "2027-01",
			"schedule_fit": "full", "language_fit": "partial", "day_release": true,
		},
	}
}

// LeakyEntry is an entry that (wrongly) carries who and where the
// candidate is, at the entry's level and inside its card and
// explanation.
func LeakyEntry(alias string) map[string]any {
	e := ShortlistEntry(alias, "full")
	secrets := map[string]any{"name": "Jan Peeters", "given_name": "Jan", "family_name": "Peeters", "email": "jan.peeters@example.test",
		"phone": "+32 470 12 34 56", "house": "Kortrijk detention house", "organisation": "Koffiebranderij Kortrijk", "date_of_birth": "1990-04-01"}
	for k, v := range secrets {
		e[k] = v
		e["card"].(map[string]any)[k] = v
		e["explanation"].(map[string]any)[k] = v
	}
	e["card"].(map[string]any)["available_from"] = "2027-01-14"
	e["explanation"].(map[string]any)["available_from"] = "2027-01-14"
	return e
}

// SuggestionItem is one role that fits a candidate, as staff get it:
// espresso met; a near match misses a forklift licence, trained in two
// places.
func SuggestionItem(n int, employer, match string) map[string]any {
	essential := SkillGroup([]any{SkillFit("espresso", "Espresso preparation", 2, "met", 3, nil)}, nil, nil)
	if match == "near" {
		essential = SkillGroup(essential["met"].([]any), nil, []any{SkillFit("forklift", "Forklift licence", 2, "missing", 0,
			map[string]any{"programmes": []any{map[string]any{"kind": "logistics", "name": "Logistics workshop"},
				map[string]any{"kind": "logistics", "name": "Gent house"}}})})
	}
	return map[string]any{"role_id": "r" + strconv.Itoa(n), "title": "Role number " + strconv.Itoa(n), "employer_id": employer,
		"score": 9000 - n, "match": match,
		"explanation": map[string]any{
			"summary":     "Fits role " + strconv.Itoa(n) + ".",
			"skills":      map[string]any{"essential": essential, "optional": SkillGroup(nil, nil, nil)},
			"distance_km": 12, "distance_band": "5-15 km", "available_from": "2027-01-15", "schedule_fit": "full", "language_fit": "full",
		},
	}
}
