package httpx

import (
	"strconv"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/mongox"
)

// PageRequest reads a list endpoint's "cursor" and "limit" query
// parameters. A limit outside 1..maxLimit or a cursor this API did not
// issue is an errs.InvalidArgument naming the parameter; no limit means
// the store's default.
func PageRequest(c *fiber.Ctx, maxLimit int) (mongox.PageRequest, error) {
	pg := mongox.PageRequest{Cursor: c.Query("cursor")}
	if l := c.Query("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > maxLimit {
			return pg, errs.Invalid("limit", "must be a whole number from 1 to %d", maxLimit)
		}
		pg.Limit = n
	}
	if pg.Cursor != "" {
		if _, err := mongox.DecodeCursor(pg.Cursor); err != nil {
			return pg, err
		}
	}
	return pg, nil
}

// Page is one page of a list answer: its items and the cursor of the
// next page, absent on the last.
type Page[T any] struct {
	Items      []T    `json:"items"`
	NextCursor string `json:"next_cursor,omitempty"`
}

// ToPage converts a page of domain values with convert; the items are
// never null in JSON.
func ToPage[D, T any](list []D, next string, convert func(D) T) Page[T] {
	out := Page[T]{Items: make([]T, 0, len(list)), NextCursor: next}
	for _, d := range list {
		out.Items = append(out.Items, convert(d))
	}
	return out
}
