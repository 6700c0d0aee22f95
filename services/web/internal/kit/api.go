package kit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// apiTimeout bounds every call to the gateway. Sign-in hashes a password
// (argon2id), so it may take a moment on a busy machine.
const apiTimeout = 10 * time.Second

// streamTimeout bounds a streamed answer, body included: a candidate's
// whole export.
const streamTimeout = 60 * time.Second

// maxProblemBody caps what is read of a refusal.
const maxProblemBody = 64 << 10

// Problem is a 400 or 409 answer the user can act on: field errors to show
// next to their fields, or a conflict (a stale version or an illegal status
// change). A 422 counts as a 400. It is read from the answer as the
// contract's broadest problem, api.TransitionProblem (problemOf).
type Problem struct {
	Status        int
	Title, Detail string
	Errors        []errs.FieldError
	// Allowed are the statuses a role may move to, when the service names
	// them with an illegal transition.
	Allowed []string
	// Type names the kind of problem, such as
	// "/problems/reopen-window-passed"; ReopenEnded goes with that type.
	Type        string
	ReopenEnded *time.Time
	// Limit and RadiusKm go with "/problems/role-cap-reached": the most
	// open roles of one occupation per area, and the area's radius.
	Limit    int
	RadiusKm float64
}

// problemOf converts the answer's problem into the pages' Problem.
func problemOf(status int, in api.TransitionProblem) *Problem {
	p := &Problem{Status: status, Title: in.Title, Type: in.Type, ReopenEnded: in.ReopenEnded, Limit: Deref(in.Limit)}
	if in.RadiusKm != nil {
		p.RadiusKm = float64(*in.RadiusKm)
	}
	if in.Detail != nil {
		p.Detail = *in.Detail
	}
	if in.Allowed != nil {
		p.Allowed = *in.Allowed
	}
	if in.Errors != nil {
		for _, fe := range *in.Errors {
			p.Errors = append(p.Errors, errs.FieldError{Field: fe.Field, Message: fe.Message})
		}
	}
	return p
}

func (p *Problem) Error() string { return fmt.Sprintf("the API answered %d: %s", p.Status, p.Title) }

// Is makes a conflict an errs.Conflict and a refusal an
// errs.InvalidArgument, for callers that do not need the details.
func (p *Problem) Is(target error) bool {
	return (p.Status == http.StatusConflict && target == errs.Conflict) ||
		(p.Status == http.StatusBadRequest && target == errs.InvalidArgument)
}

// callerKey carries the signed-in user's access token and the browser's
// address in a request's context, for the API client.
type callerKey struct{}

type caller struct{ token, clientIP string }

// Ctx is the context for calls to the API on behalf of the request's user:
// with their access token (once RequireSession has passed) and their
// address, which the gateway, trusting this server as a proxy, counts for
// its sign-in throttle.
func Ctx(c *fiber.Ctx) context.Context {
	return context.WithValue(c.UserContext(), callerKey{}, caller{token: AccessToken(c), clientIP: c.IP()})
}

// withToken is ctx calling with token instead, for the session store,
// which renews tokens before the request has one.
func withToken(ctx context.Context, token string) context.Context {
	return context.WithValue(ctx, callerKey{}, caller{token: token})
}

// apiDoer sends the generated client's requests with the caller's
// credentials and turns every answer but a 2xx into the platform's error
// categories, so a page handles a refusal like any other error: a
// generated call that returns no error has a 2xx answer. Its errors never
// carry the request's address or body, which may hold personal data, an
// invitation token or what the user typed.
type apiDoer struct{ http *http.Client }

// Do is api.HttpRequestDoer's one method.
func (d apiDoer) Do(req *http.Request) (*http.Response, error) {
	if who, ok := req.Context().Value(callerKey{}).(caller); ok {
		if who.token != "" {
			req.Header.Set("Authorization", "Bearer "+who.token)
		}
		if who.clientIP != "" {
			req.Header.Set("X-Forwarded-For", who.clientIP)
		}
	}
	what := req.Method + " " + route(req.URL.Path)
	resp, err := d.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return nil, fmt.Errorf("%s: gateway unreachable: %w: %w", what, errs.Unavailable, err)
	}
	if resp.StatusCode >= 200 && resp.StatusCode < 300 {
		return resp, nil
	}
	defer resp.Body.Close()
	return nil, refusal(what, resp)
}

// refusal is the error for a non-2xx answer.
func refusal(what string, resp *http.Response) error {
	switch code := resp.StatusCode; {
	case code == http.StatusBadRequest || code == http.StatusUnprocessableEntity || code == http.StatusConflict:
		var in api.TransitionProblem
		_ = json.NewDecoder(io.LimitReader(resp.Body, maxProblemBody)).Decode(&in)
		if code == http.StatusUnprocessableEntity {
			code = http.StatusBadRequest
		}
		return problemOf(code, in)
	case code == http.StatusUnauthorized:
		return fmt.Errorf("%s: %w", what, errs.Unauthenticated)
	case code == http.StatusTooManyRequests:
		seconds, _ := strconv.Atoi(resp.Header.Get(fiber.HeaderRetryAfter))
		return &errs.RateLimitedError{RetryAfter: time.Duration(max(seconds, 1)) * time.Second}
	case code == http.StatusNotFound:
		return fmt.Errorf("%s: %w", what, errs.NotFound)
	case code == http.StatusForbidden:
		var in struct{ Type string }
		_ = json.NewDecoder(io.LimitReader(resp.Body, maxProblemBody)).Decode(&in)
		return fmt.Errorf("%s: %w", what, forbiddenBecause(in.Type))
	case code == http.StatusRequestEntityTooLarge:
		return fmt.Errorf("%s: %w", what, errs.InvalidArgument)
	default:
		return fmt.Errorf("%s answered %d: %w", what, code, errs.Unavailable)
	}
}

// route names an API path for an error message without its ids or
// tokens (any segment with a digit in it): /api/v1/candidates/{id}/consent.
func route(path string) string {
	parts := strings.Split(strings.TrimPrefix(path, "/api/v1/"), "/")
	for i, p := range parts {
		if strings.ContainsAny(p, "0123456789") {
			parts[i] = "{id}"
		}
	}
	return "/api/v1/" + strings.Join(parts, "/")
}

// newAPI builds the generated client for the gateway at base. Raw is the
// plain client, for answers the generated parsers do not read (a
// candidate's export, streamed to the browser).
func newAPI(base string, transport http.RoundTripper) (*api.ClientWithResponses, *api.Client) {
	typed, err := api.NewClientWithResponses(base, api.WithHTTPClient(apiDoer{http: &http.Client{Timeout: apiTimeout, Transport: transport}}))
	if err != nil {
		panic(fmt.Sprintf("kit: gateway address %q: %v", base, err))
	}
	raw, err := api.NewClient(base, api.WithHTTPClient(apiDoer{http: &http.Client{Timeout: streamTimeout, Transport: transport}}))
	if err != nil {
		panic(fmt.Sprintf("kit: gateway address %q: %v", base, err))
	}
	return typed, raw
}

// FieldProblem turns a 400 answer with field errors into the validation
// error the forms show beside their fields; other errors pass unchanged.
func FieldProblem(err error) error {
	var p *Problem
	if errors.As(err, &p) && p.Status == http.StatusBadRequest && len(p.Errors) > 0 {
		return &errs.ValidationError{Fields: p.Errors}
	}
	return err
}
