package http

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// Result paging: the stored lists hold at most 100 entries, so a page
// never needs more.
const (
	defaultResultLimit = 20
	maxResultLimit     = 100
	maxWeeks           = 104
	maxCountRoles      = 100
)

// pageQuery is a validated limit and cursor.
type pageQuery struct {
	Limit  int
	Cursor *cursor
}

// shortlistQuery adds the shortlist's filters; nil means "no filter".
type shortlistQuery struct {
	pageQuery
	FullOnly   bool
	DayRelease *bool
	Weeks      int // 0 when absent
}

// cursor is a position in a ranked list: the last entry shown, by rank
// and id (a candidate_ref or a role id), so paging survives a rewrite of
// the list between two pages.
type cursor struct {
	Full  bool
	Score int
	ID    string
}

func parsePageQuery(c *fiber.Ctx) (pageQuery, error) {
	var fields []errs.FieldError
	q := pageQuery{Limit: defaultResultLimit}
	if raw := c.Query("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > maxResultLimit {
			fields = append(fields, errs.FieldError{Field: "limit", Message: fmt.Sprintf("must be a whole number from 1 to %d", maxResultLimit)})
		}
		q.Limit = n
	}
	if raw := c.Query("cursor"); raw != "" {
		cur, err := decodeCursor(raw)
		if err != nil {
			fields = append(fields, errs.FieldError{Field: "cursor", Message: "is not a cursor this API issued"})
		}
		q.Cursor = cur
	}
	if len(fields) > 0 {
		return pageQuery{}, &errs.ValidationError{Fields: fields}
	}
	return q, nil
}

func parseShortlistQuery(c *fiber.Ctx) (shortlistQuery, error) {
	var fields []errs.FieldError
	page, err := parsePageQuery(c)
	var ve *errs.ValidationError
	if errors.As(err, &ve) {
		fields = append(fields, ve.Fields...)
	}
	q := shortlistQuery{pageQuery: page}
	if b, ok, err := parseBool(c.Query("full_only")); err != nil {
		fields = append(fields, errs.FieldError{Field: "full_only", Message: err.Error()})
	} else if ok {
		q.FullOnly = b
	}
	if b, ok, err := parseBool(c.Query("day_release")); err != nil {
		fields = append(fields, errs.FieldError{Field: "day_release", Message: err.Error()})
	} else if ok {
		q.DayRelease = &b
	}
	if raw := c.Query("available_within_weeks"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n < 1 || n > maxWeeks {
			fields = append(fields, errs.FieldError{Field: "available_within_weeks", Message: fmt.Sprintf("must be a whole number of weeks from 1 to %d", maxWeeks)})
		}
		q.Weeks = n
	}
	if len(fields) > 0 {
		return shortlistQuery{}, &errs.ValidationError{Fields: fields}
	}
	return q, nil
}

// parseBool accepts true, false, 1 and 0; ok is false when raw is empty.
func parseBool(raw string) (value, ok bool, err error) {
	switch raw {
	case "":
		return false, false, nil
	case "true", "1":
		return true, true, nil
	case "false", "0":
		return false, true, nil
	}
	return false, false, fmt.Errorf("must be true or false")
}

// parseRoleIDs reads the repeated role parameter.
func parseRoleIDs(c *fiber.Ctx) ([]string, error) {
	raw := c.Context().QueryArgs().PeekMulti("role")
	if len(raw) > maxCountRoles {
		return nil, errs.Invalid("role", "names at most %d roles", maxCountRoles)
	}
	seen := map[string]bool{}
	out := make([]string, 0, len(raw))
	for _, r := range raw {
		id := strings.TrimSpace(string(r))
		if id == "" || len(id) > 100 {
			return nil, errs.Invalid("role", "must be role ids")
		}
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out, nil
}

// encodeCursor names the position after an entry.
func encodeCursor(full bool, score int, id string) string {
	m := "n"
	if full {
		m = "f"
	}
	return base64.RawURLEncoding.EncodeToString([]byte("1|" + m + "|" + strconv.Itoa(score) + "|" + id))
}

func decodeCursor(raw string) (*cursor, error) {
	b, err := base64.RawURLEncoding.DecodeString(raw)
	if err != nil {
		return nil, err
	}
	parts := strings.SplitN(string(b), "|", 4)
	if len(parts) != 4 || parts[0] != "1" || (parts[1] != "f" && parts[1] != "n") || parts[3] == "" {
		return nil, fmt.Errorf("malformed cursor")
	}
	score, err := strconv.Atoi(parts[2])
	if err != nil {
		return nil, err
	}
	return &cursor{Full: parts[1] == "f", Score: score, ID: parts[3]}, nil
}

// startAfter returns where the page after cur begins in a ranked list:
// just after the entry cur names, or, when that entry has left the list,
// at the first entry that does not rank before cur's place.
func startAfter(cur *cursor, n int, at func(i int) (full bool, score int, id string)) int {
	if cur == nil {
		return 0
	}
	for i := range n {
		if _, _, id := at(i); id == cur.ID {
			return i + 1
		}
	}
	for i := range n {
		full, score, _ := at(i)
		if full != cur.Full {
			if !full {
				return i
			}
			continue
		}
		if score <= cur.Score {
			return i
		}
	}
	return n
}
