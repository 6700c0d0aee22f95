package employer_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestRoleFormTakesShifts(t *testing.T) {
	t.Parallel()
	b, e, _ := webtest.EmployerSession(t)

	b.Get("/roles/new?step=details&blank=1").MustContain(t, `name="schedule_kind" value="days" checked`, "No shifts yet.", `name="new_shift_day"`)

	// "Add this shift" adds a row; "Remove" drops one.
	form := baristaRole("add_shift")
	form.Set("schedule_kind", "shifts")
	form.Set("new_shift_day", "mon")
	form.Set("new_shift_start", "06:00")
	form.Set("new_shift_end", "14:00")
	p := b.Submit("/roles/new", "/roles/new", form)
	p.MustContain(t, `name="schedule_kind" value="shifts" checked`, `id="shift_day_0"`, `<option value="mon" selected>Monday</option>`,
		`name="shift_start" id="shift_start_0" type="time" value="06:00"`, `value="shift:0"`)
	for _, k := range []string{"new_shift_day", "new_shift_start", "new_shift_end"} {
		form.Del(k)
	}
	form["shift_day"], form["shift_start"], form["shift_end"] = []string{"mon", "sat", "tue"}, []string{"06:00", "10:00", "14:00"}, []string{"14:00", "16:00", "22:00"}
	form.Set("remove", "shift:1")
	p = b.Submit("/roles/new", "/roles/new", form)
	if strings.Contains(p.Body, `<option value="sat" selected>`) || !strings.Contains(p.Body, `<option value="tue" selected>Tuesday</option>`) {
		t.Errorf("removing the Saturday shift left the wrong rows:\n%s", p.Body)
	}
	form.Del("remove")
	form["shift_day"], form["shift_start"], form["shift_end"] = []string{"mon", "tue"}, []string{"06:00", "14:00"}, []string{"14:00", "22:00"}

	// The review shows the shifts, and they are posted in the API's shape
	// instead of the days.
	form.Set("action", "review")
	b.Submit("/roles/new", "/roles/new", form).MustContain(t, "Monday 06:00–14:00, Tuesday 14:00–22:00", `type="hidden" name="schedule_kind" value="shifts"`)
	form.Set("action", "open")
	b.Submit("/roles/new", "/roles/new", form).MustBeAt(t, "/home", http.StatusOK)
	got, _ := json.Marshal(e.Last(t, http.MethodPost, "/api/v1/roles").Body["schedule"])
	if want := `{"shifts":[{"day":"mon","end":"14:00","start":"06:00"},{"day":"tue","end":"22:00","start":"14:00"}]}`; string(got) != want {
		t.Errorf("schedule posted = %s, want %s", got, want)
	}

	// Editing the role starts with its shifts.
	b.Get("/roles/r1/edit").MustContain(t, `name="schedule_kind" value="shifts" checked`, `name="shift_start" id="shift_start_1" type="time" value="14:00"`)

	// The service's complaint about one shift shows next to it.
	form.Set("title", "Barista, night")
	p = b.Submit("/roles/new", "/roles/new", form)
	p.MustBeAt(t, "/roles/new", http.StatusUnprocessableEntity)
	p.MustContain(t, `href="#shift_start_1"`)
	if got := fieldError(t, p.Body, "shift_start_1"); !strings.Contains(got, "must end after it starts") {
		t.Errorf("shift_start_1 error = %q", got)
	}
}
