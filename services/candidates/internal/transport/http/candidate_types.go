package http

import (
	"time"

	"github.com/onward-jobs/onward/services/candidates/internal/domain"
)

// candidateResponse is a candidate's full record, for its organisation's
// staff. Optional fields left empty are omitted.
type candidateResponse struct {
	ID               string                    `json:"id"`
	Alias            string                    `json:"alias"`
	Version          int64                     `json:"version"`
	CreatedAt        time.Time                 `json:"created_at"`
	UpdatedAt        time.Time                 `json:"updated_at"`
	GivenName        string                    `json:"given_name"`
	FamilyName       string                    `json:"family_name"`
	PreferredName    string                    `json:"preferred_name,omitempty"`
	DateOfBirth      string                    `json:"date_of_birth,omitempty"`
	Phone            string                    `json:"phone,omitempty"`
	Email            string                    `json:"email,omitempty"`
	Setting          string                    `json:"setting"`
	House            *placeBody                `json:"house,omitempty"`
	DayRelease       *dayReleaseBody           `json:"day_release,omitempty"`
	Release          *releaseBody              `json:"release,omitempty"`
	Languages        []languageBody            `json:"languages"`
	ExcludedSectors  []string                  `json:"excluded_sectors"`
	Preferences      preferencesBody           `json:"preferences"`
	Skills           []attestationResponse     `json:"skills"`
	Attestations     []attestationResponse     `json:"attestations"`
	ProgrammeRecords []programmeRecordResponse `json:"programme_records"`
	Certificates     []certificateResponse     `json:"certificates"`
	Consent          consentResponse           `json:"consent"`
	Statement        *statementResponse        `json:"statement,omitempty"`
}

func toCandidateResponse(c domain.Candidate) candidateResponse {
	id, pr := c.Identity, c.Profile
	out := candidateResponse{
		ID: c.ID, Alias: c.Alias, Version: c.Version, CreatedAt: c.CreatedAt, UpdatedAt: c.UpdatedAt,
		GivenName: id.GivenName, FamilyName: id.FamilyName, PreferredName: id.PreferredName,
		DateOfBirth: id.DateOfBirth, Phone: id.Phone, Email: id.Email,
		Setting: string(pr.Setting), House: toOptionalPlaceBody(pr.House), DayRelease: toDayReleaseBody(pr.DayRelease),
		Release: toReleaseBody(pr.Release), Languages: toLanguageBodies(pr.Languages),
		ExcludedSectors: nonNil(pr.ExcludedSectors), Preferences: toPreferencesBody(pr.Preferences),
		Skills:           make([]attestationResponse, 0, len(c.Attestations)),
		Attestations:     make([]attestationResponse, 0, len(c.Attestations)),
		ProgrammeRecords: make([]programmeRecordResponse, 0, len(c.ProgrammeRecords)),
		Certificates:     make([]certificateResponse, 0, len(c.Certificates)),
		Consent:          toConsentResponse(c.Consent),
		Statement:        toStatementResponse(c.Statement),
	}
	for _, s := range c.Skills() {
		out.Skills = append(out.Skills, toAttestationResponse(s.Attestation))
	}
	for _, a := range c.Attestations {
		out.Attestations = append(out.Attestations, toAttestationResponse(a))
	}
	for _, r := range c.ProgrammeRecords {
		out.ProgrammeRecords = append(out.ProgrammeRecords, toProgrammeRecordResponse(r))
	}
	for _, ct := range c.Certificates {
		out.Certificates = append(out.Certificates, toCertificateResponse(ct))
	}
	return out
}

// candidateSummary is a candidate in a listing: enough to find the person,
// not the full record, so a listing is not an audited read.
type candidateSummary struct {
	ID              string    `json:"id"`
	Alias           string    `json:"alias"`
	DisplayName     string    `json:"display_name"`
	Setting         string    `json:"setting"`
	Programmes      []string  `json:"programmes"`
	SkillsCount     int       `json:"skills_count"`
	ConsentMatching bool      `json:"consent_matching"`
	Version         int64     `json:"version"`
	UpdatedAt       time.Time `json:"updated_at"`
}

func toCandidateSummary(c domain.Candidate) candidateSummary {
	return candidateSummary{
		ID: c.ID, Alias: c.Alias, DisplayName: c.Identity.DisplayName(), Setting: string(c.Profile.Setting),
		Programmes: nonNil(c.ProgrammeIDs()), SkillsCount: len(c.Skills()), ConsentMatching: c.Consent.Matching,
		Version: c.Version, UpdatedAt: c.UpdatedAt,
	}
}

type programmeRecordResponse struct {
	ID         string    `json:"id"`
	Programme  string    `json:"programme"`
	From       string    `json:"from"`
	To         string    `json:"to,omitempty"`
	Hours      int       `json:"hours"`
	RecordedBy string    `json:"recorded_by"`
	RecordedAt time.Time `json:"recorded_at"`
	// CandidateVersion is the candidate's version after an addition or a
	// correction; it is left out inside a whole candidate.
	CandidateVersion int64 `json:"candidate_version,omitempty"`
}

func toProgrammeRecordResponse(r domain.ProgrammeRecord) programmeRecordResponse {
	return programmeRecordResponse{
		ID: r.ID, Programme: r.ProgrammeID, From: r.From, To: r.To, Hours: r.Hours,
		RecordedBy: r.RecordedBy, RecordedAt: r.RecordedAt,
	}
}

type certificateResponse struct {
	ID         string    `json:"id"`
	Name       string    `json:"name"`
	Issuer     string    `json:"issuer"`
	Date       string    `json:"date"`
	RecordedBy string    `json:"recorded_by"`
	RecordedAt time.Time `json:"recorded_at"`
	// CandidateVersion is as in programmeRecordResponse.
	CandidateVersion int64 `json:"candidate_version,omitempty"`
}

func toCertificateResponse(ct domain.Certificate) certificateResponse {
	return certificateResponse{
		ID: ct.ID, Name: ct.Name, Issuer: ct.Issuer, Date: ct.Date, RecordedBy: ct.RecordedBy, RecordedAt: ct.RecordedAt,
	}
}

// consentResponse is the consent record; recorded_at is null until staff
// first record consent.
type consentResponse struct {
	Matching    bool   `json:"matching"`
	TextVersion string `json:"text_version"`
	// TextCurrent says whether text_version is the current consent text,
	// so a page can offer to go through the current one again.
	TextCurrent bool   `json:"text_current"`
	RecordedBy  string `json:"recorded_by"`
	// RecordedByCandidate says the candidate recorded it themself.
	RecordedByCandidate bool       `json:"recorded_by_candidate"`
	RecordedAt          *time.Time `json:"recorded_at"`
}

func toConsentResponse(c domain.Consent) consentResponse {
	out := consentResponse{
		Matching: c.Matching, TextVersion: c.TextVersion, TextCurrent: c.TextVersion == domain.CurrentConsentText, RecordedBy: c.RecordedBy,
		RecordedByCandidate: c.ByCandidate,
	}
	if !c.RecordedAt.IsZero() {
		at := c.RecordedAt
		out.RecordedAt = &at
	}
	return out
}
