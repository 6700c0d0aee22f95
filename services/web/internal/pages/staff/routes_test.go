package staff_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// staffPages are the addresses of every programme and candidate page of
// the package, with the method each answers, as the route table
// (internal/app/routes_staff.go) lists them.
var staffPages = []struct{ method, path string }{
	{http.MethodGet, "/programmes"}, {http.MethodGet, "/programmes/new"}, {http.MethodPost, "/programmes/new"},
	{http.MethodGet, "/programmes/p1"}, {http.MethodGet, "/programmes/p1/edit"}, {http.MethodPost, "/programmes/p1/edit"},
	{http.MethodGet, "/candidates"}, {http.MethodGet, "/candidates/new"}, {http.MethodPost, "/candidates/new"},
	{http.MethodGet, "/candidates/c1"}, {http.MethodGet, "/candidates/c1/edit"}, {http.MethodPost, "/candidates/c1/edit"},
	{http.MethodGet, "/candidates/c1/certificates/new"}, {http.MethodPost, "/candidates/c1/certificates/new"},
	{http.MethodGet, "/candidates/c1/register/hours"}, {http.MethodPost, "/candidates/c1/register/hours"},
	{http.MethodGet, "/candidates/c1/register/consent"}, {http.MethodPost, "/candidates/c1/register/consent"},
	{http.MethodGet, "/candidates/c1/suggestions"},
	{http.MethodGet, "/candidates/c1/records/r1/edit"}, {http.MethodPost, "/candidates/c1/records/r1/edit"},
	{http.MethodGet, "/candidates/c1/records/r1/remove"}, {http.MethodPost, "/candidates/c1/records/r1/remove"},
	{http.MethodGet, "/candidates/c1/certificates/x1/edit"}, {http.MethodPost, "/candidates/c1/certificates/x1/edit"},
	{http.MethodGet, "/candidates/c1/certificates/x1/remove"}, {http.MethodPost, "/candidates/c1/certificates/x1/remove"},
	{http.MethodGet, "/candidates/c1/attestations/a1/revoke"}, {http.MethodPost, "/candidates/c1/attestations/a1/revoke"},
}

// TestEveryCandidateRoutePassesTheOneStaffGuard: every programme and
// candidate page of the package, read or sent, refuses an employer and a
// platform administrator with the forbidden page before the candidates
// service is asked, and lets programme staff through.
func TestEveryCandidateRoutePassesTheOneStaffGuard(t *testing.T) {
	t.Parallel()
	g, k := webtest.StaffGateway(t)
	employer := webtest.NewBrowser(t, g)
	employer.SignUp("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	admin := webtest.NewBrowser(t, g)
	admin.Submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).MustBeAt(t, "/home", http.StatusOK)
	for _, b := range []*webtest.Browser{employer, admin} {
		for _, page := range staffPages {
			var p webtest.Page
			if page.method == http.MethodGet {
				p = b.Get(page.path)
			} else {
				p = b.Submit("/home", page.path, url.Values{"action": {"save"}})
			}
			if p.Status != http.StatusForbidden || !strings.Contains(p.Body, "Not available for your account") {
				t.Errorf("%s %s answered %d, want the forbidden page", page.method, page.path, p.Status)
			}
		}
	}
	if seen := k.Seen(); len(seen) != 0 {
		t.Errorf("the candidates service was asked %d times for refused pages", len(seen))
	}

	coach := webtest.ProgrammeAdmin(t, g)
	for _, page := range staffPages {
		if page.method != http.MethodGet {
			continue
		}
		if p := coach.Get(page.path); p.Status == http.StatusForbidden {
			t.Errorf("GET %s refuses programme staff", page.path)
		}
	}
}
