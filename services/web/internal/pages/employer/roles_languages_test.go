package employer_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestRoleFormAsksForLanguagesWithACEFRLevel(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)

	// The details step offers the languages and the levels, explained.
	p := b.Get("/roles/new?step=details&blank=1")
	p.MustContain(t, "No languages yet.", `name="new_lang_code"`, `<option value="nl">Dutch</option>`, `<option value="ar">Arabic</option>`,
		`<option value="B1" selected>B1 · copes with most situations at work</option>`)

	// "Add this language" adds a row; a language already asked for is not added twice.
	form := baristaRole("add_language")
	form.Set("new_lang_code", "nl")
	form.Set("new_lang_level", "B2")
	p = b.Submit("/roles/new", "/roles/new", form)
	p.MustContain(t, `id="lang_code_0"`, `<option value="nl" selected>Dutch</option>`, `<option value="B2" selected>B2 ·`, `value="lang:0"`)
	form.Del("new_lang_code")
	form["lang_code"], form["lang_level"] = []string{"nl", "en"}, []string{"B2", "A2"}
	form.Set("new_lang_code", "en")
	p = b.Submit("/roles/new", "/roles/new", form)
	if strings.Contains(p.Body, `id="lang_code_2"`) {
		t.Error("a language already on the role was added again")
	}

	// "Remove" drops its row.
	form.Del("new_lang_code")
	form.Set("remove", "lang:0")
	p = b.Submit("/roles/new", "/roles/new", form)
	if strings.Contains(p.Body, `<option value="nl" selected>Dutch</option>`) || !strings.Contains(p.Body, `<option value="en" selected>English</option>`) {
		t.Errorf("removing Dutch left the wrong rows:\n%s", p.Body)
	}
	form.Del("remove")

	// The review names them, and they are posted in the API's shape.
	form.Set("action", "review")
	review := b.Submit("/roles/new", "/roles/new", form)
	review.MustContain(t, "Dutch B2, English A2", `type="hidden" name="lang_code" value="en"`, `type="hidden" name="lang_level" value="A2"`)
	form.Set("action", "open")
	b.Submit("/roles/new", "/roles/new", form).MustBeAt(t, "/home", http.StatusOK)
	got, _ := json.Marshal(e.Last(t, http.MethodPost, "/api/v1/roles").Body["languages"])
	if want := `[{"code":"nl","min_level":"B2"},{"code":"en","min_level":"A2"}]`; string(got) != want {
		t.Errorf("languages posted = %s, want %s", got, want)
	}

	// The role page shows them.
	b.Get("/roles/r1").MustContain(t, "Languages", "Dutch B2, English A2")

	// The service's complaint about one row shows next to that row.
	form.Set("title", "Barista, fluent")
	p = b.Submit("/roles/new", "/roles/new", form)
	p.MustBeAt(t, "/roles/new", http.StatusUnprocessableEntity)
	p.MustContain(t, `href="#lang_level_1"`, `aria-describedby="lang_level_1-error"`)
	if got := fieldError(t, p.Body, "lang_level_1"); !strings.Contains(got, "level from A1 to C2") {
		t.Errorf("lang_level_1 error = %q", got)
	}
	if strings.Contains(p.Body, `id="lang_level_0-error"`) {
		t.Error("the error also shows next to the first row")
	}
}

func TestRoleEditKeepsTheLanguages(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)
	e.AddRole("r1", "Barista", "open")
	e.Lock()
	e.Roles["r1"]["languages"] = []any{map[string]any{"code": "fr", "min_level": "A2"}}
	e.Unlock()
	p := b.Get("/roles/r1/edit")
	p.MustContain(t, `<option value="fr" selected>French</option>`, `<option value="A2" selected>A2 ·`)

	form := baristaRole("save")
	form.Set("version", "1")
	b.Submit("/roles/r1/edit", "/roles/r1/edit", form).MustBeAt(t, "/home", http.StatusOK)
	// A role without languages sends an empty list, so an edit can remove the last one.
	if got, _ := json.Marshal(e.Last(t, http.MethodPatch, "/api/v1/roles/r1").Body["languages"]); string(got) != "[]" {
		t.Errorf("languages sent = %s, want []", got)
	}
}
