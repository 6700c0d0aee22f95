package site

import (
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
)

// handlerName names a handler by its function, so a route's chain can be
// compared with the guards.
func handlerName(h fiber.Handler) string {
	return runtime.FuncForPC(reflect.ValueOf(h).Pointer()).Name()
}

// TestEveryCandidateRoutePassesTheOneStaffGuard: every programme and
// candidate page, the staff pages' and the portfolio pages' alike, runs
// programmeStaffOnly and no other guard of its own; erasure and the audit
// trail, and only they, also run programmeAdminOnly. A page added later
// cannot forget the guard or bring a copy.
func TestEveryCandidateRoutePassesTheOneStaffGuard(t *testing.T) {
	app := fiber.New()
	Register(app, Deps{})
	s := &site{}
	staff, admin := handlerName(s.programmeStaffOnly), handlerName(s.programmeAdminOnly)
	adminPages := []string{"/candidates/:id/erase", "/candidates/:id/audit"}
	checked := 0
	for _, r := range app.GetRoutes(true) {
		if !strings.HasPrefix(r.Path, "/candidates") && !strings.HasPrefix(r.Path, "/programmes") {
			continue
		}
		checked++
		var guards []string
		for _, h := range r.Handlers {
			if name := handlerName(h); strings.HasSuffix(name, "Only-fm") {
				guards = append(guards, name)
			}
		}
		want := []string{staff}
		if slices.Contains(adminPages, r.Path) {
			want = append(want, admin)
		}
		if !slices.Equal(guards, want) {
			t.Errorf("%s %s runs the guards %v, want %v", r.Method, r.Path, guards, want)
		}
	}
	if checked < 30 {
		t.Fatalf("checked only %d candidate and programme routes; is the walk broken?", checked)
	}
}
