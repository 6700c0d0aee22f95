package site

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// The matching service's shortlists, suggestions and counts, as its HTTP
// API answers them (the "Matching HTTP API" contract). Only the fields a
// page may show are decoded: anything else the service sends, by mistake
// or in a later version, never reaches a template.

// shortlistPage is one page of a role's shortlist.
type shortlistPage struct {
	RoleID     string           `json:"role_id"`
	Total      int              `json:"total"`
	Items      []shortlistEntry `json:"items"`
	NextCursor string           `json:"next_cursor"`
}

// shortlistEntry is one candidate on a shortlist: the pseudonymous card
// and why the candidate fits. The candidate_ref is not decoded: no page
// uses it yet.
type shortlistEntry struct {
	Alias       string        `json:"alias"`
	Match       string        `json:"match"`
	Card        candidateCard `json:"card"`
	Explanation explanation   `json:"explanation"`
}

// candidateCard is what an employer may see of a candidate before an
// introduction: skills first, never who or where the person is.
type candidateCard struct {
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

// cardSkill is one skill on a card, at a level from 1 to 4.
type cardSkill struct {
	Skill    string `json:"skill"`
	Label    string `json:"label"`
	Level    int    `json:"level"`
	Hours    int    `json:"hours"`
	Attested bool   `json:"attested"`
}

// cardLanguage is a language at a CEFR level.
type cardLanguage struct {
	Code  string `json:"code"`
	Level string `json:"level"`
}

// explanation says why an entry fits and what it lacks. AvailableFrom is
// a month ("2027-01") for employers and a date for staff. DistanceKm is
// -1 for a remote role and absent when the service does not say.
type explanation struct {
	Summary       string            `json:"summary"`
	Skills        explanationSkills `json:"skills"`
	DistanceKm    *int              `json:"distance_km"`
	AvailableFrom string            `json:"available_from"`
	ScheduleFit   string            `json:"schedule_fit"`
	LanguageFit   string            `json:"language_fit"`
	DayRelease    bool              `json:"day_release"`
}

// explanationSkills holds every skill the role asks for exactly once:
// essential and optional apart, each met, partly met or missing, with
// counts that are the lists' lengths (docs/matching.md, "The
// explanation"). The groups are the contract's own types.
type explanationSkills struct {
	Essential api.SkillGroup `json:"essential"`
	Optional  api.SkillGroup `json:"optional"`
}

// suggestionPage is one page of the roles that fit a candidate. State
// says what an empty list means: the candidate has not consented to
// matching (no_consent), or consents but matching has not taken the
// change in yet (pending); ready is the ranked list, maybe empty.
type suggestionPage struct {
	State      string           `json:"state"`
	Items      []roleSuggestion `json:"items"`
	NextCursor string           `json:"next_cursor"`
}

// The states of a candidate's suggestions.
const (
	suggestionsNoConsent = "no_consent"
	suggestionsPending   = "pending"
)

// roleSuggestion is one role that fits a candidate.
type roleSuggestion struct {
	RoleID      string      `json:"role_id"`
	Title       string      `json:"title"`
	EmployerID  string      `json:"employer_id"`
	Match       string      `json:"match"`
	Explanation explanation `json:"explanation"`
}

// shortlistCount is how many full and near matches a role's shortlist
// holds.
type shortlistCount struct {
	Full int `json:"full"`
	Near int `json:"near"`
}

// shortlistFilters narrow a shortlist, as the page's filter form and
// the API name them.
type shortlistFilters struct {
	FullOnly, DayRelease bool
	WithinWeeks          int
}

func (f shortlistFilters) values() url.Values {
	q := url.Values{}
	if f.FullOnly {
		q.Set("full_only", "true")
	}
	if f.DayRelease {
		q.Set("day_release", "true")
	}
	if f.WithinWeeks > 0 {
		q.Set("available_within_weeks", strconv.Itoa(f.WithinWeeks))
	}
	return q
}

// shortlist reads one page of a role's shortlist. Another employer's
// role is errs.NotFound and a refused caller errs.Forbidden, as the
// service answers.
func (m *matchingClient) shortlist(ctx context.Context, token, roleID string, f shortlistFilters, cursor, lang string, limit int) (shortlistPage, error) {
	q := f.values()
	q.Set("limit", strconv.Itoa(limit))
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	q.Set("lang", lang)
	var p shortlistPage
	err := m.read(ctx, token, "/api/v1/roles/"+url.PathEscape(roleID)+"/shortlist?"+q.Encode(), &p)
	return p, err
}

// suggestions reads one page of the roles that fit a candidate.
func (m *matchingClient) suggestions(ctx context.Context, token, candidateID, cursor, lang string, limit int) (suggestionPage, error) {
	q := url.Values{"limit": {strconv.Itoa(limit)}, "lang": {lang}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	var p suggestionPage
	err := m.read(ctx, token, "/api/v1/candidates/"+url.PathEscape(candidateID)+"/suggestions?"+q.Encode(), &p)
	return p, err
}

// shortlistCounts asks, in one call, how many full and near matches each
// of the caller's roles has. Roles the service leaves out have no count.
func (m *matchingClient) shortlistCounts(ctx context.Context, token string, roleIDs []string) (map[string]shortlistCount, error) {
	var out struct {
		Counts map[string]shortlistCount `json:"counts"`
	}
	err := m.read(ctx, token, "/api/v1/matching/shortlist-counts?"+url.Values{"role": roleIDs}.Encode(), &out)
	return out.Counts, err
}

// read calls the matching service on the user's behalf. Unlike the
// vocabulary searches, a 403 here is the service's own answer about the
// user (a programme coach asking for a shortlist) and stays
// errs.Forbidden; a refused query stays an errs.InvalidArgument.
func (m *matchingClient) read(ctx context.Context, token, path string, out any) error {
	err := m.call(ctx, token, http.MethodGet, path, nil, out)
	var p *apiProblem
	switch {
	case err == nil:
		return nil
	case errors.As(err, &p) && p.Status == http.StatusBadRequest:
		return fmt.Errorf("matching refused the request: %w", errs.InvalidArgument)
	case errors.As(err, &p):
		return fmt.Errorf("matching answered %d: %w", p.Status, errs.Unavailable)
	}
	return fmt.Errorf("matching: %w", err)
}
