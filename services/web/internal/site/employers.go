package site

import (
	"context"
	"net/http"
	"net/url"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/httpx"
)

// employersTimeout bounds every call to the employers service, so a page
// never hangs on it.
const employersTimeout = 5 * time.Second

// employersClient calls the employers service's API on behalf of the
// signed-in user, with the user's own access token, so the service
// decides what the user may see and change.
type employersClient struct{ serviceClient }

func newEmployersClient(base string) *employersClient {
	return &employersClient{newServiceClient("employers", base, employersTimeout)}
}

// wordingFlag is a phrase the inclusive-wording check found, with a
// neutral suggestion. It warns; it never blocks.
type wordingFlag struct {
	Field      string `json:"field"`
	Phrase     string `json:"phrase"`
	Start      int    `json:"start"`
	End        int    `json:"end"`
	Suggestion string `json:"suggestion"`
	Reason     string `json:"reason"`
	// Category is criminal_record, age or appearance.
	Category string `json:"category"`
}

// role is a role as the employers service answers it.
type role struct {
	ID         string `json:"id"`
	EmployerID string `json:"employer_id,omitempty"`
	Status     string `json:"status"`
	Version    int    `json:"version"`
	// NextStatuses are the statuses the role may move to now; for a
	// filled or closed role, its reopen targets while ReopenUntil lasts.
	NextStatuses []string `json:"next_statuses"`
	// ReopenUntil is set while a filled or closed role may be reopened.
	ReopenUntil *time.Time `json:"reopen_until"`
	roleInput
	Warnings []wordingFlag `json:"warnings,omitempty"`
}

// roleInput is what the role form sends.
type roleInput struct {
	Title       string      `json:"title"`
	Description string      `json:"description"`
	Occupation  string      `json:"occupation,omitempty"`
	Sector      string      `json:"sector,omitempty"`
	Site        *roleSite   `json:"site,omitempty"`
	Remote      bool        `json:"remote"`
	Essential   []roleSkill `json:"essential_skills"`
	Optional    []roleSkill `json:"optional_skills"`
	// Languages are always sent, so an edit can remove the last one.
	Languages    []roleLanguage `json:"languages"`
	Schedule     *roleSchedule  `json:"schedule,omitempty"`
	HoursPerWeek int            `json:"hours_per_week,omitempty"`
	// StartASAP, StartDate, EndDate and ClosingDate are always sent, so
	// an edit can clear a date or switch between a date and "as soon as
	// possible": a missing field would keep the old value.
	StartASAP    bool   `json:"start_asap"`
	Contract     string `json:"contract,omitempty"`
	StartDate    string `json:"start_date"`
	EndDate      string `json:"end_date"`
	Positions    int    `json:"positions,omitempty"`
	DayReleaseOK bool   `json:"day_release_ok"`
	ClosingDate  string `json:"closing_date"`
	Status       string `json:"status,omitempty"`
	Version      int    `json:"version,omitempty"`
}

type roleSite struct {
	PlaceID string `json:"place_id"`
}

type roleSkill struct {
	Skill    string `json:"skill"`
	MinLevel int    `json:"min_level"`
}

// roleSchedule is either days with one time window, or shifts.
type roleSchedule struct {
	Days   []string    `json:"days,omitempty"`
	Start  string      `json:"start,omitempty"`
	End    string      `json:"end,omitempty"`
	Shifts []roleShift `json:"shifts,omitempty"`
}

// rolePage is one page of a role listing.
type rolePage struct {
	Items      []role `json:"items"`
	NextCursor string `json:"next_cursor"`
}

// employerProfile is an employer's profile as the service keeps it.
type employerProfile struct {
	ID          string         `json:"id,omitempty"`
	DisplayName string         `json:"display_name"`
	Sectors     []string       `json:"sectors"`
	Description string         `json:"description"`
	Website     string         `json:"website"`
	SizeBand    string         `json:"size_band"`
	Sites       []employerSite `json:"sites"`
	FairChance  fairChance     `json:"fair_chance"`
	Contact     contactPerson  `json:"contact"`
	Version     int            `json:"version"`
}

type employerSite struct {
	Name    string `json:"name"`
	PlaceID string `json:"place_id"`
}

type fairChance struct {
	Statement   string   `json:"statement"`
	Commitments []string `json:"commitments"`
}

type contactPerson struct {
	Name  string `json:"name"`
	Email string `json:"email"`
	Phone string `json:"phone"`
}

func (e *employersClient) listRoles(ctx context.Context, token string, q url.Values) (rolePage, error) {
	var p rolePage
	path := "/api/v1/roles"
	if enc := q.Encode(); enc != "" {
		path += "?" + enc
	}
	err := e.call(ctx, token, http.MethodGet, path, nil, &p)
	return p, err
}

func (e *employersClient) getRole(ctx context.Context, token, id string) (role, error) {
	var r role
	err := e.call(ctx, token, http.MethodGet, "/api/v1/roles/"+url.PathEscape(id), nil, &r)
	return r, err
}

func (e *employersClient) createRole(ctx context.Context, token string, in roleInput) (role, error) {
	var r role
	err := e.call(ctx, token, http.MethodPost, "/api/v1/roles", in, &r)
	return r, err
}

func (e *employersClient) updateRole(ctx context.Context, token, id string, in roleInput) (role, error) {
	var r role
	err := e.call(ctx, token, http.MethodPatch, "/api/v1/roles/"+url.PathEscape(id), in, &r)
	return r, err
}

func (e *employersClient) checkWording(ctx context.Context, token, title, description, lang string) ([]wordingFlag, error) {
	var out struct {
		Flags []wordingFlag `json:"flags"`
	}
	err := e.call(ctx, token, http.MethodPost, "/api/v1/roles/wording-check",
		map[string]string{"title": title, "description": description, "lang": lang}, &out)
	return out.Flags, err
}

func (e *employersClient) myProfile(ctx context.Context, token string) (employerProfile, error) {
	var p employerProfile
	err := e.call(ctx, token, http.MethodGet, "/api/v1/employers/me", nil, &p)
	return p, err
}

func (e *employersClient) saveProfile(ctx context.Context, token string, in employerProfile) (employerProfile, error) {
	var p employerProfile
	err := e.call(ctx, token, http.MethodPut, "/api/v1/employers/me", in, &p)
	return p, err
}

// logServiceFailure records a failed call to another service, with the
// request id and the cause only: never what the user typed.
func (s *site) logServiceFailure(c *fiber.Ctx, service string, err error) {
	s.logger.WarnContext(c.UserContext(), "service call failed",
		"request_id", httpx.RequestID(c), "service", service, "error", err.Error())
}
