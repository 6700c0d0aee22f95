package app

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/pages/staff"
)

func init() { locales = append(locales, staff.Locales) }

// staffRoutes are the pages of internal/pages/staff: programmes and
// candidates for programme staff, and the role browser for programme
// staff and administrators. /candidates/new comes before /candidates/:id,
// so "new" is never taken for an id.
func staffRoutes(app *fiber.App, k *kit.Kit) {
	p := staff.New(k)
	only := []fiber.Handler{k.CSRF, k.RequireSession, k.Guard(kit.ProgrammeStaff)}
	get := func(path string, h fiber.Handler) { app.Get(path, append(only, h)...) }
	post := func(path string, h fiber.Handler) { app.Post(path, append(only, h)...) }

	app.Get("/roles", k.CSRF, k.RequireSession, k.Guard(kit.Staff), p.BrowseRoles)

	get("/programmes", p.Programmes)
	get("/programmes/new", p.NewProgrammeForm)
	post("/programmes/new", p.CreateProgramme)
	get("/programmes/:id", p.Programme)
	get("/programmes/:id/edit", p.EditProgrammeForm)
	post("/programmes/:id/edit", p.EditProgramme)

	get("/candidates", p.Candidates)
	get("/candidates/new", p.RegisterForm)
	post("/candidates/new", p.Register)
	get("/candidates/:id", p.Candidate)
	get("/candidates/:id/edit", p.EditCandidateForm)
	post("/candidates/:id/edit", p.EditCandidate)
	get("/candidates/:id/certificates/new", p.CertificateForm)
	post("/candidates/:id/certificates/new", p.AddCertificate)
	get("/candidates/:id/register/hours", p.HoursForm)
	post("/candidates/:id/register/hours", p.AddHours)
	get("/candidates/:id/register/consent", p.ConsentForm)
	post("/candidates/:id/register/consent", p.RecordConsent)
	get("/candidates/:id/suggestions", p.Suggestions)

	// Corrections: edit and remove a programme record or a certificate,
	// revoke an attestation.
	for _, entry := range []string{"/candidates/:id/records/:rid", "/candidates/:id/certificates/:cid"} {
		get(entry+"/edit", p.EditEntryForm)
		post(entry+"/edit", p.EditEntry)
		get(entry+"/remove", p.RemoveEntryForm)
		post(entry+"/remove", p.RemoveEntry)
	}
	get("/candidates/:id/attestations/:aid/revoke", p.RevokeForm)
	post("/candidates/:id/attestations/:aid/revoke", p.Revoke)

	// Anyone signed in may check that an attestation is intact, as the
	// verify endpoint allows: an employer shown "Signed" can check it too.
	app.Get("/attestations/:id", k.CSRF, k.RequireSession, p.Attestation)
}
