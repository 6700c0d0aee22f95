package site

import (
	"context"
	"net/http"
	"net/url"
	"strconv"

	"github.com/onward-jobs/onward/pkg/api"
)

// The candidates API's corrections: a programme record, a certificate or
// a programme replaced whole, a record or certificate removed, and an
// attestation revoked. Every call names the version last read, so a
// change someone made meanwhile answers 409 instead of being overwritten.

// revocationReasons are the closed list of reasons an attestation is
// revoked for ("CorrectionsReason_<reason>"), in the order the form
// offers them.
var revocationReasons = []api.RevocationReason{
	api.RevocationReasonEnteredInError, api.RevocationReasonWrongCandidate, api.RevocationReasonWrongSkillOrLevel,
	api.RevocationReasonEvidenceInsufficient, api.RevocationReasonOther,
}

// maxRevocationNote is the note's length limit, as the API describes it;
// the form's maxlength says so before the service does.
const maxRevocationNote = 280

func recordPath(candidateID, recordID string) string {
	return candidatePath(candidateID) + "/programme-records/" + url.PathEscape(recordID)
}

func certificatePath(candidateID, certID string) string {
	return candidatePath(candidateID) + "/certificates/" + url.PathEscape(certID)
}

func (k *candidatesClient) updateProgrammeRecord(ctx context.Context, token, id, recordID string, in api.UpdateProgrammeRecordJSONBody) error {
	return k.call(ctx, token, http.MethodPut, recordPath(id, recordID), in, nil)
}

func (k *candidatesClient) removeProgrammeRecord(ctx context.Context, token, id, recordID string, version int) error {
	var out api.Removed
	return k.call(ctx, token, http.MethodDelete, recordPath(id, recordID)+"?version="+strconv.Itoa(version), nil, &out)
}

func (k *candidatesClient) updateCertificate(ctx context.Context, token, id, certID string, in api.UpdateCertificateJSONBody) error {
	return k.call(ctx, token, http.MethodPut, certificatePath(id, certID), in, nil)
}

func (k *candidatesClient) removeCertificate(ctx context.Context, token, id, certID string, version int) error {
	var out api.Removed
	return k.call(ctx, token, http.MethodDelete, certificatePath(id, certID)+"?version="+strconv.Itoa(version), nil, &out)
}

func (k *candidatesClient) updateProgramme(ctx context.Context, token, id string, in api.UpdateProgrammeJSONBody) error {
	return k.call(ctx, token, http.MethodPut, "/api/v1/programmes/"+url.PathEscape(id), in, nil)
}

func (k *candidatesClient) revokeAttestation(ctx context.Context, token, attestationID string, in api.RevokeAttestationJSONBody) error {
	return k.call(ctx, token, http.MethodPost, "/api/v1/attestations/"+url.PathEscape(attestationID)+"/revocation", in, nil)
}

// consentTexts is the list of published consent texts and which is current.
type consentTexts struct {
	Current string            `json:"current"`
	Items   []api.ConsentText `json:"items"`
}

// byVersion returns the text with that version id.
func (t consentTexts) byVersion(version string) (api.ConsentText, bool) {
	for _, it := range t.Items {
		if it.Version == version {
			return it, true
		}
	}
	return api.ConsentText{}, false
}

func (k *candidatesClient) consentTexts(ctx context.Context, token string) (consentTexts, error) {
	var out consentTexts
	err := k.call(ctx, token, http.MethodGet, "/api/v1/consent-texts", nil, &out)
	return out, err
}
