package owners

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/services/matching/internal/engine"
	"github.com/onward-jobs/onward/services/matching/internal/feed"
)

// Page sizes of the owners' listings: versions pages are capped at 100 by
// the owners, pages of full views at 500. Candidates are streamed instead
// and converted viewBatch at a time.
const (
	VersionsPageSize = 100
	ViewsPageSize    = 500
	viewBatch        = 500
)

// programmeRefreshGap is the least time between two refreshes of the
// programme catalogue caused by an unknown programme id, so a view naming a
// programme that no longer exists cannot make every conversion a request.
const programmeRefreshGap = 2 * time.Second

// Options tune a client. The zero value is usable.
type Options struct {
	// Transport carries the requests under the service token; nil means
	// http.DefaultTransport.
	Transport http.RoundTripper
	// Timeout bounds one call; zero means DefaultTimeout.
	Timeout time.Duration
}

// Programme is a work programme as matching knows it: the kind shown on
// cards and the skills it trains, for naming what a gap could be closed by.
type Programme struct {
	ID     string
	OrgID  string
	Name   string
	Kind   string
	Skills []string
}

// Candidates reaches the candidates service's internal API. It keeps the
// programme catalogue, which converting a view needs for programme kinds.
// It is safe for concurrent use.
type Candidates struct {
	c *client

	mu          sync.Mutex
	programmes  map[string]Programme
	refreshedAt time.Time
}

// NewCandidates returns a client of the candidates service at baseURL,
// calling with service tokens from tokens.
func NewCandidates(baseURL string, tokens auth.TokenSource, o Options) (*Candidates, error) {
	c, err := newClient(baseURL, "candidates", tokens, o.Transport, o.Timeout)
	if err != nil {
		return nil, err
	}
	return &Candidates{c: c, programmes: map[string]Programme{}}, nil
}

// EachVersion calls fn with every candidate's id and version, in no
// particular order, from one stream.
func (c *Candidates) EachVersion(ctx context.Context, fn func(feed.Version) error) error {
	open := func(ctx context.Context, editors ...api.RequestEditorFn) (*http.Response, error) {
		return c.c.streams.ListCandidateVersions(ctx, nil, editors...)
	}
	return stream(ctx, "GET /internal/v1/candidates/versions", open, func(v api.VersionEntry) error {
		return fn(toVersion(v))
	})
}

// Candidate returns a candidate's current view. An erased candidate is an
// error wrapping errs.NotFound. A candidate without consent is returned
// with Consent false.
func (c *Candidates) Candidate(ctx context.Context, id string) (engine.Candidate, error) {
	resp, err := c.c.api.GetMatchingViewWithResponse(ctx, id)
	v, err := ok[api.MatchingView]("GET /internal/v1/candidates/"+id, resp, err)
	if err != nil {
		return engine.Candidate{}, err
	}
	c.learnProgrammes(ctx, []api.MatchingView{*v})
	return toEngineCandidate(*v, c.kindOf)
}

// MatchingConsent returns a candidate's organisation, whether the
// candidate consents to matching and whether they are available, from the candidate's current view,
// without converting the rest: it answers for a candidate the index does
// not hold (no consent, or not fetched yet). An erased candidate is an
// error wrapping errs.NotFound.
func (c *Candidates) MatchingConsent(ctx context.Context, id string) (orgID string, consent, available bool, err error) {
	resp, err := c.c.api.GetMatchingViewWithResponse(ctx, id)
	v, err := ok[api.MatchingView]("GET /internal/v1/candidates/"+id, resp, err)
	if err != nil {
		return "", false, false, err
	}
	return v.OrgID, v.Consent.Matching, v.Available == nil || *v.Available, nil
}

// EachView calls fn with every candidate, in no particular order, from one
// stream of views. Views are converted a batch at a time, so the programme
// catalogue is refreshed at most once per batch.
func (c *Candidates) EachView(ctx context.Context, fn func(engine.Candidate) error) error {
	batch := make([]api.MatchingView, 0, viewBatch)
	flush := func() error {
		c.learnProgrammes(ctx, batch)
		for _, v := range batch {
			cand, err := toEngineCandidate(v, c.kindOf)
			if err != nil {
				return err
			}
			if err := fn(cand); err != nil {
				return err
			}
		}
		batch = batch[:0]
		return nil
	}
	open := func(ctx context.Context, editors ...api.RequestEditorFn) (*http.Response, error) {
		return c.c.streams.ListMatchingViews(ctx, nil, editors...)
	}
	err := stream(ctx, "GET /internal/v1/candidates/views", open, func(v api.MatchingView) error {
		if batch = append(batch, v); len(batch) == viewBatch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return err
	}
	return flush()
}

// Programmes fetches every programme on the platform and refreshes the
// catalogue with them.
func (c *Candidates) Programmes(ctx context.Context) ([]Programme, error) {
	var all []Programme
	cursor := ""
	for {
		after, limit := pageParams(cursor, VersionsPageSize)
		resp, err := c.c.api.ListAllProgrammesWithResponse(ctx, &api.ListAllProgrammesParams{Cursor: after, Limit: limit})
		p, err := ok[api.InternalProgrammePage]("GET /internal/v1/programmes", resp, err)
		if err != nil {
			return nil, err
		}
		for _, b := range p.Items {
			all = append(all, toProgramme(b))
		}
		if cursor = nextCursor(p.NextCursor); cursor == "" {
			break
		}
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	c.programmes = make(map[string]Programme, len(all))
	for _, p := range all {
		c.programmes[p.ID] = p
	}
	c.refreshedAt = time.Now()
	return all, nil
}

// learnProgrammes refreshes the catalogue when a view names a programme it
// does not know, at most once per programmeRefreshGap. A failed refresh
// only leaves that programme's kind off the card until the next one.
func (c *Candidates) learnProgrammes(ctx context.Context, views []api.MatchingView) {
	c.mu.Lock()
	unknown := false
	for _, v := range views {
		for _, id := range programmeIDs(v) {
			if _, ok := c.programmes[id]; !ok {
				unknown = true
			}
		}
	}
	due := unknown && time.Since(c.refreshedAt) >= programmeRefreshGap
	if due {
		c.refreshedAt = time.Now() // Claims the refresh for this caller.
	}
	c.mu.Unlock()
	if due {
		if _, err := c.Programmes(ctx); err != nil && !errors.Is(err, context.Canceled) {
			return
		}
	}
}

func (c *Candidates) kindOf(programmeID string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.programmes[programmeID].Kind
}

func programmeIDs(v api.MatchingView) []string {
	var ids []string
	for _, s := range v.Skills {
		ids = append(ids, s.Programme)
	}
	for _, r := range v.ProgrammeRecords {
		ids = append(ids, r.Programme)
	}
	return ids
}

func toProgramme(b api.InternalProgramme) Programme {
	return Programme{ID: b.ID, OrgID: b.OrgID, Name: b.Name, Kind: string(b.Kind), Skills: b.Skills}
}

// Candidates implements the feed's port.
var _ feed.CandidateSource = (*Candidates)(nil)
