package service

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/report"
)

// DefaultReportMaxAge is how long a built report is served again: reports
// of one period within that time are one suppression, consistent with
// each other, and suppressing a platform's report takes tens of
// milliseconds.
const DefaultReportMaxAge = time.Minute

// maxCachedReports and maxCachedKeys bound the reports kept at once, by
// number and by the keys of counts they hold (a report keeps its period's
// day marks, to work out a dimension's medians when a view first asks for
// them; five years of a platform of a million candidates are about four
// million keys). The oldest report goes first.
const (
	maxCachedReports = 64
	maxCachedKeys    = 6_000_000
)

// buildTimeout bounds reading the counts and suppressing one report. The
// build is shared by every request for the period that arrives meanwhile,
// so it does not end when the first of them gives up.
const buildTimeout = 30 * time.Second

// ReportQuery is a request for an outcomes report, already parsed: whole
// months, a dimension of the report or none, and the organisation and
// programme as the caller named them (empty when not named).
type ReportQuery struct {
	From, To     domain.Month
	GroupBy      domain.Dimension
	Organisation string
	Programme    string
}

// OutcomesReport is a report as answered: what the view shows and when
// the counts behind it were read.
type OutcomesReport struct {
	report.Model
	AsOf time.Time
}

// OutcomesDeps are what Outcomes needs. MaxAge zero means
// DefaultReportMaxAge; a negative MaxAge builds every report afresh.
type OutcomesDeps struct {
	Counts    Counts
	Shares    ShareStore
	Directory Directory
	Clock     func() time.Time
	MaxAge    time.Duration
}

// Outcomes answers the outcomes reports: it decides who may read which
// (access.go), and builds each period's report once per MaxAge.
type Outcomes struct {
	counts    Counts
	shares    ShareStore
	directory Directory
	clock     func() time.Time
	maxAge    time.Duration

	mu    sync.Mutex
	cache map[report.Period]*cachedReport
}

// cachedReport is one period's report, built or being built: done closes
// when built, err or asOf are set.
type cachedReport struct {
	done  chan struct{}
	built *report.Suppressed
	asOf  time.Time
	keys  int
	err   error
}

// NewOutcomes returns the reports' use case.
func NewOutcomes(d OutcomesDeps) *Outcomes {
	if d.Clock == nil {
		d.Clock = time.Now
	}
	if d.MaxAge == 0 {
		d.MaxAge = DefaultReportMaxAge
	}
	return &Outcomes{counts: d.Counts, shares: d.Shares, directory: d.Directory, clock: d.Clock,
		maxAge: d.MaxAge, cache: map[report.Period]*cachedReport{}}
}

// Report returns the report p asks for, as q narrows it. A caller who
// may read no report gets errs.Forbidden, one asking for an organisation
// or programme they may not read errs.NotFound, and a query the report
// cannot answer a validation error naming the field.
func (o *Outcomes) Report(ctx context.Context, p auth.Principal, q ReportQuery) (OutcomesReport, error) {
	if err := CanReadReports(p); err != nil {
		return OutcomesReport{}, err
	}
	scope, err := o.scopeOf(ctx, p, q)
	if err != nil {
		return OutcomesReport{}, err
	}
	if err := o.checkView(ctx, scope, q); err != nil {
		return OutcomesReport{}, err
	}
	built, asOf, err := o.suppressed(ctx, report.Period{Scope: scope, From: q.From, To: q.To})
	if err != nil {
		return OutcomesReport{}, err
	}
	m, err := built.Model(report.View{GroupBy: q.GroupBy, Programme: q.Programme})
	if err != nil {
		return OutcomesReport{}, fmt.Errorf("%w: %w", errs.InvalidArgument, err)
	}
	return OutcomesReport{Model: m, AsOf: asOf}, nil
}

// suppressed returns the period's report, built within MaxAge or afresh,
// and when its counts were read. Requests for a period that is being
// built wait for that build rather than start their own.
func (o *Outcomes) suppressed(ctx context.Context, period report.Period) (*report.Suppressed, time.Time, error) {
	if o.maxAge < 0 {
		return o.build(ctx, period)
	}
	o.mu.Lock()
	c, ok := o.cache[period]
	if !ok || (c.settled() && (c.err != nil || o.clock().Sub(c.asOf) >= o.maxAge)) {
		c = &cachedReport{done: make(chan struct{})}
		o.keep(period, c)
		go o.fill(ctx, period, c)
	}
	o.mu.Unlock()
	select {
	case <-c.done:
		return c.built, c.asOf, c.err
	case <-ctx.Done():
		return nil, time.Time{}, fmt.Errorf("wait for the report of %s: %w: %w", period.Scope, errs.Unavailable, ctx.Err())
	}
}

// fill builds a kept report, and forgets it MaxAge later even if nobody
// asks again, so that a large report does not stay in memory.
func (o *Outcomes) fill(ctx context.Context, period report.Period, c *cachedReport) {
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), buildTimeout)
	defer cancel()
	var counts domain.Sheet
	c.built, c.asOf, counts, c.err = o.buildFrom(ctx, period)
	c.keys = counts.Keys()
	close(c.done)
	time.AfterFunc(o.maxAge, func() {
		o.mu.Lock()
		defer o.mu.Unlock()
		if o.cache[period] == c {
			delete(o.cache, period)
		}
	})
}

// keep stores a report being built, first dropping those older than
// MaxAge and then the oldest while the reports kept are more than
// maxCachedReports or hold more than maxCachedKeys keys. It runs under
// o.mu.
func (o *Outcomes) keep(period report.Period, c *cachedReport) {
	now := o.clock()
	for {
		var oldest report.Period
		var oldestAt time.Time
		keys := 0
		for p, e := range o.cache {
			if !e.settled() {
				continue
			}
			if e.err != nil || now.Sub(e.asOf) >= o.maxAge {
				delete(o.cache, p)
				continue
			}
			keys += e.keys
			if oldestAt.IsZero() || e.asOf.Before(oldestAt) {
				oldest, oldestAt = p, e.asOf
			}
		}
		if oldestAt.IsZero() || (len(o.cache) < maxCachedReports && keys <= maxCachedKeys) {
			break
		}
		delete(o.cache, oldest)
	}
	o.cache[period] = c
}

// settled reports whether the build has finished.
func (c *cachedReport) settled() bool {
	select {
	case <-c.done:
		return true
	default:
		return false
	}
}

// build reads the period's counts and suppresses its report.
func (o *Outcomes) build(ctx context.Context, period report.Period) (*report.Suppressed, time.Time, error) {
	built, asOf, _, err := o.buildFrom(ctx, period)
	return built, asOf, err
}

// buildFrom is build, returning the counts read too.
func (o *Outcomes) buildFrom(ctx context.Context, period report.Period) (*report.Suppressed, time.Time, domain.Sheet, error) {
	asOf := o.clock().UTC()
	counts, err := o.counts.ScopeSheet(ctx, period.Scope, period.From, period.To)
	if err != nil {
		return nil, time.Time{}, counts, fmt.Errorf("read the counts of %s: %w", period.Scope, err)
	}
	built, err := report.BuildSheet(period, counts)
	if errors.Is(err, report.ErrBadPeriod) {
		return nil, time.Time{}, counts, fmt.Errorf("%w: %w", errs.InvalidArgument, err)
	}
	if err != nil {
		return nil, time.Time{}, counts, fmt.Errorf("build the report of %s: %w", period.Scope, err)
	}
	return built, asOf, counts, nil
}
