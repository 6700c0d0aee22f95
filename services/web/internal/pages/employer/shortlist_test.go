package employer_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// shortlistSession starts a gateway wired to fake employers and matching
// services and signs an employer up.
func shortlistSession(t *testing.T) (*webtest.Browser, *fake.Employers, *fake.Matching) {
	t.Helper()
	e, m := fake.NewEmployers(t), fake.NewMatching(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	b := webtest.NewBrowser(t, g)
	b.SignUp("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	return b, e, m
}

func TestShortlistShowsCardsWithExplanationsOnDemand(t *testing.T) {
	t.Parallel()
	b, e, m := shortlistSession(t)
	e.AddRole("r1", "Barista", "open")
	m.Set(func(f *fake.Matching) {
		f.Shortlists["r1"] = []map[string]any{fake.ShortlistEntry("K7Q2", "full"), fake.ShortlistEntry("A1B2", "full"), fake.ShortlistEntry("Z9Y8", "near")}
	})

	p := b.Get("/roles/r1/shortlist")
	p.MustBeAt(t, "/roles/r1/shortlist", http.StatusOK)
	p.MustContain(t, "Shortlist for Barista", "3 candidates on the shortlist", "Full matches", "K7Q2", "A1B2",
		"Full match: essential skills 1 met, 0 partly met, 0 missing of 1", "Espresso preparation", "level 3 of 4", "600 hours", "✓ attested",
		"Food hygiene", "Dutch B1", "from January 2027", "15-30 km from the site", "Day release", "Would start on day release",
		"Fits the role's hours", "Trained in a coffee roastery", `href="/roles/r1"`)
	// The explanation waits inside <details>, so it opens without JavaScript.
	p.MustMatch(t,
		`(?s)<details class="match-details" id="why-1">\s*<summary>Why this candidate</summary>.*?Essential skills <span class="match-count">· 1 asked</span>.*?Met \(1\).*?Espresso preparation.*?level 3, level 2 asked; 600 hours, attested.*?Optional skills.*?None of these is met yet.*?22 km from the site.*?from January 2027.*?Speaks some of the languages.*?</details>`,
		`(?s)<details class="match-details" id="missing-1">\s*<summary><span>What is missing <span class="match-count">\(1 optional\)</span></span></summary>\s*<section class="match-group">\s*<h4>Optional skills <span class="match-count">· Missing \(1\)</span></h4>.*?Latte art.*?level 3 asked.*?trained in: Coffee roastery workshop.*?</details>`)
	// Near matches come after the full ones, under their own heading, each gap named.
	p.MustShowBefore(t, "A1B2", `<h2 id="near-heading">Near matches</h2>`)
	p.MustShowBefore(t, `<h2 id="near-heading">Near matches</h2>`, "Z9Y8")
	p.MustContain(t, "Near match: essential skills 1 met, 0 partly met, 1 missing of 2", "Forklift licence", "trained in: Logistics")
	p.MustMatch(t, `(?s)id="missing-3">\s*<summary><span>What is missing <span class="match-count">\(1 essential, 1 optional\)</span></span></summary>.*?Essential skills.*?Forklift licence.*?Optional skills.*?Latte art.*?</details>`)

	req := m.Last(t, "/api/v1/roles/r1/shortlist")
	if q := req.Query; q.Get("limit") != "20" || q.Get("lang") != "en" || q.Has("cursor") || q.Has("full_only") {
		t.Errorf("shortlist asked with %v", q)
	}

	// In Dutch, the summary language is asked for and the month is Dutch.
	b.Get("/lang/nl?next="+url.QueryEscape("/roles/r1/shortlist")).MustContain(t, "Waarom deze kandidaat", "vanaf januari 2027", "Bijna-matches")
	if got := m.Last(t, "/api/v1/roles/r1/shortlist").Query.Get("lang"); got != "nl" {
		t.Errorf("lang = %q, want nl", got)
	}
}

func TestShortlistFiltersReachTheAPIAndPagesFollowTheCursor(t *testing.T) {
	t.Parallel()
	b, e, m := shortlistSession(t)
	e.AddRole("r1", "Barista", "open")
	var entries []map[string]any
	for i := range 25 {
		entries = append(entries, fake.ShortlistEntry(fmt.Sprintf("F%03d", i), "full"))
	}
	entries = append(entries, fake.ShortlistEntry("NEAR1", "near"))
	m.Set(func(f *fake.Matching) { f.Shortlists["r1"] = entries })

	p := b.Get("/roles/r1/shortlist?full_only=true&day_release=true&available_within_weeks=8")
	p.MustBeAt(t, "/roles/r1/shortlist", http.StatusOK)
	q := m.Last(t, "/api/v1/roles/r1/shortlist").Query
	if q.Get("full_only") != "true" || q.Get("day_release") != "true" || q.Get("available_within_weeks") != "8" || q.Get("limit") != "20" {
		t.Fatalf("filters reached matching as %v", q)
	}
	p.MustContain(t, "25 candidates on the shortlist", "F000", "F019", `name="full_only" value="true" checked`,
		`name="day_release" value="true" checked`, `<option value="8" selected>8 weeks</option>`, "Clear the filters")
	p.MustNotContain(t, "F020", "NEAR1", "Near matches")
	p.MustContain(t, "More candidates", `href="/roles/r1/shortlist?available_within_weeks=8&cursor=at-20&day_release=true&full_only=true"`)

	next := b.Get("/roles/r1/shortlist?available_within_weeks=8&cursor=at-20&day_release=true&full_only=true")
	next.MustBeAt(t, "/roles/r1/shortlist", http.StatusOK)
	next.MustContain(t, "F020", "F024")
	next.MustNotContain(t, "F019", "More candidates")
	if q := m.Last(t, "/api/v1/roles/r1/shortlist").Query; q.Get("cursor") != "at-20" || q.Get("full_only") != "true" {
		t.Errorf("the next page asked with %v", q)
	}

	// A week count the form does not offer is not passed on.
	b.Get("/roles/r1/shortlist?available_within_weeks=7&full_only=yes").MustBeAt(t, "/roles/r1/shortlist", http.StatusOK)
	if q := m.Last(t, "/api/v1/roles/r1/shortlist").Query; q.Has("available_within_weeks") || q.Has("full_only") {
		t.Errorf("unknown filter values reached matching: %v", q)
	}
	// A cursor matching refuses is a plain 400 page.
	b.Get("/roles/r1/shortlist?cursor=garbage").MustBeAt(t, "/roles/r1/shortlist", http.StatusBadRequest)
}

func TestShortlistPagesShowOnlyTheCardsFields(t *testing.T) {
	t.Parallel()
	b, e, m := shortlistSession(t)
	e.AddRole("r1", "Barista", "open")
	m.Set(func(f *fake.Matching) { f.Shortlists["r1"] = []map[string]any{fake.LeakyEntry("K7Q2")} })

	p := b.Get("/roles/r1/shortlist")
	p.MustBeAt(t, "/roles/r1/shortlist", http.StatusOK)
	p.MustContain(t, "K7Q2", "Espresso preparation", "from January 2027")
	// The card's reference goes only into its "Ask to meet" link: opaque
	// and per role, it is what asking to meet names (askToMeet).
	ask := `href="/roles/r1/introductions/new?alias=K7Q2&amp;ref=ref-K7Q2"`
	p.MustContain(t, "Ask to meet")
	p.Body = strings.Replace(p.Body, ask, "", 1)
	for _, secret := range []string{"Jan Peeters", "Peeters", "jan.peeters@example.test", "+32 470", "470 12 34 56", "Kortrijk", "Koffiebranderij",
		"1990-04-01", "2027-01-14", "ref-K7Q2", "mailto:", "tel:"} {
		if strings.Contains(p.Body, secret) {
			t.Errorf("the shortlist shows %q, which the card does not hold", secret)
		}
	}
}

func TestShortlistRefusalsAreTheAPIsAnswer(t *testing.T) {
	t.Parallel()
	b, e, m := shortlistSession(t)
	m.Set(func(f *fake.Matching) {
		f.Refuse["theirs"], f.Refuse["locked"] = http.StatusNotFound, http.StatusForbidden
	})

	nf := b.Get("/roles/theirs/shortlist")
	nf.MustBeAt(t, "/roles/theirs/shortlist", http.StatusNotFound)
	nf.MustContain(t, "Page not found")
	nf.MustNotContain(t, "Shortlist for")
	b.Get("/roles/locked/shortlist").MustBeAt(t, "/roles/locked/shortlist", http.StatusForbidden)
	// The gateway closes shortlists to an employer the platform has not
	// verified, or has suspended: the page says which, not just "no".
	m.Set(func(f *fake.Matching) {
		f.Refuse["pending"], f.RefuseType["pending"] = http.StatusForbidden, "/problems/organisation-not-verified"
		f.Refuse["suspended"], f.RefuseType["suspended"] = http.StatusForbidden, "/problems/organisation-suspended"
	})
	pending := b.Get("/roles/pending/shortlist")
	pending.MustBeAt(t, "/roles/pending/shortlist", http.StatusForbidden)
	pending.MustContain(t, "Your organisation is waiting for verification", "prepare roles as drafts")
	pending.MustNotContain(t, "Your role does not allow this")
	suspended := b.Get("/roles/suspended/shortlist")
	suspended.MustBeAt(t, "/roles/suspended/shortlist", http.StatusForbidden)
	suspended.MustContain(t, "Your organisation is suspended", "Your roles are paused")
	// A role the employers service does not show the user is not found
	// either, whatever matching says.
	m.Set(func(f *fake.Matching) { f.Shortlists["gone"] = []map[string]any{fake.ShortlistEntry("K7Q2", "full")} })
	gone := b.Get("/roles/gone/shortlist")
	gone.MustBeAt(t, "/roles/gone/shortlist", http.StatusNotFound)
	gone.MustNotContain(t, "K7Q2")
	if n := len(m.Requests("/api/v1/roles/theirs/shortlist")); n != 1 {
		t.Errorf("matching was asked %d times, want 1", n)
	}
	// An employer never reaches a candidate's suggestions.
	b.Get("/candidates/c1/suggestions").MustBeAt(t, "/candidates/c1/suggestions", http.StatusForbidden)

	// Programme staff are refused before matching is asked.
	k := fake.NewCandidates(t)
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL, "CANDIDATES_URL": k.URL})
	coach := webtest.ProgrammeAdmin(t, g)
	coach.Get("/roles/r5/shortlist").MustBeAt(t, "/roles/r5/shortlist", http.StatusForbidden)
	if n := len(m.Requests("/api/v1/roles/r5/shortlist")); n != 0 {
		t.Errorf("matching was asked for a coach's shortlist %d times", n)
	}
}

func TestShortlistExplainsAnEmptyListAndAMatchingOutage(t *testing.T) {
	t.Parallel()
	b, e, m := shortlistSession(t)
	e.AddRole("r1", "Barista", "open")

	empty := b.Get("/roles/r1/shortlist")
	empty.MustBeAt(t, "/roles/r1/shortlist", http.StatusOK)
	empty.MustContain(t, "No candidates match yet", "Only candidates who have agreed to matching appear here",
		"make a skill optional instead of essential", `href="/roles/r1/edit"`)
	b.Get("/roles/r1/shortlist?day_release=true").MustContain(t, "No candidates match these filters", "Clear the filters")

	m.Set(func(f *fake.Matching) { f.Down = true })
	down := b.Get("/roles/r1/shortlist")
	down.MustBeAt(t, "/roles/r1/shortlist", http.StatusServiceUnavailable)
	down.MustContain(t, "Shortlist for Barista", "The shortlist cannot be shown right now", "Your role is safe", "Try again")

	// Matching unreachable altogether reads the same.
	g := webtest.Start(t, map[string]string{"EMPLOYERS_URL": e.URL, "MATCHING_URL": "http://127.0.0.1:1"})
	other := webtest.NewBrowser(t, g)
	other.SignUp("Bakkerij Zoet", "Bo", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	other.Get("/roles/r1/shortlist").MustContain(t, "The shortlist cannot be shown right now")
}

func TestEmployerHomeShowsShortlistCountsFromOneCall(t *testing.T) {
	t.Parallel()
	b, e, m := shortlistSession(t)
	e.AddRole("r1", "Barista", "open")
	e.AddRole("r2", "Kitchen help", "open")
	e.AddRole("r3", "Gardener", "draft")
	m.Set(func(f *fake.Matching) { f.Counts["r1"] = map[string]int{"full": 12, "near": 5} })

	home := b.Get("/home")
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustMatch(t, `<a class="match-counts" href="/roles/r1/shortlist">12 full matches · 5 near</a>`)
	home.MustContain(t, `href="/roles/r2/shortlist"`)
	home.MustNotContain(t, `href="/roles/r3/shortlist"`)
	if n := strings.Count(home.Body, "full match"); n != 1 {
		t.Errorf("counts shown %d times, want once (r2 has none)", n)
	}
	calls := m.Requests("/api/v1/matching/shortlist-counts")
	if len(calls) != 1 || strings.Join(calls[0].Query["role"], ",") != "r1,r2" {
		t.Fatalf("counts calls = %+v, want one for r1 and r2", calls)
	}

	// The role page links to the shortlist too.
	b.Get("/roles/r1").MustContain(t, `href="/roles/r1/shortlist"`, "See the shortlist")

	// A failing counts call leaves the home page whole, without counts.
	m.Set(func(f *fake.Matching) { f.CountsDown = true })
	home = b.Get("/home")
	home.MustBeAt(t, "/home", http.StatusOK)
	home.MustContain(t, "Barista", "Kitchen help", "Gardener")
	home.MustNotContain(t, "full match")
}

// staffMatchingGateway wires a gateway to fake candidates, employers and
// matching services and signs a programme coach in.
func staffMatchingGateway(t *testing.T) (*webtest.Browser, *fake.Candidates, *fake.Employers, *fake.Matching) {
	t.Helper()
	k, e, m := fake.NewCandidates(t), fake.NewEmployers(t), fake.NewMatching(t)
	g := webtest.Start(t, map[string]string{"CANDIDATES_URL": k.URL, "EMPLOYERS_URL": e.URL, "MATCHING_URL": m.URL})
	return webtest.ProgrammeAdmin(t, g), k, e, m
}
