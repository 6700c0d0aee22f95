package http

import (
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/auth"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/skills"
	"github.com/onward-jobs/onward/services/matching/internal/lru"
	"github.com/onward-jobs/onward/services/matching/internal/results"
)

// matching answers shortlists, suggestions, counts and the status from the
// stored results. Who may read what is decided here, before anything is
// looked up, so a refusal reveals nothing about what exists.
type matching struct {
	results ResultsReader
	// shortlists reads the stored shortlists, from memory where it can.
	shortlists ShortlistReader
	index      IndexView
	consent    ConsentReader
	flow       Status
	taxonomy   *skills.Taxonomy
	now        func() time.Time
	// statements holds approved statements for the cards; nil shows none.
	statements StatementReader
	// pages keeps encoded shortlist pages (shortlist_pages.go); nil keeps
	// none. encode is json.Marshal, what c.JSON uses with Fiber's defaults.
	pages  *lru.Cache[encodedPage]
	encode func(any) ([]byte, error)
}

func newMatching(d Deps) *matching {
	m := &matching{results: d.Results, index: d.Index, consent: d.Consent, flow: d.Status, taxonomy: d.Taxonomy, now: d.Now, statements: d.Statements}
	if m.now == nil {
		m.now = time.Now
	}
	m.pages, m.encode = newPageCache(d.PageCache), json.Marshal
	m.shortlists = d.Shortlists
	if m.shortlists == nil && d.Results != nil {
		m.shortlists = d.Results
	}
	return m
}

// statementOf returns the candidate's approved statement, "" when none
// is held.
func (m *matching) statementOf(candidateID string) string {
	if m.statements == nil {
		return ""
	}
	return m.statements.Statement(candidateID)
}

// caller returns the authenticated principal.
func caller(c *fiber.Ctx) (auth.Principal, error) {
	p, ok := auth.PrincipalFrom(c)
	if !ok {
		return auth.Principal{}, errs.Unauthenticated
	}
	return p, nil
}

// ready says whether the results are wired; without them the routes exist
// (the API description lists them) but answer 503.
func (m *matching) ready() error {
	if m.results == nil || m.index == nil {
		return fmt.Errorf("matching results are not available on this instance: %w", errs.Unavailable)
	}
	return nil
}

// isEmployer reports whether p is a member of an employer organisation.
func isEmployer(p auth.Principal) bool {
	return p.OrgKind == auth.OrgKindEmployer && p.OrgID != "" && p.HasRole(auth.RoleMember, auth.RoleOrgAdmin)
}

// isProgrammeStaff reports whether p works for a programme organisation.
func isProgrammeStaff(p auth.Principal) bool {
	return p.OrgKind == auth.OrgKindProgramme && p.OrgID != "" && p.HasRole(auth.RoleMember, auth.RoleOrgAdmin)
}

func (m *matching) shortlist(c *fiber.Ctx) error {
	p, err := caller(c)
	if err != nil {
		return err
	}
	if !p.IsAdmin() && !isEmployer(p) {
		return fmt.Errorf("shortlists are for the employer that owns the role: %w", errs.Forbidden)
	}
	q, err := parseShortlistQuery(c)
	if err != nil {
		return err
	}
	if err := m.ready(); err != nil {
		return err
	}
	lang := language(c)
	roleID := c.Params("id")
	sl, err := m.shortlists.Shortlist(c.UserContext(), roleID)
	if err != nil {
		return err
	}
	if !p.IsAdmin() && sl.EmployerID != p.OrgID {
		return fmt.Errorf("shortlist of role %s: %w", roleID, errs.NotFound)
	}
	body, err := m.shortlistPageJSON(sl, q, lang, results.DayOf(m.now()))
	if err != nil {
		return err
	}
	c.Response().SetBody(body)
	c.Response().Header.SetContentType(fiber.MIMEApplicationJSON)
	return nil
}

// suggestionsReader decides, before anything is looked up, whether p may
// read candidate id's suggestions: programme staff (mayReadSuggestions
// then checks the organisation) or the candidate themself. A candidate
// naming anyone else hears 404, so their token never tells that another
// candidate exists; everyone else 403.
func suggestionsReader(p auth.Principal, id string) error {
	switch {
	case isProgrammeStaff(p), p.IsCandidateSelf(id):
		return nil
	case p.IsCandidate():
		return fmt.Errorf("suggestions of candidate %s: %w", id, errs.NotFound)
	}
	return fmt.Errorf("suggestions are for the staff of the candidate's organisation and the candidate: %w", errs.Forbidden)
}

// mayReadSuggestions reports whether p, admitted by suggestionsReader,
// may read the suggestions of candidate id of organisation org: the
// candidate themself, or staff of that organisation.
func mayReadSuggestions(p auth.Principal, id, org string) bool {
	return p.IsCandidateSelf(id) || (isProgrammeStaff(p) && org == p.OrgID)
}

// suggestions answers a candidate's suggested roles, with the explanation
// staff read, to their staff and to the candidate themself: it holds the
// role, its employer's id and how the candidate's own record fits it,
// nothing of the employer's beyond what its open role shows.
func (m *matching) suggestions(c *fiber.Ctx) error {
	p, err := caller(c)
	if err != nil {
		return err
	}
	if err := suggestionsReader(p, c.Params("id")); err != nil {
		return err
	}
	q, err := parsePageQuery(c)
	if err != nil {
		return err
	}
	if err := m.ready(); err != nil {
		return err
	}
	lang := language(c)
	id := c.Params("id")
	cand, indexed := m.index.Candidate(id)
	if !indexed && m.consent != nil {
		return m.unindexedSuggestions(c, p, id)
	}
	sg, err := m.results.Suggestions(c.UserContext(), id)
	switch {
	case errors.Is(err, errs.NotFound) && indexed:
		// A consenting candidate nothing suits yet, or whose list the
		// background worker has not written yet: an empty list.
		sg, err = results.Suggestions{CandidateID: id, OrgID: cand.OrgID}, nil
	case err != nil:
		return err
	}
	org := sg.OrgID
	if indexed {
		org = cand.OrgID
	}
	if !mayReadSuggestions(p, id, org) {
		return fmt.Errorf("suggestions of candidate %s: %w", id, errs.NotFound)
	}
	page, err := pageSuggestions(sg, q)
	if err != nil {
		return err
	}
	return c.JSON(toSuggestionsResponse(m.taxonomy, sg, page, lang))
}

// unindexedSuggestions answers for a candidate the index does not hold,
// after asking the candidates service why: an unknown or erased candidate,
// or another organisation's, is 404; one without consent to matching is
// an empty list in state no_consent, so the page can ask staff to record
// consent; one placed in a job and not still looking an empty list in
// state placed; a consenting one the index has not caught up with yet is
// an empty list in state pending. Stored lists are not read: the index is
// what says a candidate may be matched, and a withdrawal deletes them.
func (m *matching) unindexedSuggestions(c *fiber.Ctx, p auth.Principal, id string) error {
	org, consent, available, err := m.consent.MatchingConsent(c.UserContext(), id)
	switch {
	case err != nil:
		return fmt.Errorf("consent of candidate %s: %w", id, err)
	case !mayReadSuggestions(p, id, org):
		return fmt.Errorf("suggestions of candidate %s: %w", id, errs.NotFound)
	}
	state := stateNoConsent
	switch {
	case consent && !available:
		state = statePlaced
	case consent:
		state = statePending
	}
	return c.JSON(suggestionsResponse{CandidateID: id, State: state, ComputedAt: m.now().UTC(), Items: []suggestionJSON{}})
}

func (m *matching) status(c *fiber.Ctx) error {
	p, err := caller(c)
	if err != nil {
		return err
	}
	if !p.IsAdmin() {
		return fmt.Errorf("the matching status is for platform administrators: %w", errs.Forbidden)
	}
	if err := m.ready(); err != nil {
		return err
	}
	ctx := c.UserContext()
	n, err := m.results.CountShortlists(ctx)
	if err != nil {
		return err
	}
	var flow FlowStatus
	if m.flow != nil {
		if flow, err = m.flow.FlowStatus(ctx); err != nil {
			return err
		}
	}
	return c.JSON(toStatusResponse(m.index.Stats(), n, flow))
}

func (m *matching) shortlistCounts(c *fiber.Ctx) error {
	p, err := caller(c)
	if err != nil {
		return err
	}
	if !p.IsAdmin() && !isEmployer(p) {
		return fmt.Errorf("shortlist counts are for employers: %w", errs.Forbidden)
	}
	roles, err := parseRoleIDs(c)
	if err != nil {
		return err
	}
	if err := m.ready(); err != nil {
		return err
	}
	counts, err := m.results.ShortlistCounts(c.UserContext(), roles)
	if err != nil {
		return err
	}
	out := countsResponse{Counts: map[string]countsItem{}}
	for id, rc := range counts {
		if p.IsAdmin() || rc.EmployerID == p.OrgID {
			out.Counts[id] = countsItem{Full: rc.Full, Near: rc.Near}
		}
	}
	return c.JSON(out)
}
