package web

import (
	"errors"
	"net/url"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/gateway/internal/domain"
)

// The staff pages for programmes and candidates. Programme staff (members
// and organisation administrators of a programme organisation) register
// the candidates their organisation works with; employers and platform
// administrators never see these pages. The candidates service checks the
// same rule on every call, and decides which candidates each person sees.

// registerStaffPages mounts the staff pages. /candidates/new comes
// before /candidates/:id, so "new" is never taken for an id.
func (s *site) registerStaffPages(app *fiber.App) {
	staff := []fiber.Handler{s.csrf, s.requireSession, s.programmeStaffOnly}
	get := func(path string, h fiber.Handler) { app.Get(path, append(staff, h)...) }
	post := func(path string, h fiber.Handler) { app.Post(path, append(staff, h)...) }

	get("/programmes", s.listProgrammesPage)
	get("/programmes/new", s.newProgrammeForm)
	post("/programmes/new", s.postProgrammeForm)
	get("/programmes/:id", s.showProgramme)

	get("/candidates", s.listCandidatesPage)
	get("/candidates/new", s.registerIdentityForm)
	post("/candidates/new", s.postRegisterForm)
	get("/candidates/:id", s.showCandidate)
	get("/candidates/:id/edit", s.editCandidateForm)
	post("/candidates/:id/edit", s.postEditCandidate)
	get("/candidates/:id/register/hours", s.registerHoursForm)
	post("/candidates/:id/register/hours", s.postRegisterHours)
	get("/candidates/:id/register/consent", s.registerConsentForm)
	post("/candidates/:id/register/consent", s.postRegisterConsent)

	// Anyone signed in may check that an attestation is intact, as the
	// verify endpoint allows: an employer shown "Signed" can check it too.
	app.Get("/attestations/:id", s.csrf, s.requireSession, s.showAttestation)
}

// programmeStaffOnly lets the staff of programme organisations through:
// employers and platform administrators get the forbidden page.
func (s *site) programmeStaffOnly(c *fiber.Ctx) error {
	if actor(c).OrgKind != domain.KindProgramme {
		return s.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

// member is a colleague in the signed-in user's organisation.
type member struct {
	ID, Name string
}

// members are the people who can supervise a programme. The gateway's
// service has no use case that lists an organisation's members yet, so
// the signed-in user is offered (the candidates service's default
// supervisor), with any supervisor ids the form already carries, named
// when they belong to the same organisation.
func (s *site) members(c *fiber.Ctx, extra []string) []member {
	a := actor(c)
	out := []member{{ID: a.UserID, Name: s.colleagueName(c, nil, a.UserID)}}
	for _, id := range extra {
		if id != "" && id != a.UserID {
			out = append(out, member{ID: id, Name: s.colleagueName(c, nil, id)})
		}
	}
	return out
}

// colleagueName names a user of the signed-in user's own organisation,
// for "attested by" and the supervisors of a programme. Anyone else, or
// an account that cannot be read, stays unnamed. names caches lookups
// for one page.
func (s *site) colleagueName(c *fiber.Ctx, names map[string]string, id string) string {
	if n, ok := names[id]; ok {
		return n
	}
	name := ""
	u, err := s.svc.Users.ByID(c.UserContext(), id)
	switch {
	case err == nil && u.OrgID == actor(c).OrgID && u.OrgID != "":
		name = u.Name
	case err != nil && !errors.Is(err, errs.NotFound):
		s.logServiceFailure(c, "gateway users", err)
	}
	if names != nil {
		names[id] = name
	}
	return name
}

// candidateURL is the address of a candidate's page, or one of its
// sub-pages.
func candidateURL(id string, sub ...string) string {
	p := "/candidates/" + url.PathEscape(id)
	for _, s := range sub {
		p += "/" + s
	}
	return p
}
