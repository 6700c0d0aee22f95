package app

import (
	"io/fs"
	"strings"

	"github.com/gofiber/fiber/v2"
	"github.com/gofiber/fiber/v2/middleware/compress"

	"github.com/onward-jobs/onward/services/web/internal/kit"
	"github.com/onward-jobs/onward/services/web/internal/pages/account"
	"github.com/onward-jobs/onward/services/web/internal/pages/admin"
	"github.com/onward-jobs/onward/services/web/internal/pages/employer"
	"github.com/onward-jobs/onward/services/web/internal/pages/explore"
	"github.com/onward-jobs/onward/services/web/internal/pages/inbox"
	"github.com/onward-jobs/onward/services/web/internal/pages/insights"
	"github.com/onward-jobs/onward/services/web/internal/pages/me"
	"github.com/onward-jobs/onward/services/web/internal/pages/observer"
	"github.com/onward-jobs/onward/services/web/internal/pages/portfolio"
	"github.com/onward-jobs/onward/services/web/internal/pages/staff"
	"github.com/onward-jobs/onward/services/web/internal/pages/verify"
)

// locales are the page packages' message files, read into the kit's one
// bundle with its own.
var locales = []fs.FS{account.Locales, employer.Locales, staff.Locales, portfolio.Locales, admin.Locales, inbox.Locales, observer.Locales, insights.Locales, verify.Locales, me.Locales}

// MessageFiles are the kit's and every page package's locale folders, for
// the tests of the messages.
func MessageFiles() []fs.FS { return append([]fs.FS{kit.LocaleFiles}, locales...) }

// routes is the web app's route table: every address, who may open it and
// the package that draws it. Every page gets a CSRF token (and every POST
// is checked against it); "signedIn" pages also need a session, and a
// guard narrows them to an audience. A path with a fixed segment
// (/roles/new) comes before the same path with a parameter (/roles/:id).
func routes(app *fiber.App, k *kit.Kit) {
	app.Use(k.MarkSecure)
	// Pages are compressed as they go out (brotli or gzip, as the browser
	// accepts); assets were compressed once, as they loaded.
	app.Use(compress.New(compress.Config{
		Level: compress.LevelBestSpeed,
		Next:  func(c *fiber.Ctx) bool { return strings.HasPrefix(c.Path(), "/assets/") },
	}))
	app.Get("/assets/:name", k.Assets)
	// What a credential's addresses name, for verifiers anywhere.
	newPublicAPI(k.APIURL, k.APITransport).mount(app)
	app.Get("/lang/:code", k.SwitchLanguage)
	app.Get("/suggest/:kind", k.Suggest)
	app.Get("/session/renew", k.RenewSession)

	// The home page shows each audience's panel; a refused "add an
	// organisation" form is drawn on it again.
	employers, staffs, records, explorer := employer.New(k), staff.New(k), portfolio.New(k), explore.New(k)
	notifications, observers, reports := inbox.New(k), observer.New(k), insights.New(k)
	checks, candidates := verify.New(k), me.New(k)
	var accounts *account.Pages
	admins := admin.New(k, func(c *fiber.Ctx, v *kit.View, status int) error { return accounts.RenderHome(c, v, status) })
	accounts = account.New(k, employers.HomePanel, admins.HomePanel, staffs.HomePanel, observers.HomePanel, reports.HomePanel)

	signedIn := func(guard func(kit.Actor) bool, h fiber.Handler) []fiber.Handler {
		if guard == nil {
			// Everyone signed in but a candidate, who is sent to /me.
			return []fiber.Handler{k.CSRF, k.RequireSession, k.KeepCandidatesHome, h}
		}
		return []fiber.Handler{k.CSRF, k.RequireSession, k.Guard(guard), h}
	}

	// Account: anyone.
	app.Get("/", k.CSRF, accounts.Landing)
	app.Get("/signup", k.CSRF, accounts.SignupForm)
	app.Post("/signup", k.CSRF, accounts.Signup)
	app.Get("/login", k.CSRF, accounts.LoginForm)
	app.Post("/login", k.CSRF, accounts.Login)
	app.Post("/logout", k.CSRF, accounts.Logout)
	app.Get("/invitations/:token", k.CSRF, accounts.InvitationForm)
	app.Post("/invitations/:token", k.CSRF, accounts.AcceptInvitation)
	app.Get("/password-reset", k.CSRF, accounts.ResetRequestForm)
	app.Post("/password-reset", k.CSRF, accounts.RequestReset)
	app.Get("/password-reset/:token", k.CSRF, accounts.ResetForm)
	app.Post("/password-reset/:token", k.CSRF, accounts.ConfirmReset)
	app.Get("/home", signedIn(nil, accounts.Home)...)
	app.Post("/home/invitations", signedIn(nil, accounts.Invite)...)
	app.Get("/explore", signedIn(nil, explorer.Explore)...)

	// Credentials: anyone, signed in or not, may check one Onward issued,
	// pasted or as a file, or open the page a printed portfolio's QR code
	// names.
	app.Get("/verify", k.CSRF, checks.Form)
	app.Post("/verify", k.CSRF, checks.Check)
	app.Get("/verify/credentials/:id", k.CSRF, checks.Credential)

	// Candidates: joining through the invitation staff printed, signing
	// in with a user name, and their own pages under /me, for a
	// candidate's own account only. Every call names their own record.
	app.Get("/join/:token", k.CSRF, candidates.JoinForm)
	app.Post("/join/:token", k.CSRF, candidates.Join)
	app.Get("/login/candidate", k.CSRF, candidates.LoginForm)
	app.Post("/login/candidate", k.CSRF, candidates.Login)
	app.Get("/me", signedIn(kit.Candidates, candidates.Home)...)
	app.Get("/me/skills", signedIn(kit.Candidates, candidates.Skills)...)
	app.Get("/me/consent", signedIn(kit.Candidates, candidates.Consent)...)
	app.Post("/me/consent", signedIn(kit.Candidates, candidates.PostConsent)...)
	app.Get("/me/statement", signedIn(kit.Candidates, candidates.Statement)...)
	app.Post("/me/statement", signedIn(kit.Candidates, candidates.PostStatement)...)
	app.Get("/me/jobs", signedIn(kit.Candidates, candidates.Jobs)...)
	app.Get("/me/requests", signedIn(kit.Candidates, candidates.Requests)...)
	app.Get("/me/requests/:id", signedIn(kit.Candidates, candidates.Request)...)
	app.Post("/me/requests/:id/answer", signedIn(kit.Candidates, candidates.Answer)...)
	app.Post("/me/requests/:id/take-back", signedIn(kit.Candidates, candidates.TakeBack)...)
	app.Get("/me/data", signedIn(kit.Candidates, candidates.Data)...)
	app.Get("/me/portfolio.pdf", signedIn(kit.Candidates, candidates.PortfolioPDF)...)
	app.Get("/me/audit", signedIn(kit.Candidates, candidates.Audit)...)
	app.Get("/me/credentials", signedIn(kit.Candidates, candidates.Credentials)...)
	app.Get("/me/credentials/:id", signedIn(kit.Candidates, candidates.DownloadCredential)...)

	// Notifications: everyone signed in has an inbox and chooses what is
	// e-mailed; an item opens through /inbox/:id, which marks it read.
	app.Get("/inbox", signedIn(nil, notifications.Inbox)...)
	app.Post("/inbox/read-all", signedIn(nil, notifications.ReadAll)...)
	app.Get("/inbox/preferences", signedIn(nil, notifications.Preferences)...)
	app.Post("/inbox/preferences", signedIn(nil, notifications.SavePreferences)...)
	app.Post("/inbox/preferences/organisation", signedIn(kit.OrgAdmins, notifications.SaveDefaults)...)
	app.Get("/inbox/:id", signedIn(nil, notifications.Open)...)

	// Employers: their profile, roles and shortlists. A role's page is open
	// to programme staff and administrators too, read-only.
	app.Get("/employer/profile", signedIn(kit.Employers, employers.ProfileForm)...)
	app.Post("/employer/profile", signedIn(kit.Employers, employers.SaveProfile)...)
	app.Get("/roles/new", signedIn(kit.Employers, employers.NewRoleForm)...)
	app.Post("/roles/new", signedIn(kit.Employers, employers.PostRoleForm)...)
	app.Get("/roles", signedIn(kit.Staff, staffs.BrowseRoles)...)
	app.Get("/roles/:id", signedIn(employer.RoleReaders, employers.ShowRole)...)
	app.Get("/roles/:id/edit", signedIn(kit.Employers, employers.EditRoleForm)...)
	app.Post("/roles/:id/edit", signedIn(kit.Employers, employers.PostRoleForm)...)
	app.Post("/roles/:id/status", signedIn(kit.Employers, employers.ChangeRoleStatus)...)
	app.Get("/roles/:id/shortlist", signedIn(employer.ShortlistReaders, employers.ShowShortlist)...)

	// Introductions, placements and follow-ups: the employer's side. A
	// shortlist card's "Ask to meet" opens the form; a role's requests and
	// all of them are listed. /introductions, /introductions/:id (and its
	// actions) and /followups are shared with the programme staff's side,
	// so they go through byOrgKind (audience.go).
	app.Get("/roles/:id/introductions/new", signedIn(kit.Employers, employers.AskToMeetForm)...)
	app.Post("/roles/:id/introductions/new", signedIn(kit.Employers, employers.AskToMeet)...)
	app.Get("/roles/:id/introductions", signedIn(kit.Employers, employers.RoleIntroductions)...)
	app.Get("/introductions", sharedRoute(k, employers.Introductions, staffs.Introductions)...)
	app.Get("/introductions/:id", sharedRoute(k, employers.Introduction, staffs.Introduction)...)
	app.Post("/introductions/:id/messages", sharedRoute(k, employers.PostIntroductionMessage, staffs.PostIntroductionMessage)...)
	app.Post("/introductions/:id/outcome", sharedRoute(k, employers.RecordOutcome, staffs.RecordOutcome)...)
	app.Post("/introductions/:id/withdraw", sharedRoute(k, employers.WithdrawIntroduction, nil)...)
	app.Get("/followups", sharedRoute(k, employers.FollowUps, staffs.FollowUps)...)
	app.Post("/followups/:id", sharedRoute(k, employers.AnswerFollowUp, staffs.AnswerFollowUp)...)

	// Programme staff: programmes and candidates.
	app.Get("/programmes", signedIn(kit.ProgrammeStaff, staffs.Programmes)...)
	app.Get("/programmes/new", signedIn(kit.ProgrammeStaff, staffs.NewProgrammeForm)...)
	app.Post("/programmes/new", signedIn(kit.ProgrammeStaff, staffs.CreateProgramme)...)
	app.Get("/programmes/:id", signedIn(kit.ProgrammeStaff, staffs.Programme)...)
	app.Get("/programmes/:id/edit", signedIn(kit.ProgrammeStaff, staffs.EditProgrammeForm)...)
	app.Post("/programmes/:id/edit", signedIn(kit.ProgrammeStaff, staffs.EditProgramme)...)
	app.Get("/candidates", signedIn(kit.ProgrammeStaff, staffs.Candidates)...)
	app.Get("/candidates/new", signedIn(kit.ProgrammeStaff, staffs.RegisterForm)...)
	app.Post("/candidates/new", signedIn(kit.ProgrammeStaff, staffs.Register)...)
	app.Get("/candidates/:id", signedIn(kit.ProgrammeStaff, staffs.Candidate)...)
	app.Get("/candidates/:id/edit", signedIn(kit.ProgrammeStaff, staffs.EditCandidateForm)...)
	app.Post("/candidates/:id/edit", signedIn(kit.ProgrammeStaff, staffs.EditCandidate)...)
	app.Get("/candidates/:id/register/hours", signedIn(kit.ProgrammeStaff, staffs.HoursForm)...)
	app.Post("/candidates/:id/register/hours", signedIn(kit.ProgrammeStaff, staffs.AddHours)...)
	app.Get("/candidates/:id/register/consent", signedIn(kit.ProgrammeStaff, staffs.ConsentForm)...)
	app.Post("/candidates/:id/register/consent", signedIn(kit.ProgrammeStaff, staffs.RecordConsent)...)
	app.Get("/candidates/:id/certificates/new", signedIn(kit.ProgrammeStaff, staffs.CertificateForm)...)
	app.Post("/candidates/:id/certificates/new", signedIn(kit.ProgrammeStaff, staffs.AddCertificate)...)
	app.Get("/candidates/:id/suggestions", signedIn(kit.ProgrammeStaff, staffs.Suggestions)...)
	// The candidate's own account: invite (the link shown once, with its
	// QR code to print), close; and the review of their statement.
	app.Post("/candidates/:id/account/invitation", signedIn(kit.ProgrammeStaff, staffs.InviteToAccount)...)
	app.Get("/candidates/:id/account/close", signedIn(kit.ProgrammeStaff, staffs.CloseAccountForm)...)
	app.Post("/candidates/:id/account/close", signedIn(kit.ProgrammeStaff, staffs.CloseAccount)...)
	app.Post("/candidates/:id/statement/review", signedIn(kit.ProgrammeStaff, staffs.ReviewStatement)...)
	// Corrections: edit and remove an hours record or a certificate,
	// revoke an attestation.
	for _, entry := range []string{"/candidates/:id/records/:rid", "/candidates/:id/certificates/:cid"} {
		app.Get(entry+"/edit", signedIn(kit.ProgrammeStaff, staffs.EditEntryForm)...)
		app.Post(entry+"/edit", signedIn(kit.ProgrammeStaff, staffs.EditEntry)...)
		app.Get(entry+"/remove", signedIn(kit.ProgrammeStaff, staffs.RemoveEntryForm)...)
		app.Post(entry+"/remove", signedIn(kit.ProgrammeStaff, staffs.RemoveEntry)...)
	}
	app.Get("/candidates/:id/attestations/:aid/revoke", signedIn(kit.ProgrammeStaff, staffs.RevokeForm)...)
	app.Post("/candidates/:id/attestations/:aid/revoke", signedIn(kit.ProgrammeStaff, staffs.Revoke)...)
	// Anyone signed in may check that an attestation is intact, as the
	// verify endpoint allows: an employer shown "Signed" can check it too.
	app.Get("/attestations/:id", signedIn(nil, staffs.Attestation)...)
	// Its Open Badges 3.0 credential, as a file to keep: the attesting
	// organisation's staff only, as the API rules.
	app.Get("/attestations/:id/credential", signedIn(kit.ProgrammeStaff, staffs.DownloadCredential)...)

	// Introductions, placements and follow-ups: the staff's side. The
	// request pages and follow-ups share their addresses with the
	// employer's side and are registered once, above, with both
	// handlers; answering, placements and a candidate's disclosures are
	// the staff's alone.
	app.Post("/introductions/:id/answer", sharedRoute(k, nil, staffs.AnswerIntroduction)...)
	app.Get("/placements", signedIn(kit.ProgrammeStaff, staffs.Placements)...)
	app.Get("/placements/:id/end", signedIn(kit.ProgrammeStaff, staffs.EndPlacementForm)...)
	app.Post("/placements/:id/end", signedIn(kit.ProgrammeStaff, staffs.EndPlacement)...)
	app.Post("/placements/:id/still-looking", signedIn(kit.ProgrammeStaff, staffs.SetStillLooking)...)
	app.Get("/candidates/:id/disclosures/:did/withdraw", signedIn(kit.ProgrammeStaff, staffs.WithdrawDisclosureForm)...)
	app.Post("/candidates/:id/disclosures/:did/withdraw", signedIn(kit.ProgrammeStaff, staffs.WithdrawDisclosure)...)

	// A candidate's portfolio and rights: programme staff, and the
	// organisation's administrator for erasure and the audit trail.
	app.Get("/candidates/:id/attest", signedIn(kit.ProgrammeStaff, records.AttestForm)...)
	app.Post("/candidates/:id/attest", signedIn(kit.ProgrammeStaff, records.PostAttest)...)
	app.Get("/candidates/:id/consent", signedIn(kit.ProgrammeStaff, records.ConsentForm)...)
	app.Post("/candidates/:id/consent", signedIn(kit.ProgrammeStaff, records.PostConsent)...)
	app.Get("/candidates/:id/export", signedIn(kit.ProgrammeStaff, records.ExportForm)...)
	app.Get("/candidates/:id/portfolio.pdf", signedIn(kit.ProgrammeStaff, records.PortfolioPDF)...)
	app.Post("/candidates/:id/export", signedIn(kit.ProgrammeStaff, records.PostExport)...)
	app.Get("/candidates/:id/erase", signedIn(kit.ProgrammeAdmins, records.EraseForm)...)
	app.Post("/candidates/:id/erase", signedIn(kit.ProgrammeAdmins, records.PostErase)...)
	app.Get("/candidates/:id/audit", signedIn(kit.ProgrammeAdmins, records.AuditTrail)...)

	// Outcomes and fairness: the report for a programme organisation's
	// administrators, platform administrators and observers (the
	// insights service decides what each may read), and the sharing of
	// a programme organisation's reports with observers, by its
	// administrators.
	app.Get("/insights", signedIn(insights.Readers, reports.Report)...)
	app.Get("/insights/sharing", signedIn(insights.Sharers, reports.Sharing)...)
	app.Post("/insights/sharing", signedIn(insights.Sharers, reports.Share)...)
	app.Post("/insights/sharing/:observer/revoke", signedIn(insights.Sharers, reports.Revoke)...)

	// Administration: platform administrators for every organisation,
	// an organisation's administrator for their own (/organisation).
	app.Post("/home/organisations", signedIn(kit.Admins, admins.CreateOrganisation)...)
	app.Get("/admin/organisations", signedIn(kit.Admins, admins.Organisations)...)
	app.Get("/admin/deliveries", signedIn(admin.DeliveryReaders, admins.Deliveries)...)
	organisationRoutes(app, admins, "/admin/organisations/:id", k.CSRF, k.RequireSession, k.Guard(kit.Admins), admins.PlatformScope)
	vettingRoutes(app, admins, "/admin/organisations/:id", k.CSRF, k.RequireSession, k.Guard(kit.Admins), admins.PlatformScope)
	organisationRoutes(app, admins, "/organisation", k.CSRF, k.RequireSession, admins.OwnScope)

	app.Use(k.NotFound)
}

// vettingRoutes adds a platform administrator's verification,
// suspension and reinstatement of an employer under base, behind chain.
func vettingRoutes(app *fiber.App, p *admin.Pages, base string, chain ...fiber.Handler) {
	with := func(h fiber.Handler) []fiber.Handler { return append(append([]fiber.Handler{}, chain...), h) }
	app.Get(base+"/verify", with(p.VerifyForm)...)
	app.Post(base+"/verify", with(p.Verify)...)
	app.Get(base+"/suspend", with(p.ConfirmSuspend)...)
	app.Post(base+"/suspend", with(p.Suspend)...)
	app.Get(base+"/reinstate", with(p.ConfirmReinstate)...)
	app.Post(base+"/reinstate", with(p.Reinstate)...)
}

// organisationRoutes adds an organisation's page and its actions under
// base, behind chain, which ends by choosing the organisation.
func organisationRoutes(app *fiber.App, p *admin.Pages, base string, chain ...fiber.Handler) {
	with := func(h fiber.Handler) []fiber.Handler { return append(append([]fiber.Handler{}, chain...), h) }
	app.Get(base, with(p.Organisation)...)
	app.Post(base+"/invitations", with(p.Invite)...)
	app.Post(base+"/invitations/:invitation/reissue", with(p.Reissue)...)
	app.Get(base+"/invitations/:invitation/revoke", with(p.ConfirmRevoke)...)
	app.Post(base+"/invitations/:invitation/revoke", with(p.Revoke)...)
	app.Get(base+"/members/:user/:action", with(p.ConfirmMemberChange)...)
	app.Post(base+"/members/:user/:action", with(p.ChangeMember)...)
}
