package site

import (
	"context"
	"net/http"
	"net/url"
)

// statusChange is what POST /api/v1/roles/{id}/status takes: the status,
// the version the employer saw (0: any), and, when reopening a role whose
// closing date has passed, a new closing date.
type statusChange struct {
	Status      string  `json:"status"`
	Version     int     `json:"version,omitempty"`
	ClosingDate *string `json:"closing_date,omitempty"`
}

// problemReopenWindowPassed is the type of the 409 that refuses to reopen
// a role whose reopen window has ended.
const problemReopenWindowPassed = "/problems/reopen-window-passed"

func (e *employersClient) setRoleStatus(ctx context.Context, token, id string, ch statusChange) (role, error) {
	var r role
	err := e.call(ctx, token, http.MethodPost, "/api/v1/roles/"+url.PathEscape(id)+"/status", ch, &r)
	return r, err
}

// validateRole checks a role draft (id "") or an edit by the rules of
// saving it, and stores nothing: nil, or an *apiProblem listing every
// field error at once.
func (e *employersClient) validateRole(ctx context.Context, token, id string, in roleInput) error {
	path := "/api/v1/roles/validate"
	if id != "" {
		path = "/api/v1/roles/" + url.PathEscape(id) + "/validate"
	}
	return e.call(ctx, token, http.MethodPost, path, in, nil)
}

// sector is a NACE section with its name in the reader's language.
type sector struct {
	Code string `json:"code"`
	Name string `json:"name"`
}

func (e *employersClient) listSectors(ctx context.Context, token, lang string) ([]sector, error) {
	var out struct {
		Items []sector `json:"items"`
	}
	err := e.call(ctx, token, http.MethodGet, "/api/v1/roles/sectors?lang="+url.QueryEscape(lang), nil, &out)
	return out.Items, err
}
