package mongo

import (
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// shortlistDoc is a role's stored shortlist. Counts copies the number of
// full and near matches so the employer's home page reads no entries.
type shortlistDoc struct {
	RoleID      string       `bson:"_id"`
	RoleVersion int64        `bson:"role_version"`
	EmployerID  string       `bson:"employer_id"`
	ComputedAt  time.Time    `bson:"computed_at"`
	Cutoff      cutoffDoc    `bson:"cutoff"`
	Counts      countsDoc    `bson:"counts"`
	Entries     []shortEntry `bson:"entries"`
}

// cutoffDoc is the last entry of a full list; Full is false otherwise.
type cutoffDoc struct {
	Full  bool   `bson:"full"`
	ID    string `bson:"id,omitempty"`
	Score int    `bson:"score"`
	Match string `bson:"match,omitempty"`
}

type countsDoc struct {
	Full int `bson:"full"`
	Near int `bson:"near"`
}

type shortEntry struct {
	CandidateID  string         `bson:"candidate_id"`
	CandidateRef string         `bson:"candidate_ref"`
	Alias        string         `bson:"alias"`
	Score        int            `bson:"score"`
	Match        string         `bson:"match"`
	Card         cardDoc        `bson:"card"`
	Explanation  explanationDoc `bson:"explanation"`
}

type cardDoc struct {
	Alias          string        `bson:"alias"`
	Skills         []cardSkill   `bson:"skills"`
	Certificates   []string      `bson:"certificates"`
	Languages      []cardLangDoc `bson:"languages"`
	AvailableMonth string        `bson:"available_month"`
	DistanceBand   string        `bson:"distance_band"`
	DayRelease     bool          `bson:"day_release"`
	ScheduleFit    string        `bson:"schedule_fit"`
	ProgrammeKinds []string      `bson:"programme_kinds"`
}

type cardSkill struct {
	Skill    string `bson:"skill"`
	Level    int    `bson:"level"`
	Hours    int    `bson:"hours"`
	Attested bool   `bson:"attested"`
}

type cardLangDoc struct {
	Code  string `bson:"code"`
	Level string `bson:"level"`
}

// explanationDoc is structure only: the sentences are written when read.
type explanationDoc struct {
	MatchedSkills []matchedDoc `bson:"matched_skills"`
	MissingSkills []missingDoc `bson:"missing_skills"`
	DistanceKm    int          `bson:"distance_km"`
	AvailableFrom int32        `bson:"available_from"`
	DayRelease    bool         `bson:"day_release"`
	ScheduleFit   string       `bson:"schedule_fit"`
	LanguageFit   string       `bson:"language_fit"`
}

type matchedDoc struct {
	Skill          string `bson:"skill"`
	CandidateLevel int    `bson:"candidate_level"`
	RequiredLevel  int    `bson:"required_level"`
	Essential      bool   `bson:"essential"`
	Via            string `bson:"via,omitempty"`
	Hours          int    `bson:"hours"`
	Attested       bool   `bson:"attested"`
}

type missingDoc struct {
	Skill         string         `bson:"skill"`
	RequiredLevel int            `bson:"required_level"`
	Essential     bool           `bson:"essential"`
	Programmes    []programmeDoc `bson:"programmes"`
}

type programmeDoc struct {
	Kind string `bson:"kind"`
	Name string `bson:"name"`
}

// suggestionsDoc is a candidate's stored suggestions.
type suggestionsDoc struct {
	CandidateID string      `bson:"_id"`
	OrgID       string      `bson:"org_id"`
	ComputedAt  time.Time   `bson:"computed_at"`
	Cutoff      cutoffDoc   `bson:"cutoff"`
	Entries     []suggEntry `bson:"entries"`
}

type suggEntry struct {
	RoleID      string         `bson:"role_id"`
	Title       string         `bson:"title"`
	EmployerID  string         `bson:"employer_id"`
	Score       int            `bson:"score"`
	Match       string         `bson:"match"`
	Explanation explanationDoc `bson:"explanation"`
}

func toCutoffDoc(c results.Cutoff) cutoffDoc {
	if !c.Full {
		return cutoffDoc{}
	}
	return cutoffDoc{Full: true, ID: c.Last.ID, Score: c.Last.Score, Match: string(c.Last.Match)}
}

func toCutoff(d cutoffDoc) results.Cutoff {
	if !d.Full {
		return results.Cutoff{}
	}
	return results.Cutoff{Full: true, Last: engine.Entry{ID: d.ID, Score: d.Score, Match: engine.Match(d.Match)}}
}
