package mongo

import (
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// shortlistDoc is a role's stored shortlist. Its entries are one binary
// value, deflated JSON (packEntries): FerretDB converts every field of a
// document on each write and read, and a hundred entries with their cards
// and explanations are thousands of fields, so the server sees a handful
// of small fields and one value. Counts copies the number of full and near matches so the
// employer's home page reads no entries; CandidateIDs lists the entries'
// candidates, for the rare query by candidate (a removal) and for the
// membership Results keeps in memory.
type shortlistDoc struct {
	RoleID       string    `bson:"_id"`
	RoleVersion  int64     `bson:"role_version"`
	EmployerID   string    `bson:"employer_id"`
	ComputedAt   time.Time `bson:"computed_at"`
	Cutoff       cutoffDoc `bson:"cutoff"`
	Counts       countsDoc `bson:"counts"`
	CandidateIDs []string  `bson:"candidate_ids"`
	// Entries is []shortEntry, packed.
	Entries []byte `bson:"entries"`
	// Layout is explainLayout for lists written with the skill groups; an
	// earlier list has none (see OutdatedLists).
	Layout int `bson:"layout,omitempty"`
	// Stamp names this write of the list (results.Shortlist.Stamp).
	Stamp string `bson:"stamp,omitempty"`
}

// explainLayout is the layout of the explanations written now: the skill
// groups. Lists without it are recomputed once the index is loaded.
const explainLayout = 2

// legacyShortlistDoc is the earlier layout, entries as nested documents;
// NewStore rewrites such documents in the compact layout.
type legacyShortlistDoc struct {
	RoleID      string       `bson:"_id"`
	RoleVersion int64        `bson:"role_version"`
	EmployerID  string       `bson:"employer_id"`
	ComputedAt  time.Time    `bson:"computed_at"`
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
	CandidateID  string         `bson:"candidate_id" json:"candidate_id"`
	CandidateRef string         `bson:"candidate_ref" json:"candidate_ref"`
	Alias        string         `bson:"alias" json:"alias"`
	Score        int            `bson:"score" json:"score"`
	Match        string         `bson:"match" json:"match"`
	Card         cardDoc        `bson:"card" json:"card"`
	Explanation  explanationDoc `bson:"explanation" json:"explanation"`
}

type cardDoc struct {
	Alias          string        `bson:"alias" json:"alias"`
	Skills         []cardSkill   `bson:"skills" json:"skills"`
	Certificates   []string      `bson:"certificates" json:"certificates"`
	Languages      []cardLangDoc `bson:"languages" json:"languages"`
	AvailableMonth string        `bson:"available_month" json:"available_month"`
	DistanceBand   string        `bson:"distance_band" json:"distance_band"`
	DayRelease     bool          `bson:"day_release" json:"day_release"`
	ScheduleFit    string        `bson:"schedule_fit" json:"schedule_fit"`
	ProgrammeKinds []string      `bson:"programme_kinds" json:"programme_kinds"`
}

type cardSkill struct {
	Skill    string `bson:"skill" json:"skill"`
	Level    int    `bson:"level" json:"level"`
	Hours    int    `bson:"hours" json:"hours"`
	Attested bool   `bson:"attested" json:"attested"`
}

type cardLangDoc struct {
	Code  string `bson:"code" json:"code"`
	Level string `bson:"level" json:"level"`
}

// explanationDoc is structure only: the sentences are written when read.
// Essential and Optional hold the skill groups; a list stored before them
// has MatchedSkills and MissingSkills instead, which legacySkillGroups
// reads into groups (see that function for what the old layout cannot
// say). New lists never write the old fields.
type explanationDoc struct {
	Essential     *skillGroupDoc `bson:"essential,omitempty" json:"essential,omitempty"`
	Optional      *skillGroupDoc `bson:"optional,omitempty" json:"optional,omitempty"`
	MatchedSkills []matchedDoc   `bson:"matched_skills,omitempty" json:"matched_skills,omitempty"`
	MissingSkills []missingDoc   `bson:"missing_skills,omitempty" json:"missing_skills,omitempty"`
	DistanceKm    int            `bson:"distance_km" json:"distance_km"`
	AvailableFrom int32          `bson:"available_from" json:"available_from"`
	DayRelease    bool           `bson:"day_release" json:"day_release"`
	ScheduleFit   string         `bson:"schedule_fit" json:"schedule_fit"`
	LanguageFit   string         `bson:"language_fit" json:"language_fit"`
}

// skillGroupDoc is a group of an explanation; Essential is implied by the
// group, so a fit does not store it.
type skillGroupDoc struct {
	Met     []skillFitDoc `bson:"met" json:"met"`
	Partly  []skillFitDoc `bson:"partly" json:"partly"`
	Missing []skillFitDoc `bson:"missing" json:"missing"`
}

// skillFitDoc is one skill of a group; its status is implied by its list.
type skillFitDoc struct {
	Skill         string         `bson:"skill" json:"skill"`
	RequiredLevel int            `bson:"required_level" json:"required_level"`
	Level         int            `bson:"level,omitempty" json:"level,omitempty"`
	Hours         int            `bson:"hours,omitempty" json:"hours,omitempty"`
	Attested      bool           `bson:"attested,omitempty" json:"attested,omitempty"`
	Relation      string         `bson:"relation,omitempty" json:"relation,omitempty"`
	Related       *relatedDoc    `bson:"related,omitempty" json:"related,omitempty"`
	Programmes    []programmeDoc `bson:"programmes,omitempty" json:"programmes,omitempty"`
}

type relatedDoc struct {
	Skill    string `bson:"skill" json:"skill"`
	Level    int    `bson:"level" json:"level"`
	Hours    int    `bson:"hours,omitempty" json:"hours,omitempty"`
	Attested bool   `bson:"attested,omitempty" json:"attested,omitempty"`
	Family   string `bson:"family,omitempty" json:"family,omitempty"`
}

// matchedDoc and missingDoc are the skills of an explanation stored
// before the groups: a skill credited through a related skill was in both
// lists, and the related skill itself was not named.
type matchedDoc struct {
	Skill          string `bson:"skill" json:"skill"`
	CandidateLevel int    `bson:"candidate_level" json:"candidate_level"`
	RequiredLevel  int    `bson:"required_level" json:"required_level"`
	Essential      bool   `bson:"essential" json:"essential"`
	Via            string `bson:"via,omitempty" json:"via,omitempty"`
	Hours          int    `bson:"hours" json:"hours"`
	Attested       bool   `bson:"attested" json:"attested"`
}

type missingDoc struct {
	Skill         string         `bson:"skill" json:"skill"`
	RequiredLevel int            `bson:"required_level" json:"required_level"`
	Essential     bool           `bson:"essential" json:"essential"`
	Programmes    []programmeDoc `bson:"programmes" json:"programmes"`
}

type programmeDoc struct {
	Kind string `bson:"kind" json:"kind"`
	Name string `bson:"name" json:"name"`
}

// suggestionsDoc is a candidate's stored suggestions, compact as
// shortlistDoc is: RoleIDs lists the entries' roles, Entries is
// []suggEntry, packed.
type suggestionsDoc struct {
	CandidateID string    `bson:"_id"`
	OrgID       string    `bson:"org_id"`
	ComputedAt  time.Time `bson:"computed_at"`
	Cutoff      cutoffDoc `bson:"cutoff"`
	RoleIDs     []string  `bson:"role_ids"`
	Entries     []byte    `bson:"entries"`
	Layout      int       `bson:"layout,omitempty"`
}

// legacySuggestionsDoc is the earlier layout of suggestions.
type legacySuggestionsDoc struct {
	CandidateID string      `bson:"_id"`
	OrgID       string      `bson:"org_id"`
	ComputedAt  time.Time   `bson:"computed_at"`
	Entries     []suggEntry `bson:"entries"`
}

type suggEntry struct {
	RoleID      string         `bson:"role_id" json:"role_id"`
	Title       string         `bson:"title" json:"title"`
	EmployerID  string         `bson:"employer_id" json:"employer_id"`
	Score       int            `bson:"score" json:"score"`
	Match       string         `bson:"match" json:"match"`
	Explanation explanationDoc `bson:"explanation" json:"explanation"`
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
