package kit

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/pkg/errs"
)

// TestTheAPIClientSortsEveryAnswer checks what a page gets back from a
// generated call for each kind of answer, and that the request carried
// the user's token and address and the error names no id.
func TestTheAPIClientSortsEveryAnswer(t *testing.T) {
	var status int
	var body string
	var seen *http.Request
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		seen = r
		if status == http.StatusTooManyRequests {
			w.Header().Set("Retry-After", "90")
		}
		w.Header().Set("Content-Type", "application/problem+json")
		if status == http.StatusOK {
			w.Header().Set("Content-Type", "application/json")
		}
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	defer srv.Close()
	api, _ := newAPI(srv.URL, nil)
	ctx := context.WithValue(context.Background(), callerKey{}, caller{token: "tok", clientIP: "203.0.113.9"})

	status, body = http.StatusOK, `{"id":"rol_01J9Z","title":"Barista","status":"open"}`
	resp, err := api.GetRoleWithResponse(ctx, "rol_01J9Z")
	if err != nil || resp.JSON200 == nil || resp.JSON200.Title != "Barista" {
		t.Fatalf("a 200 gave %v, %+v", err, resp)
	}
	if seen.Header.Get("Authorization") != "Bearer tok" || seen.Header.Get("X-Forwarded-For") != "203.0.113.9" {
		t.Errorf("the call lacked the user's credentials: %v", seen.Header)
	}

	status, body = http.StatusConflict, `{"status":409,"title":"Changed meanwhile","type":"/problems/reopen-window-passed","allowed":["open"]}`
	_, err = api.GetRoleWithResponse(ctx, "rol_01J9Z")
	var p *Problem
	if !errors.As(err, &p) || !errors.Is(err, errs.Conflict) || p.Type != "/problems/reopen-window-passed" || len(p.Allowed) != 1 {
		t.Errorf("a 409 gave %#v", err)
	}
	status, body = http.StatusUnprocessableEntity, `{"status":422,"title":"Invalid","errors":[{"field":"title","message":"is required"}]}`
	_, err = api.GetRoleWithResponse(ctx, "rol_01J9Z")
	var ve *errs.ValidationError
	if !errors.As(FieldProblem(err), &ve) || ve.Fields[0].Field != "title" || !errors.Is(err, errs.InvalidArgument) {
		t.Errorf("a 422 gave %#v", err)
	}
	status, body = http.StatusTooManyRequests, `{}`
	_, err = api.GetRoleWithResponse(ctx, "rol_01J9Z")
	var rl *errs.RateLimitedError
	if !errors.As(err, &rl) || rl.RetryAfter.Seconds() != 90 {
		t.Errorf("a 429 gave %#v", err)
	}
	for code, want := range map[int]error{404: errs.NotFound, 403: errs.Forbidden, 401: errs.Unauthenticated, 502: errs.Unavailable} {
		status, body = code, `{}`
		_, err = api.GetRoleWithResponse(ctx, "rol_01J9Z")
		if !errors.Is(err, want) {
			t.Errorf("a %d gave %v, want %v", code, err, want)
		}
		if strings.Contains(err.Error(), "rol_01J9Z") || strings.Contains(err.Error(), srv.URL) {
			t.Errorf("the error names the request: %v", err)
		}
	}
	for typ, want := range map[string]error{"/problems/organisation-not-verified": ErrOrganisationNotVerified, "/problems/organisation-suspended": ErrOrganisationSuspended} {
		status, body = http.StatusForbidden, `{"status":403,"title":"Refused","type":"`+typ+`"}`
		_, err = api.GetRoleWithResponse(ctx, "rol_01J9Z")
		if !errors.Is(err, want) || !errors.Is(err, errs.Forbidden) {
			t.Errorf("a 403 of type %s gave %v", typ, err)
		}
	}
	srv.Close()
	if _, err = api.GetRoleWithResponse(ctx, "rol_01J9Z"); !errors.Is(err, errs.Unavailable) || strings.Contains(err.Error(), "rol_01J9Z") {
		t.Errorf("an unreachable gateway gave %v", err)
	}
}
