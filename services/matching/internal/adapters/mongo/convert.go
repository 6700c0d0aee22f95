package mongo

import (
	"bytes"
	"compress/flate"
	"encoding/json"
	"fmt"
	"io"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// toShortlistDoc encodes a shortlist compactly: the entries as one packed
// value, their candidates as a flat list beside it.
func toShortlistDoc(s results.Shortlist) (shortlistDoc, error) {
	counts := s.Counts()
	entries := make([]shortEntry, len(s.Entries))
	ids := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		ids[i] = e.CandidateID
		entries[i] = shortEntry{
			CandidateID: e.CandidateID, CandidateRef: e.CandidateRef, Alias: e.Alias, Score: e.Score,
			Match: string(e.Match), Card: toCardDoc(e.Card), Explanation: toExplanationDoc(e.Explanation),
		}
	}
	packed, err := packEntries(entries)
	if err != nil {
		return shortlistDoc{}, fmt.Errorf("encode shortlist of role %s: %w", s.RoleID, err)
	}
	return shortlistDoc{
		RoleID: s.RoleID, RoleVersion: s.RoleVersion, EmployerID: s.EmployerID, ComputedAt: s.ComputedAt.UTC(),
		Cutoff: toCutoffDoc(s.CutoffOf()), Counts: countsDoc{Full: counts.Full, Near: counts.Near},
		CandidateIDs: ids, Entries: packed, Layout: explainLayout, Stamp: s.Stamp,
	}, nil
}

func toShortlist(d shortlistDoc) (results.Shortlist, error) {
	var entries []shortEntry
	if err := unpackEntries(d.Entries, &entries); err != nil {
		return results.Shortlist{}, fmt.Errorf("decode shortlist of role %s: %w", d.RoleID, err)
	}
	s := shortlistOf(legacyShortlistDoc{
		RoleID: d.RoleID, RoleVersion: d.RoleVersion, EmployerID: d.EmployerID, ComputedAt: d.ComputedAt, Entries: entries,
	})
	s.Stamp = d.Stamp
	return s, nil
}

// shortlistOf converts decoded entries, of either layout.
func shortlistOf(d legacyShortlistDoc) results.Shortlist {
	s := results.Shortlist{
		RoleID: d.RoleID, RoleVersion: d.RoleVersion, EmployerID: d.EmployerID, ComputedAt: d.ComputedAt.UTC(),
		Entries: make([]results.ShortlistEntry, len(d.Entries)),
	}
	for i, e := range d.Entries {
		s.Entries[i] = results.ShortlistEntry{
			CandidateID: e.CandidateID, CandidateRef: e.CandidateRef, Alias: e.Alias, Score: e.Score,
			Match: engine.Match(e.Match), Card: toCard(e.Card), Explanation: toExplanation(e.Explanation),
		}
	}
	return s
}

// toSuggestionsDoc encodes suggestions compactly, as toShortlistDoc does.
func toSuggestionsDoc(s results.Suggestions) (suggestionsDoc, error) {
	entries := make([]suggEntry, len(s.Entries))
	ids := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		ids[i] = e.RoleID
		entries[i] = suggEntry{
			RoleID: e.RoleID, Title: e.Title, EmployerID: e.EmployerID, Score: e.Score,
			Match: string(e.Match), Explanation: toExplanationDoc(e.Explanation),
		}
	}
	packed, err := packEntries(entries)
	if err != nil {
		return suggestionsDoc{}, fmt.Errorf("encode suggestions of candidate %s: %w", s.CandidateID, err)
	}
	return suggestionsDoc{
		CandidateID: s.CandidateID, OrgID: s.OrgID, ComputedAt: s.ComputedAt.UTC(),
		Cutoff: toCutoffDoc(s.CutoffOf()), RoleIDs: ids, Entries: packed, Layout: explainLayout,
	}, nil
}

func toSuggestions(d suggestionsDoc) (results.Suggestions, error) {
	var entries []suggEntry
	if err := unpackEntries(d.Entries, &entries); err != nil {
		return results.Suggestions{}, fmt.Errorf("decode suggestions of candidate %s: %w", d.CandidateID, err)
	}
	return suggestionsOf(legacySuggestionsDoc{CandidateID: d.CandidateID, OrgID: d.OrgID, ComputedAt: d.ComputedAt, Entries: entries}), nil
}

// suggestionsOf converts decoded entries, of either layout.
func suggestionsOf(d legacySuggestionsDoc) results.Suggestions {
	s := results.Suggestions{
		CandidateID: d.CandidateID, OrgID: d.OrgID, ComputedAt: d.ComputedAt.UTC(),
		Entries: make([]results.SuggestionEntry, len(d.Entries)),
	}
	for i, e := range d.Entries {
		s.Entries[i] = results.SuggestionEntry{
			RoleID: e.RoleID, Title: e.Title, EmployerID: e.EmployerID, Score: e.Score,
			Match: engine.Match(e.Match), Explanation: toExplanation(e.Explanation),
		}
	}
	return s
}

func toCardDoc(c results.Card) cardDoc {
	d := cardDoc{
		Alias: c.Alias, Certificates: strings0(c.Certificates), AvailableMonth: c.AvailableMonth,
		DistanceBand: c.DistanceBand, DayRelease: c.DayRelease, ScheduleFit: c.ScheduleFit,
		ProgrammeKinds: strings0(c.ProgrammeKinds),
		Skills:         make([]cardSkill, len(c.Skills)), Languages: make([]cardLangDoc, len(c.Languages)),
	}
	for i, s := range c.Skills {
		d.Skills[i] = cardSkill{Skill: s.Skill, Level: s.Level, Hours: s.Hours, Attested: s.Attested}
	}
	for i, l := range c.Languages {
		d.Languages[i] = cardLangDoc{Code: l.Code, Level: l.Level}
	}
	return d
}

func toCard(d cardDoc) results.Card {
	c := results.Card{
		Alias: d.Alias, Certificates: strings0(d.Certificates), AvailableMonth: d.AvailableMonth,
		DistanceBand: d.DistanceBand, DayRelease: d.DayRelease, ScheduleFit: d.ScheduleFit,
		ProgrammeKinds: strings0(d.ProgrammeKinds),
		Skills:         make([]results.CardSkill, len(d.Skills)), Languages: make([]results.CardLanguage, len(d.Languages)),
	}
	for i, s := range d.Skills {
		c.Skills[i] = results.CardSkill{Skill: s.Skill, Level: s.Level, Hours: s.Hours, Attested: s.Attested}
	}
	for i, l := range d.Languages {
		c.Languages[i] = results.CardLanguage{Code: l.Code, Level: l.Level}
	}
	return c
}

func toExplanationDoc(e results.Explanation) explanationDoc {
	ess, opt := toSkillGroupDoc(e.Essential), toSkillGroupDoc(e.Optional)
	return explanationDoc{
		DistanceKm: e.DistanceKm, AvailableFrom: int32(e.AvailableFrom), DayRelease: e.DayRelease,
		ScheduleFit: e.ScheduleFit, LanguageFit: e.LanguageFit, Essential: &ess, Optional: &opt,
	}
}

func toExplanation(d explanationDoc) results.Explanation {
	e := results.Explanation{
		DistanceKm: d.DistanceKm, AvailableFrom: engine.Day(d.AvailableFrom), DayRelease: d.DayRelease,
		ScheduleFit: d.ScheduleFit, LanguageFit: d.LanguageFit,
	}
	if d.Essential == nil {
		e.Essential, e.Optional = legacySkillGroups(d.MatchedSkills, d.MissingSkills)
		return e
	}
	e.Essential = toSkillGroup(*d.Essential, true)
	e.Optional = results.SkillGroup{Met: []results.SkillFit{}, Partly: []results.SkillFit{}, Missing: []results.SkillFit{}}
	if d.Optional != nil {
		e.Optional = toSkillGroup(*d.Optional, false)
	}
	return e
}

func toSkillGroupDoc(g results.SkillGroup) skillGroupDoc {
	return skillGroupDoc{Met: toSkillFitDocs(g.Met), Partly: toSkillFitDocs(g.Partly), Missing: toSkillFitDocs(g.Missing)}
}

func toSkillFitDocs(fits []results.SkillFit) []skillFitDoc {
	out := make([]skillFitDoc, len(fits))
	for i, f := range fits {
		out[i] = skillFitDoc{Skill: f.Skill, RequiredLevel: f.RequiredLevel, Level: f.Level, Hours: f.Hours,
			Attested: f.Attested, Relation: string(f.Relation), Programmes: toProgrammeDocs(f.Programmes)}
		if r := f.Related; r != nil {
			out[i].Related = &relatedDoc{Skill: r.Skill, Level: r.Level, Hours: r.Hours, Attested: r.Attested, Family: r.Family}
		}
	}
	return out
}

func toSkillGroup(d skillGroupDoc, essential bool) results.SkillGroup {
	return results.SkillGroup{
		Met:     toSkillFits(d.Met, essential, engine.StatusMet),
		Partly:  toSkillFits(d.Partly, essential, engine.StatusPartly),
		Missing: toSkillFits(d.Missing, essential, engine.StatusMissing),
	}
}

func toSkillFits(docs []skillFitDoc, essential bool, status engine.SkillStatus) []results.SkillFit {
	out := make([]results.SkillFit, len(docs))
	for i, d := range docs {
		out[i] = results.SkillFit{Skill: d.Skill, RequiredLevel: d.RequiredLevel, Essential: essential, Status: status,
			Level: d.Level, Hours: d.Hours, Attested: d.Attested, Relation: engine.Relation(d.Relation),
			Programmes: toProgrammes(d.Programmes)}
		if r := d.Related; r != nil {
			out[i].Related = &results.RelatedSkill{Skill: r.Skill, Level: r.Level, Hours: r.Hours, Attested: r.Attested, Family: r.Family}
		}
	}
	return out
}

func toProgrammeDocs(ps []results.Programme) []programmeDoc {
	if len(ps) == 0 {
		return nil
	}
	out := make([]programmeDoc, len(ps))
	for i, p := range ps {
		out[i] = programmeDoc{Kind: p.Kind, Name: p.Name}
	}
	return out
}

func toProgrammes(ds []programmeDoc) []results.Programme {
	out := make([]results.Programme, len(ds))
	for i, d := range ds {
		out[i] = results.Programme{Kind: d.Kind, Name: d.Name}
	}
	return out
}

func strings0(s []string) []string {
	out := make([]string, len(s))
	copy(out, s)
	return out
}

// packEntries encodes entries as deflated JSON: one binary value, a few
// kilobytes for a hundred entries.
func packEntries(v any) ([]byte, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	w, err := flate.NewWriter(&buf, flate.BestSpeed)
	if err != nil {
		return nil, err
	}
	if _, err := w.Write(raw); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// unpackEntries decodes what packEntries encoded into v.
func unpackEntries(packed []byte, v any) error {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(packed)))
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, v)
}
