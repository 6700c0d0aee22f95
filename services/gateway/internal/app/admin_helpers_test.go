package app_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/gateway/internal/gatewaytest"
)

// newProgramme has the administrator create a programme organisation and
// returns its id.
func newProgramme(t *testing.T, g *gatewaytest.Gateway, admin, name string) string {
	t.Helper()
	return call(t, g, "POST", "/api/v1/organisations", admin, map[string]string{"name": name, "kind": "programme", "programme_type": "detention_house"}).
		expect(t, http.StatusCreated).str("id")
}

// join invites email into orgID with role (inviter being its org_admin
// or the administrator), accepts, and returns the new user's id.
func join(t *testing.T, g *gatewaytest.Gateway, inviter, orgID, email, role string) string {
	t.Helper()
	token := call(t, g, "POST", "/api/v1/organisations/"+orgID+"/invitations", inviter, map[string]string{"email": email, "role": role}).
		expect(t, http.StatusCreated).str("token")
	return call(t, g, "POST", "/api/v1/invitations/"+token+"/accept", "", map[string]string{"name": "Person " + strings.Split(email, "@")[0], "password": strongPassword}).
		expect(t, http.StatusCreated).str("user.id")
}

// items returns the items of a list answer as objects.
func (r apiResponse) items() []map[string]any {
	var out []map[string]any
	list, _ := r.Body["items"].([]any)
	for _, it := range list {
		if m, ok := it.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// names lists one string field of every item.
func (r apiResponse) names(field string) []string {
	var out []string
	for _, it := range r.items() {
		s, _ := it[field].(string)
		out = append(out, s)
	}
	return out
}

// sameInstant reports whether two RFC 3339 timestamps name the same
// millisecond, the precision MongoDB stores.
func sameInstant(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339Nano, a)
	tb, errB := time.Parse(time.RFC3339Nano, b)
	return errA == nil && errB == nil && ta.Truncate(time.Millisecond).Equal(tb.Truncate(time.Millisecond))
}
