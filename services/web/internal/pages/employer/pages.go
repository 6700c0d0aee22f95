// Package employer holds the pages of an employer's staff: the employer's
// profile, the role form in its steps with its review and wording check,
// a role's page (which programme staff and administrators also read), the
// role's status changes with their confirmations, a role's shortlist of
// pseudonymous candidates, and the employer's panel on the home page.
//
// Every page reads the form, calls the gateway's public API with the
// user's own token and chooses a template; the employers and matching
// services behind the API decide what the user may see and change.
package employer

import (
	"embed"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the employer pages' messages (the employer.* family), for
// the kit's bundle.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages draws the employer's pages. Build it with New.
type Pages struct {
	kit       *kit.Kit
	templates kit.Templates
}

// New builds the employer's pages on the kit.
func New(k *kit.Kit) *Pages {
	return &Pages{kit: k, templates: k.Templates(templateFiles)}
}

// RoleReaders lets through everyone who may read a role's page: its
// employer's staff, programme staff and platform administrators. The
// employers service decides which roles each of them sees.
func RoleReaders(a kit.Actor) bool { return a.IsAdmin() || a.IsProgrammeStaff() || a.IsEmployer() }

// ShortlistReaders lets employers and platform administrators through to
// a shortlist, as the API does; programme staff get the forbidden page
// without a call.
func ShortlistReaders(a kit.Actor) bool { return a.IsAdmin() || a.IsEmployer() }
