// Package staff holds the pages of programme staff: the members and
// organisation administrators of a programme organisation, who register
// the candidates their organisation works with, record their programmes,
// hours, skills and certificates, correct what was entered wrongly, and
// see the roles that fit each candidate. Platform administrators share
// only the role browser (/roles). Employers never see these pages; the
// candidates service checks the same rule on every call and decides which
// candidates each person sees.
package staff

import (
	"embed"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Locales are the staff pages' messages: the staff.* and corrections.*
// families in every language.
//
//go:embed locales/*.json
var Locales embed.FS

// Pages are the staff pages' handlers.
type Pages struct {
	kit  *kit.Kit
	tmpl kit.Templates
}

// New builds the staff pages on the kit.
func New(k *kit.Kit) *Pages {
	return &Pages{kit: k, tmpl: k.Templates(templateFiles)}
}
