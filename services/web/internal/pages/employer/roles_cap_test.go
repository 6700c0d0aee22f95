package employer_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// TestRoleFormExplainsTheRoleCap: when the service refuses to open a role
// because the employer holds the most open roles of its job in the area,
// the form comes back with what was typed and a form-level alert naming
// the limit, in every language, not an error page.
func TestRoleFormExplainsTheRoleCap(t *testing.T) {
	t.Parallel()
	b, _, _ := webtest.EmployerSession(t)
	want := map[string]string{
		"en": "You already have 3 open roles for this job within 30 km of this place, the most allowed.",
		"nl": "U hebt al 3 open vacatures voor dit beroep binnen 30 km van deze plaats, het maximum.",
		"fr": "Vous avez déjà 3 offres ouvertes pour ce métier à moins de 30 km de ce lieu, le maximum autorisé.",
		"de": "Sie haben bereits 3 offene Stellen für diesen Beruf im Umkreis von 30 km um diesen Ort, das erlaubte Maximum.",
	}
	for _, lang := range webtest.Languages {
		b.Lang = lang
		form := baristaRole("open")
		form.Set("title", "Barista, the fourth")
		p := b.Submit("/roles/new", "/roles/new", form)
		p.MustBeAt(t, "/roles/new", http.StatusConflict)
		p.MustContain(t, `role="alert"`, want[lang], `value="Barista, the fourth"`)
	}
}

// TestReopeningPastTheRoleCapIsExplained: a paused role that would pass
// the cap when opened again gets the same explanation on its status page,
// not "changed meanwhile".
func TestReopeningPastTheRoleCapIsExplained(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista, the fourth", "paused")
	p := b.Submit("/home", "/roles/r1/status", url.Values{"status": {"open"}})
	p.MustBeAt(t, "/roles/r1/status", http.StatusConflict)
	p.MustContain(t, `role="alert"`, "You already have 3 open roles for this job within 30 km of this place, the most allowed.")
	p.MustNotContain(t, "changed meanwhile")
}
