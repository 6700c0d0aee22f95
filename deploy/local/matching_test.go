package launcher

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// gent is a place id from the embedded gazetteer, about 45 km from Kortrijk.
const gent = "2797656"

// newEmployer signs an employer up through the gateway and returns its
// e-mail and a client with its token.
// The platform administrator verifies it, so it may open roles.
func newEmployer(t testing.TB, p *platform, name string) (string, apiClient) {
	t.Helper()
	anon := p.client(t, "")
	email := fmt.Sprintf("owner.%d@%s.test", time.Now().UnixNano(), strings.ToLower(strings.ReplaceAll(name, " ", "")))
	anon.do("POST", "/api/v1/auth/signup", map[string]string{"organisation_name": name, "name": "Ana Peeters", "email": email, "password": staffPassword}, http.StatusAccepted, nil)
	var tokens api.Tokens
	anon.do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": staffPassword}, http.StatusOK, &tokens)
	employer := p.client(t, tokens.AccessToken)
	verifyEmployer(t, p, employer)
	return email, employer
}

// registerBarista registers a consenting candidate in the Kortrijk house
// with espresso at level, attested in programme.
func registerBarista(t testing.TB, staff apiClient, programme, given string, level int) (id, alias string) {
	t.Helper()
	body := map[string]any{}
	for k, v := range jan {
		body[k] = v
	}
	body["given_name"], body["family_name"] = given, "Vermeulen"
	body["email"] = strings.ToLower(given) + ".vermeulen@example.org"
	body["day_release"] = map[string]any{"eligible_from": time.Now().UTC().AddDate(0, 0, -7).Format(time.DateOnly), "days": []string{"mon", "tue", "wed", "thu", "fri"}, "start": "06:00", "end": "20:00", "max_commute_km": 60}
	var c struct{ ID, Alias string }
	staff.do("POST", "/api/v1/candidates", body, http.StatusCreated, &c)
	staff.do("POST", "/api/v1/candidates/"+c.ID+"/skills", map[string]any{"skill": "espresso-preparation", "level": level, "hours": 400, "programme": programme}, http.StatusCreated, nil)
	staff.do("PUT", "/api/v1/candidates/"+c.ID+"/consent", map[string]any{"matching": true, "text_version": "2026-11"}, http.StatusOK, nil)
	return c.ID, c.Alias
}

// aliases are the aliases on a shortlist, in its order.
func aliases(s api.Shortlist) []string {
	var out []string
	for _, it := range s.Items {
		out = append(out, it.Alias)
	}
	return out
}

// waitShortlist polls the role's shortlist until ok accepts it, and fails
// after ten seconds with the last answer.
func waitShortlist(t testing.TB, employer apiClient, roleID string, ok func(api.Shortlist) bool) api.Shortlist {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	var last api.Shortlist
	var raw []byte
	for time.Now().Before(deadline) {
		req, _ := http.NewRequest("GET", employer.base+"/api/v1/roles/"+roleID+"/shortlist", nil)
		req.Header.Set("Authorization", "Bearer "+employer.token)
		resp, err := employer.http.Do(req)
		if err == nil {
			raw, _ = io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == http.StatusOK && json.Unmarshal(raw, &last) == nil && ok(last) {
				return last
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("the shortlist of %s never became as expected; last answer: %s", roleID, raw)
	return last
}

// TestMatchingAcrossThePlatform runs the whole platform: staff register
// consenting candidates, an employer opens a role, and the shortlist read
// through the gateway ranks them with pseudonymous cards and no name,
// contact or house; staff see the role among the candidate's suggestions;
// withdrawal and erasure take the candidate out of the shortlist within
// seconds, and after erasure no database holds the candidate's id.
func TestMatchingAcrossThePlatform(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	env["REDIS_URL"] = testkit.RedisURL(t)
	env["CANDIDATES_STREAM"] = testkit.UniqueName(t, "candidates")
	env["EMPLOYERS_ROLES_STREAM"] = testkit.UniqueName(t, "roles")
	env["EMPLOYERS_PROFILES_STREAM"] = testkit.UniqueName(t, "profiles")
	p := start(t, env)
	_, staff := newProgrammeOrg(t, p, "Transitiehuis Kortrijk")
	var prog struct{ ID string }
	staff.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebar", "kind": "coffee_roastery", "site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	annID, annAlias := registerBarista(t, staff, prog.ID, "Annelies", 4)
	bertID, bertAlias := registerBarista(t, staff, prog.ID, "Bartholomeus", 3)
	_, cleoAlias := registerBarista(t, staff, prog.ID, "Cleopatra", 2)

	_, employer := newEmployer(t, p, "Koffiebar De Brug")
	var role struct{ ID string }
	employer.do("POST", "/api/v1/roles", map[string]any{
		"title": "Barista", "description": "Morning shifts.", "sector": "I", "site": map[string]any{"place_id": kortrijk},
		"essential_skills": []any{map[string]any{"skill": "espresso-preparation", "min_level": 2}},
		"schedule":         map[string]any{"days": []string{"mon", "tue", "wed"}, "start": "07:00", "end": "15:00"},
		"hours_per_week":   24, "contract": "permanent", "start_asap": true, "day_release_ok": true, "status": "open",
	}, http.StatusCreated, &role)

	got := waitShortlist(t, employer, role.ID, func(s api.Shortlist) bool { return len(s.Items) == 3 })
	if a := aliases(got); a[0] != annAlias || a[1] != bertAlias || a[2] != cleoAlias {
		t.Errorf("shortlist order %v, want the higher espresso levels first: %s, %s, %s", a, annAlias, bertAlias, cleoAlias)
	}
	raw := employer.do("GET", "/api/v1/roles/"+role.ID+"/shortlist", nil, http.StatusOK, nil)
	for _, leak := range []string{"Annelies", "Vermeulen", "annelies.vermeulen", "+32 470 91 82 73", "1988-07-14", annID, bertID, kortrijk + `"`} {
		if strings.Contains(string(raw), leak) {
			t.Errorf("the employer's shortlist contains %q", leak)
		}
	}

	// Suggestions follow a role change within seconds.
	var sugg struct {
		Items []struct {
			RoleID string `json:"role_id"`
		} `json:"items"`
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		staff.do("GET", "/api/v1/candidates/"+annID+"/suggestions", nil, http.StatusOK, &sugg)
		if len(sugg.Items) > 0 && sugg.Items[0].RoleID == role.ID {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("staff never saw the role among the candidate's suggestions: %+v", sugg)
		}
	}
	_, stranger := newEmployer(t, p, "Andere Zaak")
	stranger.do("GET", "/api/v1/roles/"+role.ID+"/shortlist", nil, http.StatusNotFound, nil)
	staff.do("GET", "/api/v1/roles/"+role.ID+"/shortlist", nil, http.StatusForbidden, nil)
	employer.do("GET", "/api/v1/candidates/"+annID+"/suggestions", nil, http.StatusForbidden, nil)

	// Withdrawal, then erasure, each leave the shortlist within seconds.
	staff.do("PUT", "/api/v1/candidates/"+annID+"/consent", map[string]any{"matching": false, "text_version": "2026-11"}, http.StatusOK, nil)
	waitShortlist(t, employer, role.ID, func(s api.Shortlist) bool { return len(s.Items) == 2 && !slices.Contains(aliases(s), annAlias) })
	staff.do("DELETE", "/api/v1/candidates/"+bertID, nil, http.StatusNoContent, nil)
	waitShortlist(t, employer, role.ID, func(s api.Shortlist) bool { return len(s.Items) == 1 && s.Items[0].Alias == cleoAlias })
	stores := openStores(t, p)
	stores.awaitInsightsForgets(t, bertID)
	stores.mustNotHold(t, []string{bertID, "Bartholomeus"}, []string{`"` + bertAlias + `"`})
}
