package portfolio

import (
	"context"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// The purposes the portfolio pages give for reading a candidate record.
// The candidates service writes them to the audit trail.
const (
	purposeCaseWork    = "case_work"
	purposeAttestation = "attestation"
	purposeDataRequest = "data_subject_request"
	purposeSupervision = "supervision"
)

// purposeHeader is the header that names why a record is read.
const purposeHeader = "X-Onward-Purpose"

// candidateView is the part of a candidate record the portfolio pages
// show: who it is and their consent.
type candidateView struct {
	ID, Alias string
	// Name is the name staff call the candidate by.
	Name    string
	Consent consentView
}

// consentView is the candidate's decision on matching.
type consentView struct {
	Matching    bool
	TextVersion string
	RecordedBy  string
	RecordedAt  *time.Time
	// TextCurrent says the service counts TextVersion as the current
	// consent text.
	TextCurrent bool
}

// candidateViewOf converts the API's record for the pages.
func candidateViewOf(c api.Candidate) candidateView {
	first := kit.Deref(c.PreferredName)
	if first == "" {
		first = kit.Deref(c.GivenName)
	}
	return candidateView{
		ID: c.ID, Alias: c.Alias, Name: strings.TrimSpace(first + " " + kit.Deref(c.FamilyName)),
		Consent: consentView{
			Matching: c.Consent.Matching, TextVersion: c.Consent.TextVersion, RecordedBy: c.Consent.RecordedBy,
			RecordedAt: c.Consent.RecordedAt, TextCurrent: c.Consent.TextCurrent,
		},
	}
}

// withPurpose names why a record is read, in the header the candidates
// service audits.
func withPurpose(purpose string) api.RequestEditorFn {
	return func(_ context.Context, req *http.Request) error {
		req.Header.Set(purposeHeader, purpose)
		return nil
	}
}

// loadCandidate reads the candidate a page is about, for its name, alias
// and consent, naming why.
func (p *Pages) loadCandidate(c *fiber.Ctx, id, purpose string) (candidateView, error) {
	resp, err := p.k.API.GetCandidateWithResponse(kit.Ctx(c), id, nil, withPurpose(purpose))
	if err != nil {
		return candidateView{ID: id}, err
	}
	cand := candidateViewOf(*resp.JSON200)
	if cand.ID == "" {
		cand.ID = id
	}
	return cand, nil
}
