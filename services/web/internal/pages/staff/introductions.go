package staff

import (
	"errors"
	"html/template"
	"math"
	"net/url"
	"slices"
	"sync"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Introductions are an employer's requests to meet one of the
// organisation's candidates. Staff answer them with the candidate beside
// them: the list shows what waits for an answer and by when, the home
// panel shows the same with the follow-ups due, and each request has its
// page (introductions_answer.go). The placements service decides which
// requests a staff member sees: those about their organisation's
// candidates.

// introListLimit is how many requests a list asks for at once; an
// organisation has far fewer open at a time.
const introListLimit = 50

// panelLimit is how many requests and follow-ups the home panel shows.
const panelLimit = 5

// maxNameLookups bounds how many candidates a list names, side by side.
const maxNameLookups = 20

// introLine is one request to meet as a list shows it.
type introLine struct {
	ID, RoleTitle, Employer, Candidate, Alias string
	// Due says by when to answer, in words; Overdue marks a late one.
	Due     string
	Overdue bool
	Status  string
}

// introListPage is the staff's list of requests: those waiting for an
// answer, then those answered lately.
type introListPage struct {
	Waiting, Answered []introLine
}

// Introductions is GET /introductions for programme staff.
func (p *Pages) Introductions(c *fiber.Ctx) error {
	v := p.kit.NewView(c, "/introductions")
	waiting, err := p.introductions(c, api.IntroductionStatusRequested, introListLimit)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	answered, err := p.introductions(c, api.IntroductionStatusAccepted, introListLimit)
	if err != nil {
		return p.kit.ErrorPage(c, err)
	}
	lines := p.introLines(c, v, append(waiting, answered...))
	v.Data = &introListPage{Waiting: lines[:len(waiting)], Answered: lines[len(waiting):]}
	return p.tmpl.Render(c, fiber.StatusOK, "staff_introductions", v)
}

// introductions lists the requests with one status, the soonest due
// first.
func (p *Pages) introductions(c *fiber.Ctx, status api.IntroductionStatus, limit int) ([]api.Introduction, error) {
	resp, err := p.kit.API.ListIntroductionsWithResponse(kit.Ctx(c), &api.ListIntroductionsParams{Status: &status, Limit: &limit})
	if err != nil {
		return nil, err
	}
	items := slices.Clone(resp.JSON200.Items)
	slices.SortStableFunc(items, func(a, b api.Introduction) int { return a.ExpiresAt.Compare(b.ExpiresAt) })
	return items, nil
}

// introLines names each request's employer and candidate.
func (p *Pages) introLines(c *fiber.Ctx, v *kit.View, items []api.Introduction) []introLine {
	var employers, aliases []string
	for _, in := range items {
		employers, aliases = append(employers, in.EmployerOrgID), append(aliases, in.CandidateAlias)
	}
	orgs, people := p.employerNames(c, employers), p.candidateNames(c, aliases)
	out := make([]introLine, 0, len(items))
	for _, in := range items {
		l := introLine{ID: in.ID, RoleTitle: roleTitle(v, in.RoleTitle), Employer: orNamed(orgs[in.EmployerOrgID], in.EmployerName),
			Candidate: people[in.CandidateAlias], Alias: in.CandidateAlias, Status: string(in.Status)}
		if in.Status == api.IntroductionStatusRequested {
			l.Due, l.Overdue = dueText(v, in.ExpiresAt, time.Now())
		}
		out = append(out, l)
	}
	return out
}

// roleTitle is a role's title, or a plain word when the service sent
// none.
func roleTitle(v *kit.View, title *string) string {
	if t := kit.Deref(title); t != "" {
		return t
	}
	return v.T("StaffIntroRoleUnnamed")
}

// dueText says by when a request needs its answer: on which date, in how
// many days, or how late it is.
func dueText(v *kit.View, due, now time.Time) (string, bool) {
	date := v.Date(due.Format(time.RFC3339))
	left := due.Sub(now)
	switch {
	case left < 0:
		return v.T("StaffIntroOverdue", "Date", date), true
	case left < 24*time.Hour:
		return v.T("StaffIntroDueToday", "Date", date), false
	}
	// Whole days, rounded: a request made a moment ago still has its 14
	// days; the last day before the due one reads 1.
	return v.T("StaffIntroDueIn", "Date", date, "Count", max(1, int(math.Round(left.Hours()/24)))), false
}

// candidateNames names the candidates by alias, as the candidate list
// shows them (a search by alias, which is not a full read of the record),
// at most maxNameLookups of them, side by side. A candidate that cannot
// be found is shown by alias only.
func (p *Pages) candidateNames(c *fiber.Ctx, aliases []string) map[string]string {
	var distinct []string
	for _, a := range aliases {
		if a != "" && !slices.Contains(distinct, a) && len(distinct) < maxNameLookups {
			distinct = append(distinct, a)
		}
	}
	names := make(map[string]string, len(distinct))
	var mu sync.Mutex
	var wg sync.WaitGroup
	ctx := kit.Ctx(c)
	for _, alias := range distinct {
		wg.Go(func() {
			q, one := alias, 1
			resp, err := p.kit.API.ListCandidatesWithResponse(ctx, &api.ListCandidatesParams{Q: &q, Limit: &one})
			if err != nil {
				return
			}
			for _, k := range resp.JSON200.Items {
				if k.Alias == alias {
					mu.Lock()
					names[alias] = k.DisplayName
					mu.Unlock()
				}
			}
		})
	}
	wg.Wait()
	return names
}

// homeIntroductions is the staff's panel of the home page: the requests
// waiting for an answer and the follow-ups due.
type homeIntroductions struct {
	Waiting       []introLine
	MoreWaiting   bool
	FollowUps     []followUpLine
	MoreFollowUps bool
}

// HomePanel is the programme staff's part of the home page (a kit.Panel):
// the requests to meet that wait for an answer, soonest due first, and
// the follow-ups due. It draws nothing for anyone else, nor when the
// placements service is not deployed.
func (p *Pages) HomePanel(c *fiber.Ctx, v *kit.View) (template.HTML, error) {
	if !kit.ActorOf(c).IsProgrammeStaff() {
		return "", nil
	}
	waiting, err := p.introductions(c, api.IntroductionStatusRequested, introListLimit)
	if err != nil {
		if !errors.Is(err, errs.Unavailable) {
			p.kit.LogFailure(c, "list introductions", err)
		}
		return "", nil
	}
	h := &homeIntroductions{}
	if len(waiting) > panelLimit {
		waiting, h.MoreWaiting = waiting[:panelLimit], true
	}
	h.Waiting = p.introLines(c, v, waiting)
	due, err := p.followUps(c, time.Now().AddDate(0, 0, 1))
	if err != nil {
		p.kit.LogFailure(c, "list follow-ups", err)
	}
	if len(due) > panelLimit {
		due, h.MoreFollowUps = due[:panelLimit], true
	}
	h.FollowUps = p.followUpLines(c, v, due)
	panel := *v
	panel.Data = h
	return p.tmpl.Fragment("staff_introductions", "staff-introductions-panel", &panel)
}

// introductionURL is the address of a request's page, or one of its
// forms.
func introductionURL(id string, sub ...string) string {
	u := "/introductions/" + url.PathEscape(id)
	for _, s := range sub {
		u += "/" + s
	}
	return u
}
