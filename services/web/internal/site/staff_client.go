package site

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// The JSON the candidates service speaks (see its API contract), as far
// as the staff pages need it. Answers carry more than these types hold;
// unknown fields are ignored when decoding.

// placeRef names a gazetteer place in a request.
type placeRef struct {
	PlaceID string `json:"place_id"`
}

// namedPlace is a gazetteer place in an answer, with its name.
type namedPlace struct {
	PlaceID string `json:"place_id"`
	Name    string `json:"name"`
}

// programme is a work programme as the service answers it.
type programme struct {
	ID          string     `json:"id"`
	Name        string     `json:"name"`
	Kind        string     `json:"kind"`
	Site        namedPlace `json:"site"`
	Skills      []string   `json:"skills"`
	Supervisors []string   `json:"supervisors"`
	Version     int        `json:"version"`
}

// programmeInput is what the programme form sends.
type programmeInput struct {
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Site        placeRef `json:"site"`
	Skills      []string `json:"skills"`
	Supervisors []string `json:"supervisors,omitempty"`
}

type programmePage struct {
	Items      []programme `json:"items"`
	NextCursor string      `json:"next_cursor"`
}

// dayRelease is when a housed candidate may work outside.
type dayRelease struct {
	EligibleFrom string   `json:"eligible_from"`
	Days         []string `json:"days"`
	Start        string   `json:"start"`
	End          string   `json:"end"`
	MaxCommuteKm int      `json:"max_commute_km"`
}

// returnRegion is where a candidate returns to after release.
type returnRegion struct {
	PlaceID  string `json:"place_id"`
	Name     string `json:"name,omitempty"`
	RadiusKm int    `json:"radius_km"`
}

type releasePlan struct {
	ExpectedDate string        `json:"expected_date,omitempty"`
	ReturnRegion *returnRegion `json:"return_region,omitempty"`
}

type candidateLanguage struct {
	Code  string `json:"code"`
	Level string `json:"level"`
}

type candidatePreferences struct {
	Sectors      []string `json:"sectors"`
	HoursPerWeek int      `json:"hours_per_week"`
	Contracts    []string `json:"contracts"`
}

// candidateInput is what the register wizard and the edit page send.
// Lists are always sent, so an edit can empty them.
type candidateInput struct {
	GivenName       string               `json:"given_name"`
	FamilyName      string               `json:"family_name"`
	PreferredName   string               `json:"preferred_name,omitempty"`
	DateOfBirth     string               `json:"date_of_birth,omitempty"`
	Phone           string               `json:"phone,omitempty"`
	Email           string               `json:"email,omitempty"`
	Setting         string               `json:"setting"`
	House           *placeRef            `json:"house,omitempty"`
	DayRelease      *dayRelease          `json:"day_release,omitempty"`
	Release         *releasePlan         `json:"release,omitempty"`
	Languages       []candidateLanguage  `json:"languages"`
	ExcludedSectors []string             `json:"excluded_sectors"`
	Preferences     candidatePreferences `json:"preferences"`
}

// clearable are the optional fields a PATCH clears with null.
var clearable = []string{"preferred_name", "date_of_birth", "phone", "email", "house", "day_release", "release"}

// patch is the edit page's PATCH body: every field, null for an optional
// one left empty (a missing field would keep its old value), and the
// version the form was loaded at.
func (in candidateInput) patch(version int) (map[string]any, error) {
	buf, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	body := map[string]any{}
	if err := json.Unmarshal(buf, &body); err != nil {
		return nil, err
	}
	for _, k := range clearable {
		if _, ok := body[k]; !ok {
			body[k] = nil
		}
	}
	body["version"] = version
	return body, nil
}

// candidateSummary is one line of the candidate list.
type candidateSummary struct {
	ID              string   `json:"id"`
	Alias           string   `json:"alias"`
	DisplayName     string   `json:"display_name"`
	Setting         string   `json:"setting"`
	Programmes      []string `json:"programmes"`
	SkillsCount     int      `json:"skills_count"`
	ConsentMatching bool     `json:"consent_matching"`
}

type candidatePage struct {
	Items      []candidateSummary `json:"items"`
	NextCursor string             `json:"next_cursor"`
}

// attestation is a supervisor's signed statement of one skill.
type attestation struct {
	ID         string `json:"id"`
	Skill      string `json:"skill"`
	Level      int    `json:"level"`
	Hours      int    `json:"hours"`
	Programme  string `json:"programme"`
	Date       string `json:"date"`
	Evidence   string `json:"evidence"`
	AttestedBy string `json:"attested_by"`
	AttestedAt string `json:"attested_at"`
	Signature  string `json:"signature"`
	// Revoked attestations stay in the record as history and count for
	// nothing; Revocation says when and why.
	Revoked    bool            `json:"revoked"`
	Revocation *api.Revocation `json:"revocation"`
}

type programmeRecord struct {
	ID         string `json:"id,omitempty"`
	Programme  string `json:"programme"`
	From       string `json:"from"`
	To         string `json:"to,omitempty"`
	Hours      int    `json:"hours"`
	RecordedBy string `json:"recorded_by,omitempty"`
	RecordedAt string `json:"recorded_at,omitempty"`
}

type certificate struct {
	ID         string `json:"id"`
	Name       string `json:"name"`
	Issuer     string `json:"issuer"`
	Date       string `json:"date"`
	RecordedBy string `json:"recorded_by"`
}

type consentState struct {
	Matching    bool   `json:"matching"`
	TextVersion string `json:"text_version"`
	RecordedBy  string `json:"recorded_by"`
	RecordedAt  string `json:"recorded_at"`
	// TextCurrent says whether TextVersion is the current consent text.
	TextCurrent *bool `json:"text_current"`
}

// candidate is a candidate as the service answers it to their own
// organisation's staff: identity, profile and portfolio.
type candidate struct {
	ID              string               `json:"id"`
	Alias           string               `json:"alias"`
	Version         int                  `json:"version"`
	GivenName       string               `json:"given_name"`
	FamilyName      string               `json:"family_name"`
	PreferredName   string               `json:"preferred_name"`
	DateOfBirth     string               `json:"date_of_birth"`
	Phone           string               `json:"phone"`
	Email           string               `json:"email"`
	Setting         string               `json:"setting"`
	House           *namedPlace          `json:"house"`
	DayRelease      *dayRelease          `json:"day_release"`
	Release         *releasePlan         `json:"release"`
	Languages       []candidateLanguage  `json:"languages"`
	ExcludedSectors []string             `json:"excluded_sectors"`
	Preferences     candidatePreferences `json:"preferences"`
	Skills          []attestation        `json:"skills"`
	Attestations    []attestation        `json:"attestations"`
	Records         []programmeRecord    `json:"programme_records"`
	Certificates    []certificate        `json:"certificates"`
	Consent         consentState         `json:"consent"`
}

// skillAttestationInput attests one skill.
type skillAttestationInput struct {
	Skill     string `json:"skill"`
	Level     int    `json:"level"`
	Hours     int    `json:"hours"`
	Programme string `json:"programme"`
	Evidence  string `json:"evidence,omitempty"`
	Date      string `json:"date,omitempty"`
}

// consentInput records the candidate's consent to matching.
type consentInput struct {
	Matching    bool   `json:"matching"`
	TextVersion string `json:"text_version"`
}

// verification is the verify endpoint's answer about one attestation.
type verification struct {
	ID     string `json:"id"`
	Intact bool   `json:"intact"`
	Skill  string `json:"skill"`
	Level  int    `json:"level"`
	Hours  int    `json:"hours"`
	Date   string `json:"date"`
	// Revoked and Revocation say the organisation withdrew it.
	Revoked    bool                `json:"revoked"`
	Revocation *verifiedRevocation `json:"revocation"`
}

// verifiedRevocation is what the verify endpoint says about a revocation;
// the note and who revoked come only to the attesting organisation.
type verifiedRevocation struct {
	Intact    bool                 `json:"intact"`
	KeyID     string               `json:"key_id"`
	Note      *string              `json:"note,omitempty"`
	Reason    api.RevocationReason `json:"reason"`
	RevokedAt time.Time            `json:"revoked_at"`
	RevokedBy *string              `json:"revoked_by,omitempty"`
}

func withQuery(path string, q url.Values) string {
	if enc := q.Encode(); enc != "" {
		return path + "?" + enc
	}
	return path
}

func (k *candidatesClient) listProgrammes(ctx context.Context, token string, q url.Values) (programmePage, error) {
	var p programmePage
	err := k.call(ctx, token, http.MethodGet, withQuery("/api/v1/programmes", q), nil, &p)
	return p, err
}

func (k *candidatesClient) getProgramme(ctx context.Context, token, id string) (programme, error) {
	var p programme
	err := k.call(ctx, token, http.MethodGet, "/api/v1/programmes/"+url.PathEscape(id), nil, &p)
	return p, err
}

func (k *candidatesClient) createProgramme(ctx context.Context, token string, in programmeInput) (programme, error) {
	var p programme
	err := k.call(ctx, token, http.MethodPost, "/api/v1/programmes", in, &p)
	return p, err
}

func (k *candidatesClient) listCandidates(ctx context.Context, token string, q url.Values) (candidatePage, error) {
	var p candidatePage
	err := k.call(ctx, token, http.MethodGet, withQuery("/api/v1/candidates", q), nil, &p)
	return p, err
}

func (k *candidatesClient) getCandidate(ctx context.Context, token, id string) (candidate, error) {
	var out candidate
	err := k.call(ctx, token, http.MethodGet, candidatePath(id), nil, &out)
	return out, err
}

func (k *candidatesClient) createCandidate(ctx context.Context, token string, in candidateInput) (candidate, error) {
	var out candidate
	err := k.call(ctx, token, http.MethodPost, "/api/v1/candidates", in, &out)
	return out, err
}

func (k *candidatesClient) updateCandidate(ctx context.Context, token, id string, body map[string]any) (candidate, error) {
	var out candidate
	err := k.call(ctx, token, http.MethodPatch, candidatePath(id), body, &out)
	return out, err
}

func (k *candidatesClient) addProgrammeRecord(ctx context.Context, token, id string, in programmeRecord) error {
	return k.call(ctx, token, http.MethodPost, candidatePath(id)+"/programme-records", in, nil)
}

func (k *candidatesClient) attestSkill(ctx context.Context, token, id string, in skillAttestationInput) error {
	return k.call(ctx, token, http.MethodPost, candidatePath(id)+"/skills", in, nil)
}

func (k *candidatesClient) addCertificate(ctx context.Context, token, id string, in certificateInput) error {
	return k.call(ctx, token, http.MethodPost, candidatePath(id)+"/certificates", in, nil)
}

func (k *candidatesClient) setConsent(ctx context.Context, token, id string, in consentInput) error {
	return k.call(ctx, token, http.MethodPut, candidatePath(id)+"/consent", in, nil)
}

func (k *candidatesClient) verifyAttestation(ctx context.Context, token, id string) (verification, error) {
	var out verification
	err := k.call(ctx, token, http.MethodGet, "/api/v1/attestations/"+url.PathEscape(id)+"/verify", nil, &out)
	return out, err
}

func candidatePath(id string) string { return "/api/v1/candidates/" + url.PathEscape(id) }
