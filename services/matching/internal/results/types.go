package results

import (
	"time"

	"github.com/onward-jobs/onward/services/matching/internal/engine"
)

// Sizes of the stored results.
const (
	// ShortlistSize is how many candidates a role's stored shortlist holds.
	ShortlistSize = 100
	// SuggestionsSize is how many roles a candidate's stored suggestions hold.
	SuggestionsSize = 50
)

// Shortlist is the stored, ranked and explained list of candidates for one
// open role.
type Shortlist struct {
	RoleID      string
	RoleVersion int64
	EmployerID  string
	ComputedAt  time.Time
	Entries     []ShortlistEntry
	// Stamp names this one write of the list: every write draws a new
	// one, which the readers' cache compares with the stamp in Redis
	// (readcache.go). Lists written before stamps existed have none.
	Stamp string
}

// ShortlistEntry is one candidate in a shortlist. CandidateID is kept for
// removal and never leaves the service towards an employer; CandidateRef is
// the opaque reference an employer sees instead.
type ShortlistEntry struct {
	CandidateID  string
	CandidateRef string
	Alias        string
	Score        int
	Match        engine.Match
	Card         Card
	Explanation  Explanation
}

// Suggestions is the stored, ranked and explained list of roles for one
// candidate, for the staff of the candidate's organisation.
type Suggestions struct {
	CandidateID string
	OrgID       string
	ComputedAt  time.Time
	Entries     []SuggestionEntry
}

// SuggestionEntry is one role in a candidate's suggestions.
type SuggestionEntry struct {
	RoleID      string
	Title       string
	EmployerID  string
	Score       int
	Match       engine.Match
	Explanation Explanation
}

// Explanation says why an entry ranks where it does, as structure: the
// transport renders the one-line summary in the reader's language. It is
// the engine's explanation (engine.Explanation) with the programmes that
// train each skill not met.
type Explanation struct {
	// Essential and Optional place each skill the role asks for in
	// exactly one list: met, partly met or missing.
	Essential SkillGroup
	Optional  SkillGroup
	// DistanceKm is -1 for a remote role.
	DistanceKm int
	// AvailableFrom is the day the candidate can start; employers see only
	// its month.
	AvailableFrom engine.Day
	DayRelease    bool
	ScheduleFit   string
	LanguageFit   string
}

// SkillGroup is the essential (or optional) skills of a role, each in
// one list.
type SkillGroup struct {
	Met     []SkillFit
	Partly  []SkillFit
	Missing []SkillFit
}

// Total is the number of skills in the group.
func (g SkillGroup) Total() int { return len(g.Met) + len(g.Partly) + len(g.Missing) }

// SkillFit is one skill the role asks for and how the candidate meets it;
// see engine.SkillFit. Programmes are those on the platform that train
// the skill, for a skill partly met or missing.
type SkillFit struct {
	Skill         string
	RequiredLevel int
	Essential     bool
	Status        engine.SkillStatus
	// Level, Hours and Attested are the candidate's own standing in
	// Skill; Level 0 when not held (or unknown in a list stored before
	// explanations named it).
	Level    int
	Hours    int
	Attested bool
	// Relation says why a partly met skill counts partly; Related is the
	// candidate's skill that counts for a parent or sibling.
	Relation   engine.Relation
	Related    *RelatedSkill
	Programmes []Programme
}

// RelatedSkill is the candidate's skill that earns partial credit through
// the taxonomy. Skill is "" in a list stored before explanations named it.
type RelatedSkill struct {
	Skill    string
	Level    int
	Hours    int
	Attested bool
	// Family is the parent shared with the skill asked, for a sibling.
	Family string
}

// Programme is a kind of work programme and its name, such as
// {"coffee_roastery", "Coffee roastery"}. It never names the organisation;
// in a shortlist, which employers read, it has no name at all.
type Programme struct {
	Kind string
	Name string
}

// Card is what an employer may see of a candidate before an introduction:
// no name, contact, house, programme organisation or exact date.
type Card struct {
	Alias          string
	Skills         []CardSkill
	Certificates   []string
	Languages      []CardLanguage
	AvailableMonth string
	DistanceBand   string
	DayRelease     bool
	ScheduleFit    string
	ProgrammeKinds []string
}

// CardSkill is one skill on a card.
type CardSkill struct {
	Skill    string
	Level    int
	Hours    int
	Attested bool
}

// CardLanguage is one language on a card with its CEFR level ("B2").
type CardLanguage struct {
	Code  string
	Level string
}

// Cutoff is what an entry must beat to enter a stored list: its last entry
// when the list is full. A list that is not full takes any eligible entry.
type Cutoff struct {
	Full bool
	// Last is the last entry of a full list: a candidate of a shortlist, a
	// role of a suggestion list.
	Last engine.Entry
}

// ListMembers is one stored list and the ids it holds: the candidates of
// a role's shortlist, the roles of a candidate's suggestions.
type ListMembers struct {
	ID      string
	Members []string
}

// Members returns the candidates of the shortlist, in order.
func (s Shortlist) Members() []string {
	out := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		out[i] = e.CandidateID
	}
	return out
}

// Members returns the roles of the suggestions, in order.
func (s Suggestions) Members() []string {
	out := make([]string, len(s.Entries))
	for i, e := range s.Entries {
		out[i] = e.RoleID
	}
	return out
}

// Counts are the full and near matches in a stored shortlist.
type Counts struct {
	Full, Near int
}

// CutoffOf returns the shortlist's cut-off.
func (s Shortlist) CutoffOf() Cutoff {
	if len(s.Entries) < ShortlistSize {
		return Cutoff{}
	}
	e := s.Entries[len(s.Entries)-1]
	return Cutoff{Full: true, Last: engine.Entry{ID: e.CandidateID, Score: e.Score, Match: e.Match}}
}

// CutoffOf returns the suggestions' cut-off.
func (s Suggestions) CutoffOf() Cutoff {
	if len(s.Entries) < SuggestionsSize {
		return Cutoff{}
	}
	e := s.Entries[len(s.Entries)-1]
	return Cutoff{Full: true, Last: engine.Entry{ID: e.RoleID, Score: e.Score, Match: e.Match}}
}

// Counts returns how many full and near matches the shortlist holds.
func (s Shortlist) Counts() Counts {
	var c Counts
	for _, e := range s.Entries {
		if e.Match == engine.MatchFull {
			c.Full++
		} else {
			c.Near++
		}
	}
	return c
}

// RoleCounts are a stored shortlist's owner and its full and near matches.
type RoleCounts struct {
	EmployerID string
	Counts
}
