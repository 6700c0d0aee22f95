package launcher

import (
	"fmt"
	"net/http"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// TestTwoOfEverythingOnOneMachine runs two instances of every service
// against one Redis and one Mongo-wire server, the gateways taking turns
// over each service's instances and the test over the gateways, and drives
// the flows through them: an organisation and its members, a programme
// with consenting candidates and attested skills, an employer with roles
// opened, edited and closed, shortlists and suggestions, introductions
// asked, accepted and hired, a disclosure read, and an erasure. Then it
// checks that nothing was applied twice (one introduction per request,
// one notification per event, one placement per hire, one audit entry per
// disclosure and per read), nothing was lost (both matching
// instances index every consenting candidate and open role) and every
// stored shortlist and suggestion list equals a recomputation from
// scratch.
func TestTwoOfEverythingOnOneMachine(t *testing.T) {
	env := testEnviron(t, t.TempDir())
	redisURL, stopRedis, err := startMiniredis()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = stopRedis() })
	env["REDIS_URL"], env["ONWARD_INSTANCES"] = redisURL, "2"
	// The secrets are made here, as the launcher would, so the
	// recomputing matching instance gets them too.
	if err := os.MkdirAll(env["ONWARD_DATA_DIR"], 0o700); err != nil {
		t.Fatal(err)
	}
	secrets, err := loadSecrets(env["ONWARD_DATA_DIR"], env)
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range secrets {
		env[k] = v
	}
	p := start(t, env)
	urls := bannerURLs(t, p)
	for _, name := range []string{"web", "gateway", "employers", "candidates", "matching", "notifications", "placements", "insights"} {
		for _, instance := range []string{name, name + "-2"} {
			if urls[instance] == "" {
				t.Fatalf("the banner names no %s: %s", instance, p.console)
			}
			p.expectStatus(t, http.MethodGet, urls[instance]+"/readyz", nil, http.StatusOK)
		}
	}
	// Each web app serves its pages, its API calls taking turns over the gateways.
	for _, web := range []string{urls["web"], urls["web-2"]} {
		for range 2 {
			p.expectStatus(t, http.MethodGet, web+"/login", nil, http.StatusOK)
		}
	}

	// Every call of the test goes to the two gateways in turn.
	p.http = &http.Client{Timeout: 30 * time.Second, Transport: httpx.RoundRobinTransport{
		Bases: httpx.NewRoundRobin([]string{urls["gateway"], urls["gateway-2"]}), Next: p.http.Transport}}

	w := newFaultWorld(t, p)
	// A member joins the programme's organisation and works alongside.
	var me struct{ Organisation struct{ ID string } }
	w.staff.do("GET", "/api/v1/me", nil, http.StatusOK, &me)
	var inv api.Invitation
	w.staff.do("POST", "/api/v1/organisations/"+me.Organisation.ID+"/invitations", map[string]string{"email": fmt.Sprintf("member.%d@house.test", time.Now().UnixNano()), "role": "member"}, http.StatusCreated, &inv)
	anon := p.client(t, "")
	anon.do("POST", "/api/v1/invitations/"+inv.Token+"/accept", map[string]string{"name": "Joris Claes", "password": staffPassword}, http.StatusCreated, nil)
	var members struct{ Items []any }
	w.staff.do("GET", "/api/v1/organisations/"+me.Organisation.ID+"/members", nil, http.StatusOK, &members)
	if len(members.Items) != 2 {
		t.Errorf("the organisation has %d members, want the coach and the one who joined", len(members.Items))
	}

	// More candidates and roles; one role edited, one closed.
	for _, name := range []string{"Emiel", "Fien", "Gust", "Hanne"} {
		id, alias := registerBarista(t, w.staff, w.programme, name, 2+len(name)%3)
		w.candidates, w.aliases[id] = append(w.candidates, id), alias
	}
	for range 3 {
		var role struct{ ID string }
		w.employer.do("POST", "/api/v1/roles", baristaRole(1), http.StatusCreated, &role)
		w.roleIDs = append(w.roleIDs, role.ID)
	}
	edited, closed := w.roleIDs[2], w.roleIDs[3]
	w.employer.do("PATCH", "/api/v1/roles/"+edited, map[string]any{"version": version(w.employer, "/api/v1/roles/"+edited), "hours_per_week": 30}, http.StatusOK, nil)
	w.employer.do("POST", "/api/v1/roles/"+closed+"/status", map[string]any{"status": "closed", "version": version(w.employer, "/api/v1/roles/"+closed)}, http.StatusOK, nil)

	// Introductions: two asked and accepted, one of them hired.
	hired, other := w.seeded[3], w.seeded[2]
	meeting := map[string]any{"mode": "at_site", "windows": []any{map[string]any{
		"start": time.Now().Add(72 * time.Hour).UTC().Format(time.RFC3339), "end": time.Now().Add(73 * time.Hour).UTC().Format(time.RFC3339)}}}
	var intros []string
	for _, id := range []string{hired, other} {
		alias := w.aliases[id]
		card := cardOf(t, waitShortlist(t, w.employer, w.roleIDs[0], func(s api.Shortlist) bool { return slices.Contains(aliases(s), alias) }), alias)
		var intro api.Introduction
		w.employer.do("POST", "/api/v1/roles/"+w.roleIDs[0]+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "message": "Shall we meet?", "meeting": meeting}, http.StatusCreated, &intro)
		w.employer.do("POST", "/api/v1/roles/"+w.roleIDs[0]+"/introductions", map[string]any{"candidate_ref": card.CandidateRef, "meeting": meeting}, http.StatusConflict, nil)
		answer := map[string]any{"accept": true, "consent_text_version": "2026-12", "contact": "through_staff"}
		if id == other {
			answer = map[string]any{"accept": true, "consent_text_version": "2026-12", "disclose": []string{"phone"}, "contact": "direct"}
		}
		w.staff.do("POST", "/api/v1/introductions/"+intro.ID+"/answer", answer, http.StatusOK, nil)
		intros = append(intros, intro.ID)
	}
	// The employer reads the disclosure three times, through both gateways
	// and both candidates instances: three reads on the audit trail.
	var disclosed api.Introduction
	w.employer.do("GET", "/api/v1/introductions/"+intros[1], nil, http.StatusOK, &disclosed)
	if disclosed.DisclosureID == nil {
		t.Fatalf("the accepted introduction has no disclosure: %+v", disclosed)
	}
	for range 3 {
		w.employer.do("GET", "/api/v1/disclosures/"+*disclosed.DisclosureID, nil, http.StatusOK, nil)
	}
	start := time.Now().AddDate(0, 0, -200).Format(time.DateOnly)
	w.employer.do("POST", "/api/v1/introductions/"+intros[0]+"/outcome", map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": start, "contract": "permanent", "hours_per_week": 30}}, http.StatusOK, nil)
	w.employer.do("POST", "/api/v1/introductions/"+intros[0]+"/outcome", map[string]any{"outcome": "hired", "placement": map[string]any{"start_date": start, "contract": "permanent", "hours_per_week": 30}}, http.StatusConflict, nil)

	// An erasure.
	erased := w.candidates[len(w.candidates)-1]
	w.staff.do("DELETE", "/api/v1/candidates/"+erased, nil, http.StatusNoContent, nil)
	w.candidates = w.candidates[:len(w.candidates)-1]

	t.Run("nothing applied twice", func(t *testing.T) {
		for _, c := range []apiClient{w.employer, w.staff} {
			var page api.IntroductionPage
			c.do("GET", "/api/v1/introductions", nil, http.StatusOK, &page)
			var ids []string
			for _, it := range page.Items {
				ids = append(ids, it.ID)
			}
			slices.Sort(ids)
			if want := slices.Sorted(slices.Values(intros)); !slices.Equal(ids, want) {
				t.Errorf("introductions %v, want exactly the two asked %v", ids, want)
			}
		}
		var trail struct{ Items []api.AuditEntry }
		w.staff.do("GET", "/api/v1/candidates/"+other+"/audit", nil, http.StatusOK, &trail)
		actions := map[api.AuditEntryAction]int{}
		for _, e := range trail.Items {
			actions[e.Action]++
		}
		if actions["disclose"] != 1 || actions["read_disclosure"] != 3 {
			t.Errorf("the audit trail records %d grants and %d reads, want 1 and 3: %v", actions["disclose"], actions["read_disclosure"], actions)
		}
		var placements struct{ Items []any }
		w.staff.do("GET", "/api/v1/placements", nil, http.StatusOK, &placements)
		if len(placements.Items) != 1 {
			t.Errorf("%d placements, want the one hire", len(placements.Items))
		}
		// Staff are told of each request, the employer of each answer:
		// each event once, however many instances handled it.
		for _, c := range []apiClient{w.staff, w.employer} {
			var seen map[string]int
			for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
				seen = introductionNotices(c)
				if untold(seen, intros) == "" || time.Now().After(deadline) {
					break
				}
			}
			if id := untold(seen, intros); id != "" {
				t.Errorf("introduction %s was never notified: %v", id, seen)
			}
			for what, n := range seen {
				if n != 1 {
					t.Errorf("a notification was delivered %d times, want once: %s", n, what)
				}
			}
		}
	})

	t.Run("nothing lost", func(t *testing.T) {
		admin := p.client(t, login(t, p))
		var open int
		for _, id := range w.roleIDs {
			var role api.Role
			w.employer.do("GET", "/api/v1/roles/"+id, nil, http.StatusOK, &role)
			if role.Status == api.RoleStatusOpen {
				open++
			}
		}
		// The hired candidate is placed, so no longer matched.
		consenting := 0
		for _, id := range w.candidates {
			if id != hired && w.consentOf(t, id) {
				consenting++
			}
		}
		seen := map[string]api.MatchingStatus{}
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(200 * time.Millisecond) {
			var status api.MatchingStatus
			admin.do("GET", "/api/v1/matching/status", nil, http.StatusOK, &status)
			seen[status.Instance] = status
			done := len(seen) == 2
			for _, s := range seen {
				done = done && s.Roles == open && s.Candidates == consenting
			}
			if done {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the matching instances index %+v, want each %d open roles and %d consenting candidates", seen, open, consenting)
			}
		}
	})

	t.Run("every stored list equals a recomputation", func(t *testing.T) {
		w.listsConverge(t, p, redisURL)
	})
}

// introductionNotices counts c's introduction notifications by link and
// message: one event, one notification.
func introductionNotices(c apiClient) map[string]int {
	var notes api.NotificationPage
	c.do("GET", "/api/v1/notifications?limit=100", nil, http.StatusOK, &notes)
	out := map[string]int{}
	for _, n := range notes.Items {
		if n.Kind == "introductions" {
			out[n.Link+" "+n.Message]++
		}
	}
	return out
}

// untold is an introduction of intros with no notification in seen ("" if
// every one has one).
func untold(seen map[string]int, intros []string) string {
	for _, id := range intros {
		told := false
		for what := range seen {
			told = told || strings.HasPrefix(what, "/introductions/"+id+" ")
		}
		if !told {
			return id
		}
	}
	return ""
}

// bannerURLs are the services' addresses as the banner names them,
// "gateway-2" for the gateway's second instance.
func bannerURLs(t *testing.T, p *platform) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, line := range strings.Split(p.console.String(), "\n") {
		list, ok := strings.CutPrefix(strings.TrimSpace(line), "Services")
		if !ok {
			continue
		}
		for _, entry := range strings.Split(list, ",") {
			if name, url, ok := strings.Cut(strings.TrimSpace(entry), " "); ok {
				out[name] = url
			}
		}
	}
	return out
}
