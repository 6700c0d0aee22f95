package httpx

import (
	"context"
	"regexp"

	"github.com/gofiber/fiber/v2"
	"github.com/google/uuid"
)

// HeaderRequestID carries the request id in both directions.
const HeaderRequestID = "X-Request-ID"

type requestIDKey struct{}

// validRequestID accepts only short, harmless ids from callers, so a client
// cannot inject text into our logs through the header.
var validRequestID = regexp.MustCompile(`^[A-Za-z0-9._-]{8,64}$`)

// requestIDMiddleware reuses a well-formed incoming X-Request-ID (so the
// gateway's id follows a request into the services) or makes a new one, and
// puts it in the response, Fiber's locals and the request context.
func requestIDMiddleware(c *fiber.Ctx) error {
	id := c.Get(HeaderRequestID)
	if !validRequestID.MatchString(id) {
		id = uuid.NewString()
	}
	c.Locals(requestIDKey{}, id)
	c.Set(HeaderRequestID, id)
	c.SetUserContext(context.WithValue(c.UserContext(), requestIDKey{}, id))
	return c.Next()
}

// RequestID returns the current request's id.
func RequestID(c *fiber.Ctx) string {
	id, _ := c.Locals(requestIDKey{}).(string)
	return id
}

// RequestIDFrom returns the request id carried by ctx, or "".
func RequestIDFrom(ctx context.Context) string {
	id, _ := ctx.Value(requestIDKey{}).(string)
	return id
}
