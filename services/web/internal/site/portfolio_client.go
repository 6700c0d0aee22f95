package site

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
)

// portfolioExportTimeout bounds a download of a candidate's data, which can be
// longer than an ordinary answer.
const portfolioExportTimeout = 60 * time.Second

// portfolioProgrammePages caps how many pages of programmes the attest form
// reads; an organisation runs a handful.
const portfolioProgrammePages = 5

// The purposes the portfolio pages give for reading a candidate record.
// The candidates service writes them to the audit trail.
const (
	portfolioPurposeCaseWork    = "case_work"
	portfolioPurposeAttestation = "attestation"
	portfolioPurposeDataRequest = "data_subject_request"
	portfolioPurposeSupervision = "supervision"
)

// portfolioClient calls the candidates service for the portfolio pages. It
// names a purpose with every read, which the service audits, and downloads
// exports with a longer time limit.
type portfolioClient struct {
	serviceClient
	download *http.Client
}

func newPortfolioClient(c *candidatesClient) *portfolioClient {
	transport := readPurposeTransport{next: http.DefaultTransport}
	return &portfolioClient{
		serviceClient: serviceClient{name: c.name, base: c.base, http: &http.Client{Timeout: candidatesTimeout, Transport: transport}},
		download:      &http.Client{Timeout: portfolioExportTimeout, Transport: transport},
	}
}

// portfolioPurposeKey carries a read's purpose in a request's context.
type portfolioPurposeKey struct{}

func withReadPurpose(ctx context.Context, purpose string) context.Context {
	return context.WithValue(ctx, portfolioPurposeKey{}, purpose)
}

// readPurposeTransport sends the context's purpose as X-Onward-Purpose, so
// the shared serviceClient needs no header parameter.
type readPurposeTransport struct{ next http.RoundTripper }

func (t readPurposeTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if p, _ := r.Context().Value(portfolioPurposeKey{}).(string); p != "" {
		r = r.Clone(r.Context())
		r.Header.Set("X-Onward-Purpose", p)
	}
	return t.next.RoundTrip(r)
}

// portfolioCandidate is the part of a candidate record the portfolio
// pages show: who it is and their consent.
type portfolioCandidate struct {
	ID            string           `json:"id"`
	Alias         string           `json:"alias"`
	Version       int              `json:"version"`
	GivenName     string           `json:"given_name"`
	FamilyName    string           `json:"family_name"`
	PreferredName string           `json:"preferred_name"`
	Consent       portfolioConsent `json:"consent"`
}

// Name is the name staff call the candidate by.
func (c portfolioCandidate) Name() string {
	first := c.PreferredName
	if first == "" {
		first = c.GivenName
	}
	return strings.TrimSpace(first + " " + c.FamilyName)
}

// portfolioConsent is the candidate's decision on matching.
type portfolioConsent struct {
	Matching    bool       `json:"matching"`
	TextVersion string     `json:"text_version"`
	RecordedBy  string     `json:"recorded_by"`
	RecordedAt  *time.Time `json:"recorded_at"`
	// TextCurrent says whether TextVersion is the current consent text.
	TextCurrent *bool `json:"text_current"`
}

// portfolioProgramme is a work programme of the staff member's organisation.
type portfolioProgramme struct {
	ID          string   `json:"id"`
	Name        string   `json:"name"`
	Kind        string   `json:"kind"`
	Skills      []string `json:"skills"`
	Supervisors []string `json:"supervisors"`
}

// supervisedBy reports whether userID supervises the programme.
func (p portfolioProgramme) supervisedBy(userID string) bool {
	for _, s := range p.Supervisors {
		if s == userID {
			return true
		}
	}
	return false
}

// portfolioAttestation is what the attest form sends.
type portfolioAttestation struct {
	Skill     string `json:"skill"`
	Level     int    `json:"level"`
	Hours     int    `json:"hours"`
	Programme string `json:"programme"`
	Evidence  string `json:"evidence,omitempty"`
	Date      string `json:"date,omitempty"`
}

// auditEntry is one line of a candidate's audit trail. It names fields,
// never their values.
type auditEntry struct {
	ID       string    `json:"id"`
	At       time.Time `json:"at"`
	Actor    string    `json:"actor"`
	ActorOrg string    `json:"actor_org"`
	Action   string    `json:"action"`
	Purpose  string    `json:"purpose"`
	Fields   []string  `json:"fields"`
	Subject  string    `json:"subject"`
}

type auditEntryPage struct {
	Items      []auditEntry `json:"items"`
	NextCursor string       `json:"next_cursor"`
}

func portfolioAPIPath(id string) string { return "/api/v1/candidates/" + url.PathEscape(id) }

func (p *portfolioClient) candidate(ctx context.Context, token, id, purpose string) (portfolioCandidate, error) {
	var c portfolioCandidate
	err := p.call(withReadPurpose(ctx, purpose), token, http.MethodGet, portfolioAPIPath(id), nil, &c)
	return c, err
}

// programmes lists the organisation's programmes, following the cursor
// for a few pages.
func (p *portfolioClient) programmes(ctx context.Context, token string) ([]portfolioProgramme, error) {
	var all []portfolioProgramme
	cursor := ""
	for range portfolioProgrammePages {
		var page struct {
			Items      []portfolioProgramme `json:"items"`
			NextCursor string               `json:"next_cursor"`
		}
		q := url.Values{"limit": {"100"}}
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		if err := p.call(ctx, token, http.MethodGet, "/api/v1/programmes?"+q.Encode(), nil, &page); err != nil {
			return nil, err
		}
		all = append(all, page.Items...)
		if cursor = page.NextCursor; cursor == "" {
			break
		}
	}
	return all, nil
}

func (p *portfolioClient) attest(ctx context.Context, token, id string, in portfolioAttestation) error {
	return p.call(ctx, token, http.MethodPost, portfolioAPIPath(id)+"/skills", in, nil)
}

// setConsent records a decision with the version of the consent text the
// page showed.
func (p *portfolioClient) setConsent(ctx context.Context, token, id string, matching bool, textVersion string) error {
	in := map[string]any{"matching": matching, "text_version": textVersion}
	return p.call(ctx, token, http.MethodPut, portfolioAPIPath(id)+"/consent", in, nil)
}

func (p *portfolioClient) erase(ctx context.Context, token, id string) error {
	return p.call(ctx, token, http.MethodDelete, portfolioAPIPath(id), nil, nil)
}

func (p *portfolioClient) audit(ctx context.Context, token, id, cursor string, limit int) (auditEntryPage, error) {
	var page auditEntryPage
	q := url.Values{"limit": {fmt.Sprint(limit)}}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	err := p.call(ctx, token, http.MethodGet, portfolioAPIPath(id)+"/audit?"+q.Encode(), nil, &page)
	return page, err
}

// openExport asks for a candidate's export. On success the caller streams
// the answer's body and closes it; other statuses become the platform's
// error categories, as serviceClient.call makes them.
func (p *portfolioClient) openExport(ctx context.Context, token, id string) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, p.base+portfolioAPIPath(id)+"/export", nil)
	if err != nil {
		return nil, fmt.Errorf("%s export: %w", p.name, err)
	}
	req.Header.Set("Authorization", "Bearer "+token)
	req.Header.Set("Accept", "application/json")
	resp, err := p.download.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%s unreachable: %w: %w", p.name, errs.Unavailable, err)
	}
	if resp.StatusCode == http.StatusOK {
		return resp, nil
	}
	resp.Body.Close()
	switch resp.StatusCode {
	case http.StatusNotFound:
		return nil, fmt.Errorf("%s export: %w", p.name, errs.NotFound)
	case http.StatusForbidden:
		return nil, fmt.Errorf("%s export: %w", p.name, errs.Forbidden)
	}
	return nil, fmt.Errorf("%s export answered %d: %w", p.name, resp.StatusCode, errs.Unavailable)
}
