package peers_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/insights/internal/adapters/peers"
	"github.com/onward-jobs/onward/services/insights/internal/adapters/peers/peerstest"
	"github.com/onward-jobs/onward/services/insights/internal/domain"
	"github.com/onward-jobs/onward/services/insights/internal/service"
)

// Places of the gazetteer: Kortrijk (BE.VLG, 73,879 people), Haaren
// (NL.06, 3,835) and Namur (BE.WAL, 106,284).
const (
	kortrijk = "2794055"
	haaren   = "2755009"
	namur    = "2790471"
)

// tokens hands out a fixed service token.
type tokens struct{}

func (tokens) Token(context.Context, string) (string, error) { return "service-token", nil }

var clock = time.Date(2025, 3, 3, 9, 0, 0, 0, time.UTC)

func client(t *testing.T, url string) *peers.Client {
	t.Helper()
	c, err := peers.New(peers.URLs{Candidates: url, Matching: url, Placements: url, Employers: url, Gateway: url}, tokens{}, peers.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestCandidateReducesThePlaceAndNamesProgrammeKinds reads a candidate's
// view: a person in a detention house counts where the house is, a
// released person where they return to; the programme kinds come from
// the catalogue (read over several pages), and nothing of the view's
// alias or places is kept.
func TestCandidateReducesThePlaceAndNamesProgrammeKinds(t *testing.T) {
	w := peerstest.NewWorld(func() time.Time { return clock })
	for i, kind := range []string{"coffee_roastery", "catering", "bike_repair"} {
		w.AddProgramme(fmt.Sprintf("prog-%d", i), "org-1", kind)
	}
	held, _ := w.Register("org-1", "detention_house", []string{"prog-2", "prog-0", "prog-2"}, kortrijk, haaren)
	released, _ := w.Register("org-1", "released", nil, namur, haaren)
	w.Consent(held, true)
	c := client(t, w.Serve(t))
	ctx := context.Background()

	p, err := c.Candidate(ctx, held)
	if err != nil {
		t.Fatal(err)
	}
	want := domain.Progress{CandidateID: held, OrganisationID: "org-1", Setting: "detention_house", Country: "BE", Region: "BE.VLG",
		Urban: domain.Urban, CreatedAt: clock, ConsentFirstGivenAt: clock,
		Programmes: []domain.ProgrammeFacts{{ID: "prog-2", Kind: "bike_repair"}, {ID: "prog-0", Kind: "coffee_roastery"}}}
	if fmt.Sprint(p) != fmt.Sprint(want) {
		t.Errorf("held = %+v\nwant %+v", p, want)
	}
	for _, leak := range []string{kortrijk, haaren, "Fox", "a house", "a region", "Kortrijk"} {
		if strings.Contains(fmt.Sprintf("%+v", p), leak) {
			t.Errorf("the progress keeps %q", leak)
		}
	}
	r, err := c.Candidate(ctx, released)
	if err != nil {
		t.Fatal(err)
	}
	if r.Country != "NL" || r.Region != "NL.06" || r.Urban != domain.Rural || r.Programmes != nil {
		t.Errorf("released = %+v, want Haaren's NL, NL.06, rural and no programme", r)
	}
	if _, err := c.Candidate(ctx, "erased"); !errors.Is(err, errs.NotFound) {
		t.Errorf("an unknown candidate: %v, want NotFound", err)
	}
	var listed []string
	if err := c.EachCandidate(ctx, func(p domain.Progress) error { listed = append(listed, p.CandidateID+"/"+p.Country); return nil }); err != nil {
		t.Fatal(err)
	}
	if len(listed) != 2 || !strings.Contains(strings.Join(listed, ","), held+"/BE") {
		t.Errorf("listed %v", listed)
	}
}

// TestIntroductionShortlistingAndRole read placements', matching's and
// employers' facts and convert their dates to midnight UTC.
func TestIntroductionShortlistingAndRole(t *testing.T) {
	now := clock
	w := peerstest.NewWorld(func() time.Time { return now })
	w.AddRole("role-1", "emp-1", "permanent", "barista")
	id, _ := w.Register("org-1", "transition_house", nil, kortrijk, "")
	w.Shortlist(id, "role-1")
	intro, _ := w.Ask(id, "role-1")
	now = now.Add(48 * time.Hour)
	w.Answer(intro, true)
	w.Meet(intro, "hired")
	w.Hire(intro, time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC), "fixed_term")
	w.AnswerFollowUp(intro, 30, "employer", true)
	w.End(intro, time.Date(2025, 6, 1, 0, 0, 0, 0, time.UTC))
	c := client(t, w.Serve(t))
	ctx := context.Background()

	in, err := c.Introduction(ctx, intro)
	if err != nil {
		t.Fatal(err)
	}
	f := in.Facts
	if in.CandidateID != id || f.RoleID != "role-1" || f.EmployerOrgID != "emp-1" || !f.RequestedAt.Equal(clock) ||
		!f.Answer.Accepted || f.Outcome.Kind != domain.OutcomeHired || f.Placement.Contract != "fixed_term" ||
		!f.Placement.StartDate.Equal(time.Date(2025, 3, 10, 0, 0, 0, 0, time.UTC)) || f.Placement.EndedOn.Month() != time.June ||
		len(f.FollowUps) != 6 {
		t.Errorf("introduction = %+v", in)
	}
	var answered int
	for _, fu := range f.FollowUps {
		if fu.StillWorking != nil {
			answered++
		}
	}
	if answered != 1 {
		t.Errorf("%d follow-ups answered, want 1", answered)
	}
	if at, err := c.FirstShortlisted(ctx, id); err != nil || !at.Equal(clock) {
		t.Errorf("first shortlisted = %v, %v", at, err)
	}
	if at, err := c.FirstShortlisted(ctx, "never"); err != nil || !at.IsZero() {
		t.Errorf("never shortlisted = %v, %v", at, err)
	}
	if r, err := c.Role(ctx, "role-1"); err != nil || r != (service.Role{Contract: "permanent", Occupation: "barista"}) {
		t.Errorf("role = %+v, %v", r, err)
	}
	if _, err := c.Introduction(ctx, "gone"); !errors.Is(err, errs.NotFound) {
		t.Errorf("unknown introduction: %v", err)
	}
	var n int
	if err := c.EachIntroduction(ctx, func(service.Introduction) error { n++; return nil }); err != nil || n != 1 {
		t.Errorf("listed %d introductions, %v", n, err)
	}
	if err := c.EachShortlisting(ctx, func(string, time.Time) error { n++; return nil }); err != nil || n != 2 {
		t.Errorf("listed %d shortlistings, %v", n-1, err)
	}
	if o, err := c.Organisation(ctx, "org-1"); err != nil || o.Kind != "programme" {
		t.Errorf("organisation = %+v, %v", o, err)
	}
}

// TestStreamCutShortIsUnavailable: a listing without its end line, or
// with a wrong count, is an error after the items that came, so a rebuild
// never takes part of the owners' data for the whole of it.
func TestStreamCutShortIsUnavailable(t *testing.T) {
	for name, body := range map[string]string{
		"no end line": `{"candidate_id":"c1","first_at":"2025-03-03T09:00:00Z","first_role_id":"r1"}` + "\n",
		"wrong count": `{"candidate_id":"c1","first_at":"2025-03-03T09:00:00Z","first_role_id":"r1"}` + "\n" + `{"end":true,"count":2}` + "\n",
	} {
		t.Run(name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { _, _ = io.WriteString(w, body) }))
			defer srv.Close()
			seen := 0
			err := client(t, srv.URL).EachShortlisting(context.Background(), func(string, time.Time) error { seen++; return nil })
			if !errors.Is(err, errs.Unavailable) || seen != 1 {
				t.Errorf("err = %v after %d items, want Unavailable after 1", err, seen)
			}
		})
	}
}

// TestOwnerDownIsUnavailable: an owner that cannot be reached, or
// answers 5xx, is errs.Unavailable, so the batch is delivered again.
func TestOwnerDownIsUnavailable(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { w.WriteHeader(http.StatusBadGateway) }))
	defer srv.Close()
	if _, err := client(t, srv.URL).Role(context.Background(), "r1"); !errors.Is(err, errs.Unavailable) {
		t.Errorf("502: %v", err)
	}
	if _, err := client(t, "http://127.0.0.1:1").Candidate(context.Background(), "c1"); !errors.Is(err, errs.Unavailable) {
		t.Errorf("down: %v", err)
	}
}
