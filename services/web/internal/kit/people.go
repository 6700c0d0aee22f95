package kit

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// ColleagueName names a user of the signed-in user's own organisation,
// for "attested by", "recorded by" and a programme's supervisors. Anyone
// else, or an account that cannot be read, stays unnamed (""): the
// gateway shows only colleagues.
func (k *Kit) ColleagueName(c *fiber.Ctx, id string) string {
	resp, err := k.API.GetUserWithResponse(Ctx(c), id)
	switch {
	case err == nil:
		return resp.JSON200.Name
	case !errors.Is(err, errs.NotFound) && !errors.Is(err, errs.Forbidden):
		k.LogFailure(c, "name a colleague", err)
	}
	return ""
}

// LogFailure records a failed call to the API that a page works around,
// with the request id, the route and the cause only: never what the user
// typed.
func (k *Kit) LogFailure(c *fiber.Ctx, what string, err error) {
	k.Logger.WarnContext(c.UserContext(), "api call failed",
		"request_id", httpx.RequestID(c), "route", c.Route().Path, "call", what, "error", err.Error())
}
