package http

import (
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/report"
)

// The formats of a report.
const (
	formatJSON = "json"
	formatCSV  = "csv"
)

// maxIDLength bounds the ids a query names.
const maxIDLength = 200

// outcomesRequest is a parsed GET /api/v1/insights/outcomes.
type outcomesRequest struct {
	From, To     domain.Month
	GroupBy      domain.Dimension
	Organisation string
	Programme    string
	Format       string
}

// parseOutcomes reads the query of a report request, every invalid field
// named: from and to as months (YYYY-MM, or a date YYYY-MM-DD standing
// for its month), to not before from and at most report.MaxMonths months
// from it; by default to is the current month and from eleven months
// before; group_by one of the report's dimensions; format json or csv.
func parseOutcomes(c *fiber.Ctx, now time.Time) (outcomesRequest, error) {
	r := outcomesRequest{Organisation: c.Query("organisation"), Programme: c.Query("programme"), Format: c.Query("format", formatJSON)}
	var fields []errs.FieldError
	bad := func(field, format string, args ...any) {
		fields = append(fields, errs.FieldError{Field: field, Message: fmt.Sprintf(format, args...)})
	}
	to, toOK := domain.MonthOf(now), true
	if s := c.Query("to"); s != "" {
		if to, toOK = parseMonth(s); !toOK {
			bad("to", "must be a month YYYY-MM or a date YYYY-MM-DD")
		}
	}
	from, fromOK := to-11, toOK
	if s := c.Query("from"); s != "" {
		if from, fromOK = parseMonth(s); !fromOK {
			bad("from", "must be a month YYYY-MM or a date YYYY-MM-DD")
		}
	}
	switch {
	case !toOK || !fromOK:
	case to < from:
		bad("to", "must not be before from")
	case int(to-from)+1 > report.MaxMonths:
		bad("from", "must be at most %d months before to", report.MaxMonths-1)
	}
	r.From, r.To = from, to
	if g := c.Query("group_by"); g != "" {
		if !api.InsightsDimension(g).Valid() {
			bad("group_by", "must be one of organisation, programme, programme_kind, setting, country, region, urban, contract, occupation")
		}
		r.GroupBy = domain.Dimension(g)
	}
	if r.Format != formatJSON && r.Format != formatCSV {
		bad("format", "must be json or csv")
	}
	if len(r.Organisation) > maxIDLength {
		bad("organisation", "must be at most %d characters", maxIDLength)
	}
	if len(r.Programme) > maxIDLength {
		bad("programme", "must be at most %d characters", maxIDLength)
	}
	if len(fields) > 0 {
		return r, &errs.ValidationError{Fields: fields}
	}
	return r, nil
}

// parseMonth reads a month written YYYY-MM, or the month of a date
// written YYYY-MM-DD.
func parseMonth(s string) (domain.Month, bool) {
	for _, layout := range []string{"2006-01", time.DateOnly} {
		if t, err := time.Parse(layout, s); err == nil {
			return domain.MonthOf(t), true
		}
	}
	return 0, false
}
