package http

import (
	"time"

	"github.com/onward-jobs/onward/services/employers/internal/domain"
)

// roleBody is a role as POST and PATCH take it. Every field is optional in
// the JSON so that PATCH can send only what changes; POST checks the whole
// role after decoding.
type roleBody struct {
	Version         *int64          `json:"version,omitempty"`
	Status          *string         `json:"status,omitempty"`
	Title           *string         `json:"title,omitempty"`
	Description     *string         `json:"description,omitempty"`
	Occupation      *string         `json:"occupation,omitempty"`
	Sector          *string         `json:"sector,omitempty"`
	Site            *siteBody       `json:"site,omitempty"`
	Remote          *bool           `json:"remote,omitempty"`
	EssentialSkills *[]skillBody    `json:"essential_skills,omitempty"`
	OptionalSkills  *[]skillBody    `json:"optional_skills,omitempty"`
	Languages       *[]languageBody `json:"languages,omitempty"`
	Schedule        *scheduleBody   `json:"schedule,omitempty"`
	HoursPerWeek    *int            `json:"hours_per_week,omitempty"`
	Contract        *string         `json:"contract,omitempty"`
	StartDate       *string         `json:"start_date,omitempty"`
	StartASAP       *bool           `json:"start_asap,omitempty"`
	EndDate         *string         `json:"end_date,omitempty"`
	Positions       *int            `json:"positions,omitempty"`
	DayReleaseOK    *bool           `json:"day_release_ok,omitempty"`
	ClosingDate     *string         `json:"closing_date,omitempty"`
}

type siteBody struct {
	PlaceID string   `json:"place_id,omitempty"`
	Name    string   `json:"name,omitempty"`
	Lat     *float64 `json:"lat,omitempty"`
	Lon     *float64 `json:"lon,omitempty"`
}

type skillBody struct {
	Skill    string `json:"skill"`
	MinLevel int    `json:"min_level"`
}

type languageBody struct {
	Code     string `json:"code"`
	MinLevel string `json:"min_level"`
}

type scheduleBody struct {
	Days   []string    `json:"days,omitempty"`
	Start  string      `json:"start,omitempty"`
	End    string      `json:"end,omitempty"`
	Shifts []shiftBody `json:"shifts,omitempty"`
}

type shiftBody struct {
	Day   string `json:"day"`
	Start string `json:"start"`
	End   string `json:"end"`
}

// applyTo copies the fields the body carries onto spec.
func (b roleBody) applyTo(s *domain.RoleSpec) {
	set(&s.Title, b.Title)
	set(&s.Description, b.Description)
	set(&s.Occupation, b.Occupation)
	set(&s.Sector, b.Sector)
	set(&s.Remote, b.Remote)
	set(&s.HoursPerWeek, b.HoursPerWeek)
	set(&s.Contract, b.Contract)
	set(&s.StartDate, b.StartDate)
	set(&s.StartASAP, b.StartASAP)
	set(&s.EndDate, b.EndDate)
	set(&s.Positions, b.Positions)
	set(&s.DayReleaseOK, b.DayReleaseOK)
	set(&s.ClosingDate, b.ClosingDate)
	if b.Site != nil {
		s.Site = toDomainSite(*b.Site)
	}
	if b.EssentialSkills != nil {
		s.EssentialSkills = toDomainSkills(*b.EssentialSkills)
	}
	if b.OptionalSkills != nil {
		s.OptionalSkills = toDomainSkills(*b.OptionalSkills)
	}
	if b.Languages != nil {
		s.Languages = make([]domain.LanguageRequirement, 0, len(*b.Languages))
		for _, l := range *b.Languages {
			s.Languages = append(s.Languages, domain.LanguageRequirement{Code: l.Code, MinLevel: l.MinLevel})
		}
	}
	if b.Schedule != nil {
		s.Schedule = toDomainSchedule(*b.Schedule)
	}
}

func set[T any](dst *T, v *T) {
	if v != nil {
		*dst = *v
	}
}

func toDomainSite(b siteBody) *domain.Site {
	return &domain.Site{PlaceID: b.PlaceID, Name: b.Name, Lat: b.Lat, Lon: b.Lon}
}

func toDomainSkills(list []skillBody) []domain.SkillRequirement {
	out := make([]domain.SkillRequirement, 0, len(list))
	for _, r := range list {
		out = append(out, domain.SkillRequirement{Skill: r.Skill, MinLevel: r.MinLevel})
	}
	return out
}

func toDomainSchedule(b scheduleBody) *domain.Schedule {
	sc := &domain.Schedule{Days: b.Days, Start: b.Start, End: b.End}
	for _, sh := range b.Shifts {
		sc.Shifts = append(sc.Shifts, domain.Shift{Day: sh.Day, Start: sh.Start, End: sh.End})
	}
	return sc
}

// roleResponse is a role as the API answers it.
type roleResponse struct {
	ID              string         `json:"id"`
	EmployerID      string         `json:"employer_id"`
	Status          string         `json:"status"`
	Version         int64          `json:"version"`
	CreatedAt       time.Time      `json:"created_at"`
	UpdatedAt       time.Time      `json:"updated_at"`
	Title           string         `json:"title"`
	Description     string         `json:"description"`
	Occupation      string         `json:"occupation,omitempty"`
	Sector          string         `json:"sector"`
	Site            *siteBody      `json:"site,omitempty"`
	Remote          bool           `json:"remote"`
	EssentialSkills []skillBody    `json:"essential_skills"`
	OptionalSkills  []skillBody    `json:"optional_skills"`
	Languages       []languageBody `json:"languages"`
	Schedule        *scheduleBody  `json:"schedule,omitempty"`
	HoursPerWeek    int            `json:"hours_per_week"`
	Contract        string         `json:"contract"`
	StartDate       string         `json:"start_date,omitempty"`
	StartASAP       bool           `json:"start_asap"`
	EndDate         string         `json:"end_date,omitempty"`
	Positions       int            `json:"positions"`
	// Filled is how many positions placements have taken.
	Filled       int    `json:"filled"`
	DayReleaseOK bool   `json:"day_release_ok"`
	ClosingDate  string `json:"closing_date,omitempty"`
	// StatusChangedAt is when the status last changed.
	StatusChangedAt time.Time `json:"status_changed_at"`
	// NextStatuses are the statuses the role may move to now.
	NextStatuses []string `json:"next_statuses"`
	// ReopenUntil is set while a filled or closed role may still be
	// reopened, to one of NextStatuses.
	ReopenUntil *time.Time `json:"reopen_until,omitempty"`
}

// roleResponse answers r as it stands at the service's clock.
func (h *handlers) roleResponse(r domain.Role) roleResponse { return toRoleResponse(r, h.svc.Now()) }

// toRoleResponse converts r; now decides what it may become next.
func toRoleResponse(r domain.Role, now time.Time) roleResponse {
	s := r.Spec
	out := roleResponse{
		ID: r.ID, EmployerID: r.EmployerID, Status: string(r.Status), Version: r.Version, CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt,
		StatusChangedAt: r.StatusChangedAt, NextStatuses: []string{},
		Title: s.Title, Description: s.Description, Occupation: s.Occupation, Sector: s.Sector, Remote: s.Remote,
		EssentialSkills: toSkillBodies(s.EssentialSkills), OptionalSkills: toSkillBodies(s.OptionalSkills),
		Languages: []languageBody{}, HoursPerWeek: s.HoursPerWeek, Contract: s.Contract, StartDate: s.StartDate,
		StartASAP: s.StartASAP, EndDate: s.EndDate, Positions: s.Positions, DayReleaseOK: s.DayReleaseOK, ClosingDate: s.ClosingDate,
		Filled: r.Filled(),
	}
	for _, st := range r.NextStatuses(now) {
		out.NextStatuses = append(out.NextStatuses, string(st))
	}
	if until, ok := r.ReopenUntil(now); ok {
		out.ReopenUntil = &until
	}
	if s.Site != nil {
		out.Site = toSiteBody(*s.Site)
	}
	for _, l := range s.Languages {
		out.Languages = append(out.Languages, languageBody{Code: l.Code, MinLevel: l.MinLevel})
	}
	if s.Schedule != nil {
		sc := &scheduleBody{Days: s.Schedule.Days, Start: s.Schedule.Start, End: s.Schedule.End}
		for _, sh := range s.Schedule.Shifts {
			sc.Shifts = append(sc.Shifts, shiftBody{Day: sh.Day, Start: sh.Start, End: sh.End})
		}
		out.Schedule = sc
	}
	return out
}

func toSiteBody(s domain.Site) *siteBody {
	return &siteBody{PlaceID: s.PlaceID, Name: s.Name, Lat: s.Lat, Lon: s.Lon}
}

func toSkillBodies(list []domain.SkillRequirement) []skillBody {
	out := make([]skillBody, 0, len(list))
	for _, r := range list {
		out = append(out, skillBody{Skill: r.Skill, MinLevel: r.MinLevel})
	}
	return out
}
