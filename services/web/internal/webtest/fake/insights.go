package fake

import (
	"encoding/base64"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/onward-jobs/onward/pkg/api"
)

// Insights stands in for the insights service's public API as
// docs/openapi.yaml describes it: the outcomes report
// (getOutcomesReport, JSON and CSV, insights_report.go) and the sharing of
// reports with observers (listInsightsShares, grantInsightsShare,
// revokeInsightsShare). It scopes every answer by the caller's token as
// the contract rules: a programme organisation's admins read their own
// organisation's report and manage its sharing, platform admins read
// every report and the whole platform's, observers read the
// organisations that share with them; anyone else is 403, and another
// organisation's report or programme 404.
//
// What the real service learns from the gateway and the candidates
// service is set by the test: the organisations it knows with their kind
// (AddOrg), each programme's organisation (AddProgramme), the employers of
// the platform's table (Employers) and the scopes whose report is
// withheld (Withheld). A test that changes the exported fields holds the
// fake's lock (Set).
type Insights struct {
	*httptest.Server
	mu   sync.Mutex
	seen []Request
	// Orgs are the organisations the fake knows, by id.
	Orgs map[string]Org
	// Programmes are each programme's organisation, by programme id.
	Programmes map[string]string
	// Employers are the employer organisations of the platform's
	// per-employer table; without them it shows two the gateway does not
	// know.
	Employers []string
	// Withheld are the organisations and programmes whose report the
	// service could not prove safe: every count reads not_shown.
	Withheld map[string]bool
	// Now is the fake's clock: the default last month and as_of.
	Now    func() time.Time
	shares []share // newest first
}

// Org is an organisation as the fake knows it: its name and kind
// (programme or observer).
type Org struct{ Name, Kind string }

// share is one programme organisation sharing its reports with an
// observer.
type share struct {
	org, observer, grantedBy string
	grantedAt                time.Time
}

// NewInsights starts the fake, knowing no organisation, until the test
// ends.
func NewInsights(t testing.TB) *Insights {
	t.Helper()
	f := &Insights{Orgs: map[string]Org{}, Programmes: map[string]string{}, Withheld: map[string]bool{}, Now: time.Now}
	f.Server = httptest.NewServer(http.HandlerFunc(f.serve))
	t.Cleanup(f.Close)
	return f
}

// Set runs fn with the fake locked, to change what it answers.
func (f *Insights) Set(fn func(f *Insights)) {
	f.mu.Lock()
	defer f.mu.Unlock()
	fn(f)
}

// AddOrg makes an organisation known, with its name and kind.
func (f *Insights) AddOrg(id, name, kind string) {
	f.Set(func(f *Insights) { f.Orgs[id] = Org{Name: name, Kind: kind} })
}

// AddProgramme makes a programme of the organisation org known.
func (f *Insights) AddProgramme(id, org string) {
	f.Set(func(f *Insights) { f.Programmes[id] = org })
}

// Share records that org shares its reports with observer, as if its
// admin had granted it at.
func (f *Insights) Share(org, observer string, at time.Time) {
	f.Set(func(f *Insights) {
		f.shares = slices.Insert(f.shares, 0, share{org: org, observer: observer, grantedBy: "u-seed", grantedAt: at})
	})
}

// SharedWith returns the observers org shares with, newest first.
func (f *Insights) SharedWith(org string) []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []string
	for _, s := range f.shares {
		if s.org == org {
			out = append(out, s.observer)
		}
	}
	return out
}

// Requests returns the requests with this method and path.
func (f *Insights) Requests(method, path string) []Request {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []Request
	for _, s := range f.seen {
		if s.Method == method && s.Path == path {
			out = append(out, s)
		}
	}
	return out
}

// Last returns the last request with this method and path, or fails.
func (f *Insights) Last(t testing.TB, method, path string) Request {
	t.Helper()
	all := f.Requests(method, path)
	if len(all) == 0 {
		t.Fatalf("insights never saw %s %s", method, path)
	}
	return all[len(all)-1]
}

func (f *Insights) serve(w http.ResponseWriter, r *http.Request) {
	var body map[string]any
	if buf, _ := io.ReadAll(r.Body); len(buf) > 0 {
		_ = json.Unmarshal(buf, &body)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.seen = append(f.seen, Request{Method: r.Method, Path: r.URL.Path, Query: r.URL.Query(), Body: body})
	if !strings.HasPrefix(r.Header.Get("Authorization"), "Bearer ey") {
		problem(w, http.StatusUnauthorized)
		return
	}
	who := insightsCaller(r)
	parts := strings.Split(strings.TrimPrefix(r.URL.Path, "/api/v1/insights/"), "/")
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/api/v1/insights/outcomes":
		f.report(w, r, who)
	case r.Method == http.MethodGet && r.URL.Path == "/api/v1/insights/shares":
		f.listShares(w, who)
	case len(parts) == 2 && parts[0] == "shares" && r.Method == http.MethodPut:
		f.grant(w, who, parts[1])
	case len(parts) == 2 && parts[0] == "shares" && r.Method == http.MethodDelete:
		f.revoke(w, who, parts[1])
	default:
		problem(w, http.StatusNotFound)
	}
}

// insightsCaller reads who a token names, unverified (the gateway
// verified it).
func insightsCaller(r *http.Request) placementCaller {
	var who placementCaller
	if parts := strings.Split(strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer "), "."); len(parts) == 3 {
		buf, _ := base64.RawURLEncoding.DecodeString(parts[1])
		_ = json.Unmarshal(buf, &who)
	}
	return who
}

// programmeAdmin reports whether who administers a programme
// organisation: the only one who grants and revokes sharing.
func (who placementCaller) programmeAdmin() bool {
	return who.OrgKind == "programme" && who.Role == "org_admin" && who.OrgID != ""
}

// listShares answers the shares who may see: a programme organisation's
// admins its own, an observer those made to it, platform admins all.
func (f *Insights) listShares(w http.ResponseWriter, who placementCaller) {
	observer := who.OrgKind == "observer" && who.OrgID != ""
	if !who.admin() && !who.programmeAdmin() && !observer {
		problem(w, http.StatusForbidden)
		return
	}
	items := []api.InsightsShare{}
	for _, s := range f.shares {
		if who.admin() || (who.programmeAdmin() && s.org == who.OrgID) || (observer && s.observer == who.OrgID) {
			items = append(items, f.shareOf(s))
		}
	}
	answer(w, api.InsightsShareList{Items: items})
}

// shareOf converts a share with the names the fake knows.
func (f *Insights) shareOf(s share) api.InsightsShare {
	by := s.grantedBy
	return api.InsightsShare{OrganisationID: s.org, OrganisationName: f.Orgs[s.org].Name, ObserverID: s.observer,
		ObserverName: f.Orgs[s.observer].Name, GrantedBy: &by, GrantedAt: s.grantedAt}
}

// grant shares the caller's organisation's reports with an observer;
// sharing again changes nothing. An id that names no observer is 404.
func (f *Insights) grant(w http.ResponseWriter, who placementCaller, observer string) {
	if !who.programmeAdmin() {
		problem(w, http.StatusForbidden)
		return
	}
	if f.Orgs[observer].Kind != "observer" {
		problem(w, http.StatusNotFound)
		return
	}
	for _, s := range f.shares {
		if s.org == who.OrgID && s.observer == observer {
			answer(w, f.shareOf(s))
			return
		}
	}
	s := share{org: who.OrgID, observer: observer, grantedBy: who.Sub, grantedAt: f.Now().UTC()}
	f.shares = slices.Insert(f.shares, 0, s)
	answer(w, f.shareOf(s))
}

// revoke stops sharing with an observer; one not shared with is 404.
func (f *Insights) revoke(w http.ResponseWriter, who placementCaller, observer string) {
	if !who.programmeAdmin() {
		problem(w, http.StatusForbidden)
		return
	}
	i := slices.IndexFunc(f.shares, func(s share) bool { return s.org == who.OrgID && s.observer == observer })
	if i < 0 {
		problem(w, http.StatusNotFound)
		return
	}
	f.shares = slices.Delete(f.shares, i, i+1)
	w.WriteHeader(http.StatusNoContent)
}

// sharedWith reports whether org shares its reports with observer.
func (f *Insights) sharedWith(org, observer string) bool {
	return slices.ContainsFunc(f.shares, func(s share) bool { return s.org == org && s.observer == observer })
}
