package kit

import (
	"bytes"
	"fmt"
	"html/template"

	"github.com/gofiber/fiber/v2"
)

// A Panel is one audience's part of a page that several audiences share,
// such as the home page: the account package draws the page and each
// audience's package draws its panel with its own templates and data. The
// route table hands the panels to the page, so no page package imports
// another. A panel may read v.Flash and set v.Alert or v.Notice, which the
// page shows above the panels. It returns "" when it has nothing for the
// signed-in actor.
type Panel func(c *fiber.Ctx, v *View) (template.HTML, error)

// Fragment executes the template named block, defined in page's file or a
// partial, with v: a Panel's HTML.
func (t Templates) Fragment(page, block string, v *View) (template.HTML, error) {
	tmpl, ok := t.byName[page]
	if !ok {
		return "", fmt.Errorf("web: no page %q", page)
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, block, v); err != nil {
		return "", fmt.Errorf("web: render %s/%s: %w", page, block, err)
	}
	return template.HTML(buf.String()), nil //nolint:gosec // html/template output, escaped as it was executed.
}
