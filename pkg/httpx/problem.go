package httpx

import (
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"strconv"
	"syscall"

	"github.com/gofiber/fiber/v2"
	"github.com/redis/go-redis/v9"
	"go.mongodb.org/mongo-driver/v2/mongo"

	"github.com/onward-jobs/onward/pkg/errs"
)

// ProblemContentType is the media type of every error body (RFC 9457).
const ProblemContentType = "application/problem+json"

// Problem is an RFC 9457 problem details object. Type is a stable URI
// reference a client can switch on; Title is a short human summary.
type Problem struct {
	Type      string            `json:"type"`
	Title     string            `json:"title"`
	Status    int               `json:"status"`
	Detail    string            `json:"detail,omitempty"`
	Instance  string            `json:"instance,omitempty"`
	RequestID string            `json:"request_id,omitempty"`
	Errors    []errs.FieldError `json:"errors,omitempty"`
}

// category maps an error category to its status, problem type and title.
type category struct {
	err    error
	status int
	slug   string
	title  string
}

// categories is the single table from error category to HTTP answer.
var categories = []category{
	{errs.InvalidArgument, http.StatusBadRequest, "invalid-request", "The request is not valid"},
	{errs.Unauthenticated, http.StatusUnauthorized, "unauthenticated", "Authentication is required"},
	{errs.Forbidden, http.StatusForbidden, "forbidden", "You are not allowed to do this"},
	{errs.NotFound, http.StatusNotFound, "not-found", "The resource was not found"},
	{errs.Conflict, http.StatusConflict, "conflict", "The request conflicts with the current state"},
	{errs.TooLarge, http.StatusRequestEntityTooLarge, "too-large", "The request is too large"},
	{errs.Unavailable, http.StatusServiceUnavailable, "unavailable", "A dependency is unavailable"},
}

// ProblemType returns the stable type URI for a slug such as "not-found".
func ProblemType(slug string) string { return "/problems/" + slug }

// NewProblem converts an error into the problem the client should see. A 5xx
// problem never carries the error text, which may hold internals.
func NewProblem(err error) Problem {
	var rl *errs.RateLimitedError
	if errors.As(err, &rl) {
		return Problem{Type: ProblemType("rate-limited"), Title: "Too many requests", Status: http.StatusTooManyRequests, Detail: rl.Error()}
	}
	for _, cat := range categories {
		if errors.Is(err, cat.err) {
			p := Problem{Type: ProblemType(cat.slug), Title: cat.title, Status: cat.status}
			if cat.status < 500 {
				p.Detail = err.Error()
			}
			var ve *errs.ValidationError
			if errors.As(err, &ve) {
				p.Errors = ve.Fields
				p.Detail = "One or more fields are invalid."
			}
			return p
		}
	}
	var fe *fiber.Error
	if errors.As(err, &fe) {
		p := Problem{Type: ProblemType(slugForStatus(fe.Code)), Title: http.StatusText(fe.Code), Status: fe.Code}
		if fe.Code < 500 {
			p.Detail = fe.Message
		}
		return p
	}
	if unreachable(err) {
		return Problem{Type: ProblemType("unavailable"), Title: "A dependency is unavailable", Status: http.StatusServiceUnavailable}
	}
	return Problem{Type: ProblemType("internal"), Title: "Internal server error", Status: http.StatusInternalServerError}
}

// unreachable reports whether err says a dependency (Redis, MongoDB,
// another service) could not be reached or did not answer in time, which
// is a 503 (try again later) whichever code path met it, not a 500: with
// Redis down, sign-in once answered 500.
func unreachable(err error) bool {
	var netErr net.Error
	return errors.As(err, &netErr) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, context.DeadlineExceeded) || errors.Is(err, redis.ErrPoolTimeout) || errors.Is(err, redis.ErrClosed) ||
		mongo.IsNetworkError(err) || mongo.IsTimeout(err) || errors.Is(err, mongo.ErrClientDisconnected)
}

func slugForStatus(status int) string {
	for _, cat := range categories {
		if cat.status == status {
			return cat.slug
		}
	}
	switch status {
	case http.StatusMethodNotAllowed:
		return "method-not-allowed"
	case http.StatusUnsupportedMediaType:
		return "unsupported-media-type"
	case http.StatusRequestHeaderFieldsTooLarge:
		return "headers-too-large"
	case http.StatusTooManyRequests:
		return "rate-limited"
	}
	return "http-" + strconv.Itoa(status)
}

// ErrorHandler is the one Fiber error handler: handlers just return errors
// and this answers problem+json with the right status. Server errors are
// logged with the request id; client errors are not logged as errors.
func ErrorHandler(logger *slog.Logger) fiber.ErrorHandler {
	return func(c *fiber.Ctx, err error) error {
		p := NewProblem(err)
		p.Instance = c.Path()
		p.RequestID = RequestID(c)
		if p.Status >= 500 {
			logger.ErrorContext(c.UserContext(), "request failed",
				"request_id", p.RequestID, "route", routePattern(c), "status", p.Status, "error", err.Error())
		}
		if p.Status == http.StatusUnauthorized {
			c.Set(fiber.HeaderWWWAuthenticate, `Bearer realm="onward"`)
		}
		var rl *errs.RateLimitedError
		if errors.As(err, &rl) {
			c.Set(fiber.HeaderRetryAfter, strconv.Itoa(retrySeconds(rl)))
		}
		c.Set(fiber.HeaderContentType, ProblemContentType)
		return c.Status(p.Status).JSON(p, ProblemContentType)
	}
}

func retrySeconds(rl *errs.RateLimitedError) int {
	s := int(rl.RetryAfter.Seconds() + 0.999)
	if s < 1 {
		s = 1
	}
	return s
}
