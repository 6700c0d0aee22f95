package domain

import (
	"errors"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// OrgKind says which side of the platform an organisation is on.
type OrgKind string

// Organisation kinds.
const (
	// KindEmployer is a business that posts roles.
	KindEmployer OrgKind = "employer"
	// KindProgramme is a social enterprise, detention house, transition
	// house or probation service that registers candidates.
	KindProgramme OrgKind = "programme"
	// KindObserver is a funder, a city or a probation service that reads
	// the aggregate reports programme organisations share with it, and
	// nothing that names a person.
	KindObserver OrgKind = "observer"
)

// ProgrammeType narrows a programme organisation down.
type ProgrammeType string

// Programme types. They are descriptive only; no rule depends on them yet.
const (
	SocialEnterprise ProgrammeType = "social_enterprise"
	DetentionHouse   ProgrammeType = "detention_house"
	TransitionHouse  ProgrammeType = "transition_house"
	ProbationService ProgrammeType = "probation_service"
)

// Organisation is an employer, a programme or an observer organisation.
type Organisation struct {
	ID            string
	Name          string
	Kind          OrgKind
	ProgrammeType ProgrammeType
	CreatedAt     time.Time
	// Status is pending, verified or suspended; Version counts its
	// changes, for the organisation.status_changed events.
	Status       OrgStatus
	Version      int64
	Verification *Verification
	Suspension   *Suspension
}

// NewOrganisation checks the name and kind and returns the organisation.
func NewOrganisation(id, name string, kind OrgKind, ptype ProgrammeType, now time.Time) (Organisation, error) {
	name = strings.TrimSpace(name)
	if name == "" || len(name) > 120 {
		return Organisation{}, errs.Invalid("name", "must be between 1 and 120 characters")
	}
	switch kind {
	case KindEmployer, KindObserver:
		if ptype != "" {
			return Organisation{}, errs.Invalid("programme_type", "only programme organisations have a programme type")
		}
	case KindProgramme:
		switch ptype {
		case "", SocialEnterprise, DetentionHouse, TransitionHouse, ProbationService:
		default:
			return Organisation{}, errs.Invalid("programme_type", "must be one of: social_enterprise, detention_house, transition_house, probation_service")
		}
	default:
		return Organisation{}, errs.Invalid("kind", "must be one of: employer, programme, observer")
	}
	// A new employer waits for a platform administrator's checks; a
	// programme or observer organisation is created by one and needs none.
	status := StatusPending
	if kind != KindEmployer {
		status = StatusVerified
	}
	return Organisation{ID: id, Name: name, Kind: kind, ProgrammeType: ptype, CreatedAt: now.UTC(), Status: status, Version: 1}, nil
}

// OrganisationFilter narrows a listing of organisations. Query matches any
// part of the name, ignoring case and accents; Kind, when set, keeps one
// side of the platform.
type OrganisationFilter struct {
	Query  string
	Kind   OrgKind
	Status OrgStatus
}

// MaxOrganisationQuery bounds the length of a name search.
const MaxOrganisationQuery = 120

// CheckOrganisationFilter validates a listing's filter, naming the query
// parameters the client sent.
func CheckOrganisationFilter(f OrganisationFilter) (OrganisationFilter, error) {
	var fields []errs.FieldError
	f.Query = strings.TrimSpace(f.Query)
	if len(f.Query) > MaxOrganisationQuery {
		fields = append(fields, errs.FieldError{Field: "q", Message: "must be at most 120 characters"})
	}
	switch f.Kind {
	case "", KindEmployer, KindProgramme, KindObserver:
	default:
		fields = append(fields, errs.FieldError{Field: "kind", Message: "must be one of: employer, programme, observer"})
	}
	fields = appendFieldErrors(fields, CheckOrgStatus("status", f.Status))
	if len(fields) > 0 {
		return f, &errs.ValidationError{Fields: fields}
	}
	return f, nil
}

func appendFieldErrors(fields []errs.FieldError, err error) []errs.FieldError {
	var ve *errs.ValidationError
	if errors.As(err, &ve) {
		return append(fields, ve.Fields...)
	}
	return fields
}
