package http

import (
	"time"

	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// shortlistResponse is a page of a role's shortlist as an employer sees
// it: candidate references, never candidate ids.
type shortlistResponse struct {
	RoleID      string           `json:"role_id"`
	RoleVersion int64            `json:"role_version"`
	ComputedAt  time.Time        `json:"computed_at"`
	Total       int              `json:"total"`
	Items       []shortlistEntry `json:"items"`
	NextCursor  string           `json:"next_cursor,omitempty"`
}

type shortlistEntry struct {
	CandidateRef string          `json:"candidate_ref"`
	Alias        string          `json:"alias"`
	Score        int             `json:"score"`
	Match        string          `json:"match"`
	Card         cardJSON        `json:"card"`
	Explanation  explanationJSON `json:"explanation"`
}

type cardJSON struct {
	Alias          string         `json:"alias"`
	Skills         []cardSkill    `json:"skills"`
	Certificates   []string       `json:"certificates"`
	Languages      []cardLanguage `json:"languages"`
	AvailableMonth string         `json:"available_month"`
	DistanceBand   string         `json:"distance_band"`
	DayRelease     bool           `json:"day_release"`
	ScheduleFit    string         `json:"schedule_fit"`
	ProgrammeKinds []string       `json:"programme_kinds"`
}

type cardSkill struct {
	Skill    string `json:"skill"`
	Label    string `json:"label"`
	Level    int    `json:"level"`
	Hours    int    `json:"hours"`
	Attested bool   `json:"attested"`
}

type cardLanguage struct {
	Code  string `json:"code"`
	Level string `json:"level"`
}

// explanationJSON is an entry's explanation. For employers DistanceKm is
// absent except as -1 for a remote role (exact distances to several of one
// employer's sites would locate the house) and AvailableFrom is a month;
// staff see both in full.
type explanationJSON struct {
	Summary       string        `json:"summary"`
	MatchedSkills []matchedJSON `json:"matched_skills"`
	MissingSkills []missingJSON `json:"missing_skills"`
	DistanceKm    *int          `json:"distance_km,omitempty"`
	DistanceBand  string        `json:"distance_band"`
	AvailableFrom string        `json:"available_from"`
	ScheduleFit   string        `json:"schedule_fit"`
	LanguageFit   string        `json:"language_fit"`
	DayRelease    bool          `json:"day_release"`
}

type matchedJSON struct {
	Skill          string `json:"skill"`
	Label          string `json:"label"`
	CandidateLevel int    `json:"candidate_level"`
	RequiredLevel  int    `json:"required_level"`
	Essential      bool   `json:"essential"`
	Via            string `json:"via"`
}

type missingJSON struct {
	Skill         string          `json:"skill"`
	Label         string          `json:"label"`
	RequiredLevel int             `json:"required_level"`
	Essential     bool            `json:"essential"`
	Programmes    []programmeJSON `json:"programmes"`
}

type programmeJSON struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// suggestionsResponse is a page of a candidate's suggestions for staff.
type suggestionsResponse struct {
	CandidateID string           `json:"candidate_id"`
	ComputedAt  time.Time        `json:"computed_at"`
	Total       int              `json:"total"`
	Items       []suggestionJSON `json:"items"`
	NextCursor  string           `json:"next_cursor,omitempty"`
}

type suggestionJSON struct {
	RoleID      string          `json:"role_id"`
	Title       string          `json:"title"`
	EmployerID  string          `json:"employer_id"`
	Score       int             `json:"score"`
	Match       string          `json:"match"`
	Explanation explanationJSON `json:"explanation"`
}

type countsResponse struct {
	Counts map[string]countsItem `json:"counts"`
}

type countsItem struct {
	Full int `json:"full"`
	Near int `json:"near"`
}

type statusResponse struct {
	Candidates         int                 `json:"candidates"`
	Roles              int                 `json:"roles"`
	Shortlists         int64               `json:"shortlists"`
	LastReconciliation *reconciliationJSON `json:"last_reconciliation"`
	Streams            []streamJSON        `json:"streams"`
	Instance           string              `json:"instance"`
}

type reconciliationJSON struct {
	At      time.Time `json:"at"`
	TookMs  int64     `json:"took_ms"`
	Fetched int       `json:"fetched"`
	Removed int       `json:"removed"`
}

type streamJSON struct {
	Stream  string `json:"stream"`
	Group   string `json:"group"`
	Lag     int64  `json:"lag"`
	Pending int64  `json:"pending"`
}

// audience is who reads an explanation: employers see months and bands.
type audience int

const (
	forEmployer audience = iota
	forStaff
)

func toShortlistResponse(t *skills.Taxonomy, sl results.Shortlist, p shortlistPage, lang skills.Lang) shortlistResponse {
	out := shortlistResponse{RoleID: sl.RoleID, RoleVersion: sl.RoleVersion, ComputedAt: sl.ComputedAt.UTC(),
		Total: p.total, Items: make([]shortlistEntry, 0, len(p.entries)), NextCursor: p.next}
	for _, e := range p.entries {
		out.Items = append(out.Items, shortlistEntry{
			CandidateRef: e.CandidateRef, Alias: e.Alias, Score: e.Score, Match: string(e.Match),
			Card:        toCardJSON(t, e.Card, lang),
			Explanation: toExplanationJSON(t, e.Explanation, e.Match, e.Card.DistanceBand, lang, forEmployer),
		})
	}
	return out
}

func toSuggestionsResponse(t *skills.Taxonomy, sg results.Suggestions, p suggestionsPage, lang skills.Lang) suggestionsResponse {
	out := suggestionsResponse{CandidateID: sg.CandidateID, ComputedAt: sg.ComputedAt.UTC(), Total: p.total,
		Items: make([]suggestionJSON, 0, len(p.entries)), NextCursor: p.next}
	for _, e := range p.entries {
		out.Items = append(out.Items, suggestionJSON{
			RoleID: e.RoleID, Title: e.Title, EmployerID: e.EmployerID, Score: e.Score, Match: string(e.Match),
			Explanation: toExplanationJSON(t, e.Explanation, e.Match, distanceBand(e.Explanation.DistanceKm), lang, forStaff),
		})
	}
	return out
}

func toCardJSON(t *skills.Taxonomy, c results.Card, lang skills.Lang) cardJSON {
	out := cardJSON{Alias: c.Alias, Certificates: nonNil(c.Certificates), AvailableMonth: c.AvailableMonth,
		DistanceBand: c.DistanceBand, DayRelease: c.DayRelease, ScheduleFit: c.ScheduleFit,
		ProgrammeKinds: nonNil(c.ProgrammeKinds),
		Skills:         make([]cardSkill, 0, len(c.Skills)), Languages: make([]cardLanguage, 0, len(c.Languages))}
	for _, s := range c.Skills {
		out.Skills = append(out.Skills, cardSkill{Skill: s.Skill, Label: skillLabel(t, s.Skill, lang), Level: s.Level, Hours: s.Hours, Attested: s.Attested})
	}
	for _, l := range c.Languages {
		out.Languages = append(out.Languages, cardLanguage{Code: l.Code, Level: l.Level})
	}
	return out
}

func toExplanationJSON(t *skills.Taxonomy, e results.Explanation, match engine.Match, band string, lang skills.Lang, who audience) explanationJSON {
	out := explanationJSON{
		Summary: summary(t, e, match, band, lang, who), DistanceBand: band,
		ScheduleFit: e.ScheduleFit, LanguageFit: e.LanguageFit, DayRelease: e.DayRelease,
		MatchedSkills: make([]matchedJSON, 0, len(e.MatchedSkills)),
		MissingSkills: make([]missingJSON, 0, len(e.MissingSkills)),
	}
	if who == forStaff {
		km := e.DistanceKm
		out.DistanceKm = &km
		out.AvailableFrom = dayString(e.AvailableFrom)
	} else {
		out.AvailableFrom = monthString(e.AvailableFrom)
		if e.DistanceKm < 0 {
			remote := -1
			out.DistanceKm = &remote
		}
	}
	for _, m := range e.MatchedSkills {
		out.MatchedSkills = append(out.MatchedSkills, matchedJSON{Skill: m.Skill, Label: skillLabel(t, m.Skill, lang),
			CandidateLevel: m.CandidateLevel, RequiredLevel: m.RequiredLevel, Essential: m.Essential, Via: m.Via})
	}
	for _, m := range e.MissingSkills {
		progs := make([]programmeJSON, 0, len(m.Programmes))
		for _, p := range m.Programmes {
			progs = append(progs, programmeJSON{Kind: p.Kind, Name: p.Name})
		}
		out.MissingSkills = append(out.MissingSkills, missingJSON{Skill: m.Skill, Label: skillLabel(t, m.Skill, lang),
			RequiredLevel: m.RequiredLevel, Essential: m.Essential, Programmes: progs})
	}
	return out
}

func toStatusResponse(st engine.Stats, shortlists int64, f FlowStatus) statusResponse {
	out := statusResponse{Candidates: st.Candidates, Roles: st.Roles, Shortlists: shortlists,
		Instance: f.Instance, Streams: make([]streamJSON, 0, len(f.Streams))}
	if r := f.LastReconciliation; r != nil {
		out.LastReconciliation = &reconciliationJSON{At: r.At.UTC(), TookMs: r.Took.Milliseconds(), Fetched: r.Fetched, Removed: r.Removed}
	}
	for _, s := range f.Streams {
		out.Streams = append(out.Streams, streamJSON{Stream: s.Stream, Group: s.Group, Lag: s.Lag, Pending: s.Pending})
	}
	return out
}

// skillLabel names a skill in lang, or by its id when the taxonomy lacks it.
func skillLabel(t *skills.Taxonomy, id string, lang skills.Lang) string {
	if t != nil {
		if s, ok := t.Skill(id); ok {
			return s.Label(lang)
		}
	}
	return id
}

// dayString renders a day as YYYY-MM-DD, "" for none.
func dayString(d engine.Day) string {
	if d == 0 {
		return ""
	}
	return dayTime(d).Format(time.DateOnly)
}

// monthString renders a day's month as YYYY-MM, "" for none.
func monthString(d engine.Day) string {
	if d == 0 {
		return ""
	}
	return dayTime(d).Format("2006-01")
}

func dayTime(d engine.Day) time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

// distanceBand is the card's band of a distance, for staff lists that
// carry no card.
func distanceBand(km int) string { return engine.DistanceBand(km < 0, float32(km)) }
