package site

import (
	"errors"
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
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
	get("/programmes/:id/edit", s.editProgrammeForm)
	post("/programmes/:id/edit", s.postEditProgramme)

	get("/candidates", s.listCandidatesPage)
	get("/candidates/new", s.registerIdentityForm)
	post("/candidates/new", s.postRegisterForm)
	get("/candidates/:id", s.showCandidate)
	get("/candidates/:id/edit", s.editCandidateForm)
	get("/candidates/:id/certificates/new", s.certificateForm)
	post("/candidates/:id/certificates/new", s.postCertificate)
	post("/candidates/:id/edit", s.postEditCandidate)
	get("/candidates/:id/register/hours", s.registerHoursForm)
	post("/candidates/:id/register/hours", s.postRegisterHours)
	get("/candidates/:id/register/consent", s.registerConsentForm)
	post("/candidates/:id/register/consent", s.postRegisterConsent)

	// Corrections (staff_corrections*.go, staff_revoke.go).
	for _, entry := range []string{"/candidates/:id/records/:rid", "/candidates/:id/certificates/:cid"} {
		get(entry+"/edit", s.editEntryForm)
		post(entry+"/edit", s.postEditEntry)
		get(entry+"/remove", s.removeEntryForm)
		post(entry+"/remove", s.postRemoveEntry)
	}
	get("/candidates/:id/attestations/:aid/revoke", s.revokeForm)
	post("/candidates/:id/attestations/:aid/revoke", s.postRevoke)

	// Anyone signed in may check that an attestation is intact, as the
	// verify endpoint allows: an employer shown "Signed" can check it too.
	app.Get("/attestations/:id", s.csrf, s.requireSession, s.showAttestation)
}

// programmeStaffOnly lets the staff of programme organisations through,
// whose organisations hold candidates: employers and platform
// administrators get the forbidden page. Every programme and candidate
// page, the portfolio pages too, passes this one guard.
func (s *site) programmeStaffOnly(c *fiber.Ctx) error {
	if actor(c).OrgKind != kindProgramme {
		return s.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

// programmeAdminOnly lets the administrator of a programme organisation
// through, for erasure and the audit trail, as the candidates service
// rules; the pages refuse others before asking it.
func (s *site) programmeAdminOnly(c *fiber.Ctx) error {
	if !isProgrammeAdmin(actor(c)) {
		return s.errorPage(c, errs.Forbidden)
	}
	return c.Next()
}

// isProgrammeAdmin reports whether a is the administrator of a programme
// organisation: the one check behind programmeAdminOnly and the actions
// the candidate page offers.
func isProgrammeAdmin(a Actor) bool {
	return a.OrgKind == kindProgramme && a.Role == roleOrgAdmin
}

// member is a colleague in the signed-in user's organisation.
type member struct {
	ID, Name string
}

// members are the people who can supervise a programme: the signed-in
// user's organisation, by name. Supervisor ids the form already carries
// that are not among them stay on the form, named if they are
// colleagues, so nothing ticked disappears. If the organisation cannot
// be listed the signed-in user is offered, as the candidates service's
// default supervisor.
func (s *site) members(c *fiber.Ctx, chosen []string) []member {
	a := actor(c)
	var out []member
	colleagues, err := s.accounts.members(c.UserContext(), accessToken(c), a.OrgID)
	if err != nil {
		s.logServiceFailure(c, "gateway members", err)
	}
	for _, m := range colleagues {
		out = append(out, member{ID: m.ID, Name: m.Name})
	}
	names := map[string]string{}
	for _, id := range append([]string{a.UserID}, chosen...) {
		if id != "" && !slices.ContainsFunc(out, func(m member) bool { return m.ID == id }) {
			out = append(out, member{ID: id, Name: s.colleagueName(c, names, id)})
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
	m, err := s.accounts.member(c.UserContext(), accessToken(c), id)
	switch {
	case err == nil:
		name = m.Name
	case !errors.Is(err, errs.NotFound) && !errors.Is(err, errs.Forbidden):
		s.logServiceFailure(c, "gateway members", err)
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
