package site

import (
	"bytes"
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

	"github.com/onward-jobs/onward/pkg/errs"
)

// maxServiceBody caps what is read from one answer of another service.
const maxServiceBody = 1 << 20

// serviceClient calls another Onward service's API on behalf of the
// signed-in user, with the user's own access token, so that service
// decides what the user may see and change. Its errors never carry
// request addresses or bodies, which may hold personal data or what the
// user typed.
type serviceClient struct {
	name string
	base string
	http *http.Client
}

func newServiceClient(name, base string, timeout time.Duration) serviceClient {
	return serviceClient{name: name, base: strings.TrimRight(base, "/"), http: &http.Client{Timeout: timeout}}
}

// apiProblem is a 400 or 409 answer the user can act on: field errors
// to show next to their fields, or a conflict (a stale version or an
// illegal status change).
type apiProblem struct {
	Service string            `json:"-"`
	Status  int               `json:"status"`
	Title   string            `json:"title"`
	Detail  string            `json:"detail"`
	Errors  []errs.FieldError `json:"errors"`
	// Allowed are the statuses a role may move to, when the service names
	// them with an illegal transition.
	Allowed []string `json:"allowed"`
	// Type names the kind of problem, such as
	// "/problems/reopen-window-passed"; ReopenEnded goes with that type.
	Type        string     `json:"type"`
	ReopenEnded *time.Time `json:"reopen_ended"`
}

func (p *apiProblem) Error() string {
	return fmt.Sprintf("%s answered %d: %s", p.Service, p.Status, p.Title)
}

// Is makes a conflict an errs.Conflict and a refusal an
// errs.InvalidArgument, for callers that do not need the details.
func (p *apiProblem) Is(target error) bool {
	return (p.Status == http.StatusConflict && target == errs.Conflict) ||
		(p.Status == http.StatusBadRequest && target == errs.InvalidArgument)
}

// call sends in (if not nil) as JSON and decodes a 2xx answer into out
// (if not nil), turning other statuses into the platform's categories.
func (s serviceClient) call(ctx context.Context, token, method, path string, in, out any) error {
	return s.callAs(ctx, token, "", method, path, in, out)
}

// callAs is call on behalf of the browser at clientIP, which the gateway
// (trusting this server as a proxy) sees as the caller's address: the
// sign-in throttle counts the person's attempts, not the web server's.
func (s serviceClient) callAs(ctx context.Context, token, clientIP, method, path string, in, out any) error {
	var body io.Reader
	if in != nil {
		buf, err := json.Marshal(in)
		if err != nil {
			return fmt.Errorf("%s %s: encode: %w", s.name, method, err)
		}
		body = bytes.NewReader(buf)
	}
	req, err := http.NewRequestWithContext(ctx, method, s.base+path, body)
	if err != nil {
		return fmt.Errorf("%s %s: %w", s.name, method, err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if clientIP != "" {
		req.Header.Set("X-Forwarded-For", clientIP)
	}
	req.Header.Set("Accept", "application/json")
	if in != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := s.http.Do(req)
	if err != nil {
		var ue *url.Error
		if errors.As(err, &ue) {
			err = ue.Err
		}
		return fmt.Errorf("%s unreachable: %w: %w", s.name, errs.Unavailable, err)
	}
	defer resp.Body.Close()
	limited := io.LimitReader(resp.Body, maxServiceBody)
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		if out == nil || resp.StatusCode == http.StatusNoContent {
			return nil
		}
		if err := json.NewDecoder(limited).Decode(out); err != nil {
			return fmt.Errorf("%s: decode answer: %w: %w", s.name, errs.Unavailable, err)
		}
		return nil
	case resp.StatusCode == http.StatusBadRequest || resp.StatusCode == http.StatusUnprocessableEntity || resp.StatusCode == http.StatusConflict:
		p := &apiProblem{Service: s.name}
		_ = json.NewDecoder(limited).Decode(p)
		p.Status = resp.StatusCode
		if p.Status == http.StatusUnprocessableEntity {
			p.Status = http.StatusBadRequest
		}
		return p
	case resp.StatusCode == http.StatusUnauthorized:
		return fmt.Errorf("%s: %w", s.name, errs.Unauthenticated)
	case resp.StatusCode == http.StatusTooManyRequests:
		seconds, _ := strconv.Atoi(resp.Header.Get(fiber.HeaderRetryAfter))
		return &errs.RateLimitedError{RetryAfter: time.Duration(max(seconds, 1)) * time.Second}
	case resp.StatusCode == http.StatusNotFound:
		return fmt.Errorf("%s: %w", s.name, errs.NotFound)
	case resp.StatusCode == http.StatusForbidden:
		return fmt.Errorf("%s: %w", s.name, errs.Forbidden)
	default:
		return fmt.Errorf("%s answered %d: %w", s.name, resp.StatusCode, errs.Unavailable)
	}
}
