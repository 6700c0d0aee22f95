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
	// Statement is the candidate's approved statement in their own words,
	// looked up when the page is answered (it is not in the stored list).
	Statement string `json:"statement,omitempty"`
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
	Summary       string     `json:"summary"`
	Skills        skillsJSON `json:"skills"`
	DistanceKm    *int       `json:"distance_km,omitempty"`
	DistanceBand  string     `json:"distance_band"`
	AvailableFrom string     `json:"available_from"`
	ScheduleFit   string     `json:"schedule_fit"`
	LanguageFit   string     `json:"language_fit"`
	DayRelease    bool       `json:"day_release"`
}

// skillsJSON is every skill the role asks for, essential and optional
// apart, each exactly once.
type skillsJSON struct {
	Essential skillGroupJSON `json:"essential"`
	Optional  skillGroupJSON `json:"optional"`
}

// skillGroupJSON is one group: its counts, which are its lists' lengths,
// and the lists.
type skillGroupJSON struct {
	Counts  skillCountsJSON `json:"counts"`
	Met     []skillFitJSON  `json:"met"`
	Partly  []skillFitJSON  `json:"partly"`
	Missing []skillFitJSON  `json:"missing"`
}

type skillCountsJSON struct {
	Met     int `json:"met"`
	Partly  int `json:"partly"`
	Missing int `json:"missing"`
	Total   int `json:"total"`
}

// skillFitJSON is one skill the role asks for. Level, Hours and Attested
// are the candidate's own standing in it (level 0: not held). Relation
// says why a partly met skill counts partly: below_level, or parent or
// sibling with Related naming the candidate's skill that counts.
type skillFitJSON struct {
	Skill         string          `json:"skill"`
	Label         string          `json:"label"`
	RequiredLevel int             `json:"required_level"`
	Status        string          `json:"status"`
	Level         int             `json:"level"`
	Hours         int             `json:"hours"`
	Attested      bool            `json:"attested"`
	Relation      string          `json:"relation,omitempty"`
	Related       *relatedJSON    `json:"related,omitempty"`
	Programmes    []programmeJSON `json:"programmes"`
}

// relatedJSON is the candidate's skill that counts for a parent or
// sibling; Skill and Label are "" in a list stored before they were
// recorded. Family is the parent a sibling shares with the skill asked.
type relatedJSON struct {
	Skill    string        `json:"skill"`
	Label    string        `json:"label"`
	Level    int           `json:"level"`
	Hours    int           `json:"hours"`
	Attested bool          `json:"attested"`
	Family   *skillRefJSON `json:"family,omitempty"`
}

// skillRefJSON names a taxonomy skill.
type skillRefJSON struct {
	Skill string `json:"skill"`
	Label string `json:"label"`
}

type programmeJSON struct {
	Kind string `json:"kind"`
	Name string `json:"name"`
}

// suggestionsResponse is a page of a candidate's suggestions for staff.
// State says what the list is: the candidate's ranked roles (ready, maybe
// none), or empty because the candidate has not consented to matching
// (no_consent) or because matching has not taken the candidate in yet
// (pending).
type suggestionsResponse struct {
	CandidateID string           `json:"candidate_id"`
	State       string           `json:"state"`
	ComputedAt  time.Time        `json:"computed_at"`
	Total       int              `json:"total"`
	Items       []suggestionJSON `json:"items"`
	NextCursor  string           `json:"next_cursor,omitempty"`
}

// The states of a candidate's suggestions.
const (
	stateReady     = "ready"
	stateNoConsent = "no_consent"
	statePending   = "pending"
	statePlaced    = "placed"
)

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

// toShortlistResponse converts a page of a shortlist; statementOf gives
// each card's candidate's approved statement, "" when none.
func toShortlistResponse(t *skills.Taxonomy, sl results.Shortlist, p shortlistPage, lang skills.Lang, statementOf func(candidateID string) string) shortlistResponse {
	out := shortlistResponse{RoleID: sl.RoleID, RoleVersion: sl.RoleVersion, ComputedAt: sl.ComputedAt.UTC(),
		Total: p.total, Items: make([]shortlistEntry, 0, len(p.entries)), NextCursor: p.next}
	for _, e := range p.entries {
		card := toCardJSON(t, e.Card, lang)
		card.Statement = statementOf(e.CandidateID)
		out.Items = append(out.Items, shortlistEntry{
			CandidateRef: e.CandidateRef, Alias: e.Alias, Score: e.Score, Match: string(e.Match),
			Card:        card,
			Explanation: toExplanationJSON(t, e.Explanation, e.Match, e.Card.DistanceBand, lang, forEmployer),
		})
	}
	return out
}

func toSuggestionsResponse(t *skills.Taxonomy, sg results.Suggestions, p suggestionsPage, lang skills.Lang) suggestionsResponse {
	out := suggestionsResponse{CandidateID: sg.CandidateID, State: stateReady, ComputedAt: sg.ComputedAt.UTC(), Total: p.total,
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
		Summary: summary(e, match, band, lang, who), DistanceBand: band,
		ScheduleFit: e.ScheduleFit, LanguageFit: e.LanguageFit, DayRelease: e.DayRelease,
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
	out.Skills = skillsJSON{Essential: toSkillGroupJSON(t, e.Essential, lang, who), Optional: toSkillGroupJSON(t, e.Optional, lang, who)}
	return out
}

func toSkillGroupJSON(t *skills.Taxonomy, g results.SkillGroup, lang skills.Lang, who audience) skillGroupJSON {
	return skillGroupJSON{
		Counts: skillCountsJSON{Met: len(g.Met), Partly: len(g.Partly), Missing: len(g.Missing), Total: g.Total()},
		Met:    toSkillFitsJSON(t, g.Met, lang, who), Partly: toSkillFitsJSON(t, g.Partly, lang, who),
		Missing: toSkillFitsJSON(t, g.Missing, lang, who),
	}
}

// toSkillFitsJSON converts one list of skills. Employers read the
// programmes that train a skill by kind only: the names are staff's free
// text and may name a house, and a list stored before shortlists left
// them out still holds them.
func toSkillFitsJSON(t *skills.Taxonomy, fits []results.SkillFit, lang skills.Lang, who audience) []skillFitJSON {
	out := make([]skillFitJSON, 0, len(fits))
	for _, f := range fits {
		j := skillFitJSON{Skill: f.Skill, Label: skillLabel(t, f.Skill, lang), RequiredLevel: f.RequiredLevel,
			Status: string(f.Status), Level: f.Level, Hours: f.Hours, Attested: f.Attested, Relation: string(f.Relation),
			Programmes: make([]programmeJSON, 0, len(f.Programmes))}
		if r := f.Related; r != nil {
			j.Related = &relatedJSON{Skill: r.Skill, Level: r.Level, Hours: r.Hours, Attested: r.Attested}
			if r.Skill != "" {
				j.Related.Label = skillLabel(t, r.Skill, lang)
			}
			if r.Family != "" {
				j.Related.Family = &skillRefJSON{Skill: r.Family, Label: skillLabel(t, r.Family, lang)}
			}
		}
		programmes := f.Programmes
		if who != forStaff {
			programmes = results.ProgrammeKindsOnly(programmes)
		}
		for _, p := range programmes {
			j.Programmes = append(j.Programmes, programmeJSON{Kind: p.Kind, Name: p.Name})
		}
		out = append(out, j)
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
