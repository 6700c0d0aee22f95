// Package account holds the pages everyone meets before and just after
// signing in: the landing page, sign-up, sign-in and sign-out, accepting
// an invitation, and the home page with its invitation form. The home page
// is shared by every audience: it draws the welcome, the result of the
// last form and what comes next, and shows the panels other audiences'
// packages hand it through the route table (an employer's roles, an
// administrator's organisations).
package account

import (
	"embed"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the account pages' own messages (locales/account.*.json);
// the rest of their words are the kit's.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages draws the account pages.
type Pages struct {
	kit  *kit.Kit
	tmpl kit.Templates
	// panels are the other audiences' parts of the home page, in the
	// order they are shown.
	panels []kit.Panel
}

// New builds the account pages; panels are the other audiences' parts of
// the home page.
func New(k *kit.Kit, panels ...kit.Panel) *Pages {
	return &Pages{kit: k, tmpl: k.Templates(templateFiles), panels: panels}
}
