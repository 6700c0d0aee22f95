package webtest

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// CandidatePassword is the password test candidates choose.
const CandidatePassword = "quiet-garden-bicycle-17"

// CandidateStack is a stack for a candidate's own account: the fake
// candidates service holding candidate c1 (Jan Peeters) for the
// programme organisation of Coach, its administrator, and fake matching
// and vocabulary services behind MATCHING_URL.
type CandidateStack struct {
	*Stack
	Candidates *fake.Candidates
	Matching   *fake.Matching
	Placements *fake.Placements
	Coach      *Browser
	// CoachEmail signs Coach in (with StrongPassword) in a real browser;
	// Org is the programme organisation's id.
	CoachEmail, Org string
}

// StartCandidateStack starts it. The gateway asks the candidates
// service which organisation holds a candidate, over the service's
// internal API: the fake answers with Coach's organisation for every
// candidate it holds.
func StartCandidateStack(t testing.TB) *CandidateStack {
	t.Helper()
	return StartCandidateStackWith(t, nil)
}

// StartCandidateStackWith is StartCandidateStack with more gateway
// settings (env), such as NOTIFICATIONS_URL.
func StartCandidateStackWith(t testing.TB, env map[string]string) *CandidateStack {
	t.Helper()
	k, m, vocab, pl := fake.NewCandidates(t), fake.NewMatching(t), fake.NewVocabulary(t), fake.NewPlacements(t)
	fake.LinkDisclosures(pl, k)
	matching := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasSuffix(r.URL.Path, "/suggestions") {
			m.Config.Handler.ServeHTTP(w, r)
			return
		}
		vocab.Config.Handler.ServeHTTP(w, r)
	}))
	t.Cleanup(matching.Close)
	settings := map[string]string{"CANDIDATES_URL": k.URL, "MATCHING_URL": matching.URL, "PLACEMENTS_URL": pl.URL}
	for key, val := range env {
		settings[key] = val
	}
	s := Start(t, settings)
	email := ProgrammeAdminEmail(t, s)
	cs := &CandidateStack{Stack: s, Candidates: k, Matching: m, Placements: pl, Coach: SignIn(t, s, email, StrongPassword), CoachEmail: email}
	var me struct {
		Organisation struct {
			ID string `json:"id"`
		} `json:"organisation"`
	}
	cs.Coach.CallAPI(http.MethodGet, "/api/v1/me", &me)
	org := me.Organisation.ID
	cs.Org = org
	k.Before = func(w http.ResponseWriter, r *http.Request) bool {
		id, ok := strings.CutPrefix(r.URL.Path, "/internal/v1/candidates/")
		if !ok {
			return false
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":"` + id + `","org_id":"` + org + `"}`))
		return true
	}
	k.AddCandidate("c1", map[string]any{"preferred_name": "Jan"})
	return cs
}

// joinLink finds the invitation link the staff's invitation page shows.
var joinLink = regexp.MustCompile(`class="invitation-link">([^<]+)<`)

// JoinPath has Coach invite candidate id to their own account and
// returns the path of the link the page shows, or fails the test.
func (cs *CandidateStack) JoinPath(t testing.TB, id string) string {
	t.Helper()
	p := cs.Coach.Submit("/candidates/"+id, "/candidates/"+id+"/account/invitation", url.Values{})
	if p.Status != http.StatusCreated {
		t.Fatalf("invitation: status %d\n%s", p.Status, p.Body)
	}
	m := joinLink.FindStringSubmatch(p.Body)
	if m == nil {
		t.Fatalf("no join link on the invitation page:\n%s", p.Body)
	}
	u, err := url.Parse(m[1])
	if err != nil || !strings.HasPrefix(u.Path, "/join/") {
		t.Fatalf("odd join link %q", m[1])
	}
	return u.Path
}

// CandidateSession has candidate c1 join with username and sign in; it
// returns their browser, on /me.
func (cs *CandidateStack) CandidateSession(t testing.TB, username string) *Browser {
	t.Helper()
	link := cs.JoinPath(t, "c1")
	b := NewBrowser(t, cs.Stack)
	b.Submit(link, link, url.Values{"username": {username}, "password": {CandidatePassword}, "language": {"en"}}).
		MustBeAt(t, "/me", http.StatusOK)
	return b
}
