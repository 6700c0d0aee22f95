// Package explore is the page where any signed-in user looks up the
// skills, occupations and places that matching knows: what a skill
// belongs to, what an occupation asks for, where a place is.
package explore

import (
	"embed"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

//go:embed templates/*.html
var templateFiles embed.FS

// Pages draws the explore page.
type Pages struct {
	kit  *kit.Kit
	tmpl kit.Templates
}

// New builds the explore page.
func New(k *kit.Kit) *Pages {
	return &Pages{kit: k, tmpl: k.Templates(templateFiles)}
}
