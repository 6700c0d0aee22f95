package skills

// Named converters between the JSON records of a data file and the model,
// so the JSON field names never leak into the API.

func toSkills(records []skillRecord) []Skill {
	packSynonyms(len(records), func(i int) map[Lang][]string { return records[i].Synonyms })
	out := make([]Skill, len(records))
	for i, r := range records {
		out[i] = toSkill(r)
	}
	return out
}

func toSkill(r skillRecord) Skill {
	return Skill{
		ID:       r.ID,
		Kind:     r.Kind,
		Labels:   r.Labels,
		Synonyms: r.Synonyms,
		Parents:  r.Parents,
		Related:  r.Related,
		ESCOURI:  r.ESCOURI,
	}
}

func toSkillRecord(s Skill) skillRecord {
	return skillRecord{
		ID:       s.ID,
		Kind:     s.Kind,
		Labels:   s.Labels,
		Synonyms: s.Synonyms,
		Parents:  s.Parents,
		Related:  s.Related,
		ESCOURI:  s.ESCOURI,
	}
}

func toOccupations(records []occupationRecord) []Occupation {
	packSynonyms(len(records), func(i int) map[Lang][]string { return records[i].Synonyms })
	out := make([]Occupation, len(records))
	for i, r := range records {
		out[i] = toOccupation(r)
	}
	return out
}

func toOccupation(r occupationRecord) Occupation {
	return Occupation{
		ID:        r.ID,
		Labels:    r.Labels,
		Synonyms:  r.Synonyms,
		Essential: toRequirements(r.Essential),
		Optional:  toRequirements(r.Optional),
		ESCOURI:   r.ESCOURI,
	}
}

func toOccupationRecord(o Occupation) occupationRecord {
	return occupationRecord{
		ID:        o.ID,
		Labels:    o.Labels,
		Synonyms:  o.Synonyms,
		Essential: toRequirementRecords(o.Essential),
		Optional:  toRequirementRecords(o.Optional),
		ESCOURI:   o.ESCOURI,
	}
}

func toRequirements(records []requirementRecord) []Requirement {
	if len(records) == 0 {
		return nil
	}
	out := make([]Requirement, len(records))
	for i, r := range records {
		out[i] = Requirement{Skill: r.Skill, MinLevel: r.MinLevel}
	}
	return out
}

func toRequirementRecords(reqs []Requirement) []requirementRecord {
	if len(reqs) == 0 {
		return nil
	}
	out := make([]requirementRecord, len(reqs))
	for i, r := range reqs {
		out[i] = requirementRecord{Skill: r.Skill, MinLevel: r.MinLevel}
	}
	return out
}

// packSynonyms moves the decoded synonym lists into one shared array. The
// JSON decoder grows each list by doubling, and over the full ESCO the
// spare capacity of a hundred thousand small slices costs megabytes.
func packSynonyms(n int, synonyms func(i int) map[Lang][]string) {
	total := 0
	for i := range n {
		for _, list := range synonyms(i) {
			total += len(list)
		}
	}
	arena := make([]string, 0, total)
	for i := range n {
		m := synonyms(i)
		for l, list := range m {
			start := len(arena)
			arena = append(arena, list...)
			m[l] = arena[start:len(arena):len(arena)]
		}
	}
}
