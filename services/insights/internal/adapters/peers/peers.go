package peers

import (
	"context"
	"errors"
	"net/http"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/geo"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// URLs are where the owners answer.
type URLs struct {
	Candidates, Matching, Placements, Employers, Gateway string
}

// Options tune the client; the zero value is usable.
type Options struct {
	// Transport carries the requests under the service token; nil is
	// http.DefaultTransport.
	Transport http.RoundTripper
	// Timeout bounds one call; zero is DefaultTimeout.
	Timeout time.Duration
}

// Client reads the owners' facts. It implements service.Owners and is
// safe for concurrent use.
type Client struct {
	candidates, matching, placements, employers, gateway owner
	programmes                                           *catalogue
	places                                               *geo.Gazetteer
}

var _ service.Owners = (*Client)(nil)

// New returns a client of the owners at urls, calling with tokens.
func New(urls URLs, tokens auth.TokenSource, o Options) (*Client, error) {
	if tokens == nil {
		return nil, errors.New("peers: a token source is required")
	}
	if o.Transport == nil {
		o.Transport = http.DefaultTransport
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	c := &Client{places: geo.Default()}
	for _, p := range []struct {
		into          *owner
		url, audience string
	}{{&c.candidates, urls.Candidates, "candidates"}, {&c.matching, urls.Matching, "matching"},
		{&c.placements, urls.Placements, "placements"}, {&c.employers, urls.Employers, "employers"}, {&c.gateway, urls.Gateway, "gateway"}} {
		var err error
		if *p.into, err = newOwner(p.url, p.audience, tokens, o.Transport, o.Timeout); err != nil {
			return nil, err
		}
	}
	c.programmes = newCatalogue(c.listProgrammes)
	return c, nil
}

// Candidate returns the candidate's own facts from their view; an erased
// candidate is errs.NotFound.
func (c *Client) Candidate(ctx context.Context, id string) (domain.Progress, error) {
	resp, err := c.candidates.calls.GetMatchingViewWithResponse(ctx, id)
	v, err := ok[api.MatchingView]("GET /internal/v1/candidates/"+id, resp, err)
	if err != nil {
		return domain.Progress{}, err
	}
	kinds, err := c.programmes.kinds(ctx, programmeIDs(*v))
	if err != nil {
		return domain.Progress{}, err
	}
	return ProgressOf(*v, kinds, c.places), nil
}

// EachCandidate calls fn with every candidate's own facts, from one
// stream of views.
func (c *Client) EachCandidate(ctx context.Context, fn func(domain.Progress) error) error {
	open := func(ctx context.Context, editors ...api.RequestEditorFn) (*http.Response, error) {
		return c.candidates.streams.ListMatchingViews(ctx, nil, editors...)
	}
	return stream(ctx, "GET /internal/v1/candidates/views", open, func(v api.MatchingView) error {
		kinds, err := c.programmes.kinds(ctx, programmeIDs(v))
		if err != nil {
			return err
		}
		return fn(ProgressOf(v, kinds, c.places))
	})
}

// FirstShortlisted returns when the candidate first stood on a stored
// shortlist, zero when never (matching answers 404).
func (c *Client) FirstShortlisted(ctx context.Context, candidateID string) (time.Time, error) {
	resp, err := c.matching.calls.GetCandidateShortlistingWithResponse(ctx, candidateID)
	s, err := ok[api.CandidateShortlisting]("GET /internal/v1/candidates/"+candidateID+"/shortlisted", resp, err)
	if errors.Is(err, errs.NotFound) {
		return time.Time{}, nil
	}
	if err != nil {
		return time.Time{}, err
	}
	return s.FirstAt.UTC(), nil
}

// EachShortlisting calls fn with every candidate's first shortlisting.
func (c *Client) EachShortlisting(ctx context.Context, fn func(string, time.Time) error) error {
	open := func(ctx context.Context, editors ...api.RequestEditorFn) (*http.Response, error) {
		return c.matching.streams.ListCandidateShortlistings(ctx, editors...)
	}
	return stream(ctx, "GET /internal/v1/candidates/shortlisted", open, func(s api.CandidateShortlisting) error {
		return fn(s.CandidateID, s.FirstAt.UTC())
	})
}

// Introduction returns an introduction's facts and its candidate; one
// placements no longer serves (its candidate erased) is errs.NotFound.
func (c *Client) Introduction(ctx context.Context, id string) (service.Introduction, error) {
	resp, err := c.placements.calls.GetIntroductionFactsWithResponse(ctx, id)
	f, err := ok[api.IntroductionFacts]("GET /internal/v1/introductions/"+id+"/facts", resp, err)
	if err != nil {
		return service.Introduction{}, err
	}
	return IntroductionOf(*f)
}

// EachIntroduction calls fn with every introduction's facts.
func (c *Client) EachIntroduction(ctx context.Context, fn func(service.Introduction) error) error {
	open := func(ctx context.Context, editors ...api.RequestEditorFn) (*http.Response, error) {
		return c.placements.streams.ListIntroductionFacts(ctx, editors...)
	}
	return stream(ctx, "GET /internal/v1/introduction-facts", open, func(f api.IntroductionFacts) error {
		in, err := IntroductionOf(f)
		if err != nil {
			return err
		}
		return fn(in)
	})
}

// Role returns a role's contract kind and occupation.
func (c *Client) Role(ctx context.Context, id string) (service.Role, error) {
	resp, err := c.employers.calls.GetRoleViewWithResponse(ctx, id)
	r, err := ok[api.Role]("GET /internal/v1/roles/"+id, resp, err)
	if err != nil {
		return service.Role{}, err
	}
	return RoleOf(*r), nil
}

// Organisation is what the gateway tells of an organisation: its kind
// (programme, employer, observer, platform) and vetting status.
type Organisation struct {
	ID, Kind, Status string
}

// Organisation returns an organisation's kind and status from the
// gateway; an unknown one is errs.NotFound.
func (c *Client) Organisation(ctx context.Context, id string) (Organisation, error) {
	resp, err := c.gateway.calls.GetOrganisationStatusWithResponse(ctx, id)
	o, err := ok[api.InternalOrganisation]("GET /internal/v1/organisations/"+id, resp, err)
	if err != nil {
		return Organisation{}, err
	}
	return Organisation{ID: o.ID, Kind: string(o.Kind), Status: string(o.Status)}, nil
}
