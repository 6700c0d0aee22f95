// Package kit is what every page of the web app shares, and nothing of any
// one page: rendering through a layout, sessions kept in Redis, CSRF
// protection, messages in four languages with dates and numbers in the
// reader's locale, the flash and notice carried across a redirect, the
// error pages, the picker for skills, occupations and places, the match
// cards and explanations that employers and staff both read, the embedded
// assets, and the client of the gateway's public /api/v1, generated from
// docs/openapi.yaml.
//
// The page packages (internal/pages/...) import the kit and never each
// other; the route table (internal/app) wires them together. A page calls
// the API with the signed-in user's own token: the gateway and the
// services behind it decide what the user may see and change.
package kit

import (
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"
	"github.com/redis/go-redis/v9"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// Roles and organisation kinds as the gateway's API spells them.
const (
	RoleAdmin    = "admin"
	RoleOrgAdmin = "org_admin"
	RoleMember   = "member"
	// RoleCandidate is a candidate's own account, which names one
	// candidate record and no organisation.
	RoleCandidate = "candidate"

	KindEmployer  = "employer"
	KindProgramme = "programme"
	KindObserver  = "observer"
)

// Deps are what the kit needs.
type Deps struct {
	Logger *slog.Logger
	// Redis keeps the sessions; SessionPrefix names their keys.
	Redis         redis.UniversalClient
	SessionPrefix string
	// PublicURL is the web app's address as users reach it
	// (ONWARD_PUBLIC_URL); invitation links are built from it, never from
	// the request's Host header.
	PublicURL string
	// APIURL is the gateway's base address, or a comma-separated list of
	// every gateway's: every call goes to a public /api/v1, taking turns.
	APIURL string
	// CSRFKey (WEB_CSRF_KEY) keys the HMAC that binds a signed-in form's
	// CSRF token to its session.
	CSRFKey string
	// Locales are the page packages' message files (locales/*.json), read
	// with the kit's own into one bundle.
	Locales []fs.FS
}

// Kit holds what the pages share. Build it once with New.
type Kit struct {
	Logger *slog.Logger
	// PublicURL prefixes the links shown to be copied, such as an
	// invitation's.
	PublicURL string
	// APIURL is the (first) gateway's base address; APITransport sends
	// a request built with it to each gateway in turn.
	APIURL       string
	APITransport http.RoundTripper
	// API is the gateway's public API; call it with Ctx(c), which carries
	// the signed-in user's token. Any answer but a 2xx comes back as an
	// error (a *Problem for a 400 or 409), so a call without an error has
	// its JSON200 or JSON201 set.
	API *api.ClientWithResponses
	// RawAPI is the same API without the response parsers, for answers to
	// stream through (a candidate's export).
	RawAPI   *api.Client
	sessions *sessionStore
	// csrfKey keys the session-bound CSRF tokens; origin is the public
	// URL's origin, the only one a form may be posted from; secure is
	// whether the public URL is https, which makes every cookie Secure.
	csrfKey []byte
	origin  string
	secure  bool
	i18n    *translator
	assets  assets
	// own are the kit's own pages: the message page.
	own Templates
}

// New builds the kit. It panics on a broken template, message file or
// asset, which are embedded and so fail at start, not on a user's request.
func New(d Deps) *Kit {
	logger := d.Logger
	if logger == nil {
		logger = slog.Default()
	}
	apiURL, transport := gateways(d.APIURL)
	typed, raw := newAPI(apiURL, transport)
	k := &Kit{
		Logger: logger, PublicURL: d.PublicURL, APIURL: apiURL, APITransport: transport, API: typed, RawAPI: raw,
		sessions: &sessionStore{redis: d.Redis, prefix: d.SessionPrefix, api: typed, now: time.Now},
		csrfKey:  []byte(d.CSRFKey), origin: originOf(d.PublicURL), secure: strings.HasPrefix(strings.ToLower(d.PublicURL), "https://"),
		i18n: mustLoadTranslator(d.Locales...), assets: mustLoadAssets(),
	}
	k.own = k.Templates(templateFiles)
	return k
}

// Guard is middleware that lets an actor through or answers with the
// forbidden page.
func (k *Kit) Guard(allowed func(Actor) bool) fiber.Handler {
	return func(c *fiber.Ctx) error {
		if !allowed(ActorOf(c)) {
			return k.ErrorPage(c, errs.Forbidden)
		}
		return c.Next()
	}
}

// Employers lets employers' staff through.
func Employers(a Actor) bool { return a.IsEmployer() }

// Staff lets programme staff and platform administrators through: those who
// may browse every employer's open roles.
func Staff(a Actor) bool { return a.IsAdmin() || a.IsProgrammeStaff() }

// ProgrammeStaff lets the staff of programme organisations through, whose
// organisations hold candidates: employers and platform administrators get
// the forbidden page. Every programme and candidate page passes it.
func ProgrammeStaff(a Actor) bool { return a.IsProgrammeStaff() }

// ProgrammeAdmins lets the administrator of a programme organisation
// through, for erasure and the audit trail, as the candidates service
// rules; the pages refuse others before asking it.
func ProgrammeAdmins(a Actor) bool { return a.IsProgrammeStaff() && a.IsOrgAdmin() }

// Admins lets platform administrators through.
func Admins(a Actor) bool { return a.IsAdmin() }

// OrgAdmins lets the administrators of an organisation through.
func OrgAdmins(a Actor) bool { return a.IsOrgAdmin() }

// Candidates lets candidates signed in to their own account through.
func Candidates(a Actor) bool { return a.IsCandidate() }

// Members lets everyone but a candidate through: the pages every member
// of an organisation shares (home, the inbox, explore). A candidate has
// pages of their own under /me and never sees these.
func Members(a Actor) bool { return !a.IsCandidate() }
