package employer_test

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/pages/employer"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// introSession starts a gateway on fake employers, matching, placements
// and candidates services, signs an employer (Ana of Café De Hoek) up,
// and puts candidate K7Q2 of programme org "prog-1" on role r1's
// shortlist under the reference "ref-K7Q2".
type introSession struct {
	b *webtest.Browser
	s *webtest.Stack
	e *fake.Employers
	m *fake.Matching
	p *fake.Placements
	k *fake.Candidates
	// org is the employer's organisation id.
	org string
}

func newIntroSession(t *testing.T) *introSession {
	t.Helper()
	x := &introSession{e: fake.NewEmployers(t), m: fake.NewMatching(t), p: fake.NewPlacements(t), k: fake.NewCandidates(t)}
	fake.LinkDisclosures(x.p, x.k)
	x.s = webtest.Start(t, map[string]string{"EMPLOYERS_URL": x.e.URL, "MATCHING_URL": x.m.URL, "PLACEMENTS_URL": x.p.URL, "CANDIDATES_URL": x.k.URL})
	x.b = webtest.NewBrowser(t, x.s)
	x.b.SignUp("Café De Hoek", "Ana", webtest.UniqueEmail(t)).MustBeAt(t, "/home", http.StatusOK)
	x.org = orgOf(t, x.b)
	x.e.AddRole("r1", "Barista", "open")
	x.m.Set(func(f *fake.Matching) { f.Shortlists["r1"] = []map[string]any{fake.ShortlistEntry("K7Q2", "full")} })
	x.p.AddRef("r1", "ref-K7Q2", "c1", "K7Q2", "prog-1")
	x.p.Set(func(f *fake.Placements) { f.RoleTitles["r1"] = "Barista" })
	x.k.AddCandidate("c1", map[string]any{"given_name": "Jan", "family_name": "Peeters", "phone": "+32 470 12 34 56", "email": "jan@example.test"})
	return x
}

// orgOf reads the signed-in user's organisation id from the session's
// access token (unverified: the test only needs to know it).
func orgOf(t *testing.T, b *webtest.Browser) string {
	t.Helper()
	s, ok := b.Session()
	if !ok {
		t.Fatal("not signed in")
	}
	parts := strings.Split(s.AccessToken, ".")
	buf, _ := base64.RawURLEncoding.DecodeString(parts[1])
	var claims struct {
		OrgID string `json:"org_id"`
	}
	if err := json.Unmarshal(buf, &claims); err != nil || claims.OrgID == "" {
		t.Fatalf("no organisation in the token: %v", err)
	}
	return claims.OrgID
}

// tomorrow is a date the form accepts, in Brussels.
func tomorrow() string {
	loc, _ := time.LoadLocation("Europe/Brussels")
	return time.Now().In(loc).AddDate(0, 0, 2).Format(time.DateOnly)
}

// askForm is a complete "Ask to meet" form for K7Q2.
func askForm(message string) url.Values {
	return url.Values{"ref": {"ref-K7Q2"}, "alias": {"K7Q2"}, "message": {message}, "mode": {"at_site"},
		"window1_date": {tomorrow()}, "window1_start": {"09:00"}, "window1_end": {"10:30"}}
}

const askFormPath = "/roles/r1/introductions/new?ref=ref-K7Q2&alias=K7Q2"

func TestAskToMeetFromAShortlistCard(t *testing.T) {
	t.Parallel()
	x := newIntroSession(t)

	// The card offers "Ask to meet", a plain link that works without
	// JavaScript, carrying the card's reference.
	list := x.b.Get("/roles/r1/shortlist")
	list.MustContain(t, `href="/roles/r1/introductions/new?alias=K7Q2&ref=ref-K7Q2"`, "Ask to meet", `href="/roles/r1/introductions"`)
	form := x.b.Get("/roles/r1/introductions/new?alias=K7Q2&ref=ref-K7Q2")
	form.MustBeAt(t, "/roles/r1/introductions/new", http.StatusOK)
	form.MustContain(t, "Ask to meet K7Q2", `For “Barista”`, "Up to 1000 characters", `maxlength="1000"`, "At our workplace",
		"At the candidate's programme", "By phone", `value="at_site" checked`, `name="window3_end"`)

	// Problems are shown beside their fields, with everything typed kept.
	bad := askForm("We roast our own beans.\nCome and see.")
	bad.Set("window1_end", "08:00")
	bad.Set("window2_date", tomorrow())
	bad.Set("mode", "by_pigeon")
	p := x.b.Submit(askFormPath, "/roles/r1/introductions/new", bad)
	if p.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", p.Status)
	}
	p.MustContain(t, "The end time must be after the start time.", "Fill in the date, the start and the end time, or leave all three empty.",
		"Choose where to meet.", "We roast our own beans.\nCome and see.", `value="`+tomorrow()+`"`, `value="08:00"`)
	p.MustMatch(t, `id="window1_end-error"`, `id="window2_date-error"`)
	if n := len(x.p.Requests(http.MethodPost, "/api/v1/roles/r1/introductions")); n != 0 {
		t.Fatalf("a refused form reached the API %d times", n)
	}
	long := askForm(strings.Repeat("é", 1001))
	x.b.Submit(askFormPath, "/roles/r1/introductions/new", long).MustContain(t, "Keep the note to 1000 characters.")
	none := askForm("")
	none.Del("window1_date")
	none.Del("window1_start")
	none.Del("window1_end")
	x.b.Submit(askFormPath, "/roles/r1/introductions/new", none).MustContain(t, "Give at least one date with a start and end time.")

	// Sent: the introduction's page, with a calm confirmation; the
	// wording check's note follows, not blocking.
	good := askForm("We need someone with a clean record and a smile.")
	good.Set("window2_date", tomorrow())
	good.Set("window2_start", "14:00")
	good.Set("window2_end", "15:00")
	good.Set("mode", "phone")
	sent := x.b.Submit(askFormPath, "/roles/r1/introductions/new", good)
	sent.MustBeAt(t, "/introductions/i1", http.StatusOK)
	sent.MustContain(t, "Your request to meet K7Q2 has been sent.", "Waiting for an answer", "By phone", "09:00–10:30", "14:00–15:00",
		"We need someone with a clean record and a smile.", "A note on its wording", "“clean record”: consider “reliable”.", "Withdraw the request")
	req := x.p.Last(t, http.MethodPost, "/api/v1/roles/r1/introductions")
	meeting, _ := req.Body["meeting"].(map[string]any)
	windows, _ := meeting["windows"].([]any)
	if req.Body["candidate_ref"] != "ref-K7Q2" || meeting["mode"] != "phone" || len(windows) != 2 {
		t.Fatalf("asked with %v", req.Body)
	}
	first := windows[0].(map[string]any)
	start, err := time.Parse(time.RFC3339, first["start"].(string))
	loc, _ := time.LoadLocation("Europe/Brussels")
	if err != nil || start.In(loc).Format("2006-01-02 15:04") != tomorrow()+" 09:00" {
		t.Fatalf("first window starts %v (%v), want %s 09:00 in Brussels", first["start"], err, tomorrow())
	}
	// The employer never sees the candidate's id.
	sent.MustNotContain(t, ">c1<", "=c1", "/c1", `"c1"`, "prog-1")
}

func TestAskToMeetExplainsTheAPIsRefusals(t *testing.T) {
	t.Parallel()
	x := newIntroSession(t)
	x.b.Submit(askFormPath, "/roles/r1/introductions/new", askForm("Hello")).MustBeAt(t, "/introductions/i1", http.StatusOK)

	again := x.b.Submit(askFormPath, "/roles/r1/introductions/new", askForm("Hello again"))
	if again.Status != http.StatusConflict {
		t.Fatalf("status %d", again.Status)
	}
	again.MustContain(t, "You already asked to meet this candidate for this role", "Hello again", `href="/roles/r1/introductions"`)

	x.p.AddRef("r1", "ref-B2", "c2", "B2", "prog-1")
	x.p.Set(func(f *fake.Placements) { f.MaxOpen = 1 })
	other := askForm("Hi")
	other.Set("ref", "ref-B2")
	x.b.Submit(askFormPath, "/roles/r1/introductions/new", other).MustContain(t, "This role already has the most requests waiting")

	gone := askForm("Hi")
	gone.Set("ref", "ref-GONE")
	p := x.b.Submit(askFormPath, "/roles/r1/introductions/new", gone)
	if p.Status != http.StatusNotFound {
		t.Fatalf("status %d", p.Status)
	}
	p.MustContain(t, "This candidate is no longer on the role's shortlist", "Nothing was sent.")

	x.p.Set(func(f *fake.Placements) { f.RoleStatus["r1"] = "paused" })
	x.b.Submit(askFormPath, "/roles/r1/introductions/new", other).MustContain(t, "This role is not open")

	x.p.Set(func(f *fake.Placements) { f.NotVerified[x.org] = true })
	p = x.b.Submit(askFormPath, "/roles/r1/introductions/new", other)
	if p.Status != http.StatusForbidden {
		t.Fatalf("status %d", p.Status)
	}
	p.MustContain(t, "waiting to be verified by the platform, or it is suspended", "Hi")

	// Another employer's role: the 404 page, with nothing asked.
	x.b.Get("/roles/r9/introductions/new?ref=ref-K7Q2&alias=K7Q2").MustBeAt(t, "/roles/r9/introductions/new", http.StatusNotFound)
}

func TestIntroductionListsSayTheStatusAndFollowTheCursor(t *testing.T) {
	t.Parallel()
	x := newIntroSession(t)
	x.e.AddRole("r2", "Cook", "open")
	for i := range 22 {
		x.p.AddIntroduction("r1", x.org, fmt.Sprintf("c%d", i+10), "prog-1", map[string]any{"candidate_alias": fmt.Sprintf("A%02d", i), "role_title": "Barista"})
	}
	x.p.AddIntroduction("r2", x.org, "c50", "prog-1", map[string]any{"candidate_alias": "COOK1", "status": "declined", "role_title": "Cook"})
	x.p.AddIntroduction("r1", "another-employer", "c60", "prog-1", map[string]any{"candidate_alias": "THEIRS"})

	all := x.b.Get("/introductions")
	all.MustBeAt(t, "/introductions", http.StatusOK)
	all.MustContain(t, "Your requests to meet", "Candidate COOK1", "Declined", "For “Cook”", "Candidate A21", "Waiting for an answer", "Asked on ")
	all.MustNotContain(t, "THEIRS", "A01<")
	more := webtest.Href(t, all, "Show more")
	if !strings.HasPrefix(more, "/introductions?cursor=") {
		t.Fatalf("more links to %q", more)
	}
	x.b.Get(more).MustContain(t, "Candidate A01", "Candidate A00")

	role := x.b.Get("/roles/r1/introductions")
	role.MustContain(t, "Requests to meet for “Barista”", "Candidate A21")
	role.MustNotContain(t, "COOK1")
	if q := x.p.Last(t, http.MethodGet, "/api/v1/introductions").Query; q.Get("role") != "r1" || q.Get("limit") != "20" {
		t.Fatalf("listed with %v", q)
	}
	// The role's page and the home page lead there.
	x.b.Get("/roles/r1").MustContain(t, `href="/roles/r1/introductions"`, "Requests to meet")
	x.b.Get("/home").MustContain(t, `href="/introductions"`, `href="/followups"`)
	x.b.Get("/lang/nl?next=/introductions").MustContain(t, "Je kennismakingsvragen", "Wacht op antwoord", "Afgewezen", "Gevraagd op")
}

func TestAnotherOrganisationsIntroductionIsTheNotFoundPage(t *testing.T) {
	t.Parallel()
	x := newIntroSession(t)
	theirs := x.p.AddIntroduction("r1", "another-employer", "c1", "prog-1", nil)
	x.b.Get("/introductions/"+theirs).MustBeAt(t, "/introductions/"+theirs, http.StatusNotFound)
	csrf := webtest.FormValue(t, x.b.Get(askFormPath).Body, "_csrf")
	for _, action := range []string{"withdraw", "messages", "outcome"} {
		p := x.b.Post("/introductions/"+theirs+"/"+action, url.Values{"confirm": {"1"}, "_csrf": {csrf}, "text": {"Hi"}, "outcome": {"did_not_take_place"}})
		if p.Status != http.StatusNotFound || !strings.Contains(p.Body, "<html") {
			t.Fatalf("%s on another's request answered %d:\n%s", action, p.Status, p.Body)
		}
	}

	// A platform administrator has no employer's side: the shared
	// addresses are the 404 page for them.
	admin := webtest.SignIn(t, x.s, x.s.AdminEmail, webtest.AdminPassword)
	for _, path := range []string{"/introductions", "/introductions/" + theirs, "/followups"} {
		admin.Get(path).MustBeAt(t, path, http.StatusNotFound)
	}
}

// acceptedIntro has Ana ask to meet K7Q2 and the candidate's staff accept,
// disclosing the phone number and asking to be contacted through them.
func acceptedIntro(t *testing.T, x *introSession) string {
	t.Helper()
	x.b.Submit(askFormPath, "/roles/r1/introductions/new", askForm("Hello")).MustBeAt(t, "/introductions/i1", http.StatusOK)
	x.p.Accept(t, "i1", []string{"phone"}, "through_staff", "coach-1")
	return "/introductions/i1"
}

func TestAnAcceptedIntroductionShowsTheDisclosedContactAndTheThread(t *testing.T) {
	t.Parallel()
	x := newIntroSession(t)
	path := acceptedIntro(t, x)

	p := x.b.Get(path)
	p.MustContain(t, "Accepted", "Good news", "Jan Peeters", "+32 470 12 34 56", "Please arrange the meeting through the coach",
		"Each time this page shows them, the read is recorded on the candidate's file", "No messages yet.")
	p.MustNotContain(t, "jan@example.test", "Withdraw the request")
	reads := x.k.DisclosureReads()
	if len(reads) != 1 || reads[0].OrgID != x.org || reads[0].Reader == "" {
		t.Fatalf("disclosure reads %+v", reads)
	}

	// The thread: a message too long or empty stays in the form with
	// its problem beside it; a good one is listed as the employer's.
	long := strings.Repeat("a", 2001)
	bad := x.b.Submit(path, path+"/messages", url.Values{"text": {long}})
	if bad.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", bad.Status)
	}
	bad.MustContain(t, "Keep the message to 2000 characters.", long)
	bad.MustMatch(t, `id="text-error"`)
	x.b.Submit(path, path+"/messages", url.Values{"text": {"  "}}).MustContain(t, "Write a message first.")
	sent := x.b.Submit(path, path+"/messages", url.Values{"text": {"Could Tuesday work?"}})
	sent.MustBeAt(t, path, http.StatusOK)
	sent.MustContain(t, "Your message has been sent.", "Could Tuesday work?", "You")

	// Withdrawn by the candidate: the page says so, and shows no name.
	x.k.WithdrawGrant(x.p.Introductions()[0]["disclosure_id"].(string))
	gone := x.b.Get(path)
	gone.MustContain(t, "The candidate has withdrawn their contact details.")
	gone.MustNotContain(t, "Jan Peeters", "+32 470")
}

func TestRecordHowItWentAndAnswerTheFollowUp(t *testing.T) {
	t.Parallel()
	x := newIntroSession(t)
	path := acceptedIntro(t, x)

	bad := x.b.Submit(path, path+"/outcome", url.Values{"outcome": {"hired"}, "contract": {"permanent"}, "hours_per_week": {"70"}})
	if bad.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", bad.Status)
	}
	bad.MustContain(t, "Give the start date.", "Give the hours per week, a whole number from 1 to 60.", `value="70"`)
	bad.MustMatch(t, `value="hired" checked`, `<option value="permanent" selected>`)
	x.b.Submit(path, path+"/outcome", url.Values{"outcome": {"not_hired"}}).MustContain(t, "Choose why not.")

	start := time.Now().AddDate(0, 0, 7).Format(time.DateOnly)
	done := x.b.Submit(path, path+"/outcome", url.Values{"outcome": {"hired"}, "start_date": {start}, "contract": {"trial"}, "hours_per_week": {"24"}})
	done.MustBeAt(t, path, http.StatusOK)
	done.MustContain(t, "how it went is recorded", "We hired them", "See the follow-ups", "The candidate was hired.")
	done.MustNotContain(t, "Good news")
	body := x.p.Last(t, http.MethodPost, "/api/v1/introductions/i1/outcome").Body
	placement, _ := body["placement"].(map[string]any)
	if body["outcome"] != "hired" || placement["start_date"] != start || placement["contract"] != "trial" || placement["hours_per_week"] != float64(24) {
		t.Fatalf("outcome sent as %v", body)
	}
	x.b.Submit(path, path+"/outcome", url.Values{"outcome": {"did_not_take_place"}}).MustNotContain(t, `name="outcome"`)

	// The follow-ups: upcoming until due, then the light question.
	f := x.b.Get("/followups")
	f.MustContain(t, "Coming up", "30 days after the start", "90 days after the start")
	f.MustNotContain(t, `name="still_working"`)
	x.p.SetDue("p1", 30)
	f = x.b.Get("/followups")
	f.MustContain(t, "To answer now", "Is K7Q2 still working with you?", "never anything about a person's past.")
	no := x.b.Submit("/followups", "/followups/f2", url.Values{"still_working": {"no"}})
	if no.Status != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", no.Status)
	}
	no.MustContain(t, "Choose why the work ended.")
	no.MustMatch(t, `id="reason-f2-error"`, `value="no" checked`)
	thanks := x.b.Submit("/followups", "/followups/f2", url.Values{"still_working": {"yes"}})
	thanks.MustBeAt(t, "/followups", http.StatusOK)
	thanks.MustContain(t, "Thank you for your answer.")
	thanks.MustNotContain(t, "To answer now")
	if b := x.p.Last(t, http.MethodPost, "/api/v1/followups/f2").Body; b["still_working"] != true {
		t.Fatalf("answered %v", b)
	}
}

func TestWithdrawingARequestAsksFirst(t *testing.T) {
	t.Parallel()
	x := newIntroSession(t)
	x.b.Submit(askFormPath, "/roles/r1/introductions/new", askForm("Hello")).MustBeAt(t, "/introductions/i1", http.StatusOK)

	confirm := x.b.Submit("/introductions/i1", "/introductions/i1/withdraw", url.Values{})
	confirm.MustContain(t, "Withdraw your request to meet K7Q2?", "Yes, withdraw it", "No, keep it")
	if n := len(x.p.Requests(http.MethodPost, "/api/v1/introductions/i1/withdraw")); n != 0 {
		t.Fatal("withdrawn before the confirmation")
	}
	done := x.b.Submit("/introductions/i1", "/introductions/i1/withdraw", url.Values{"confirm": {"1"}})
	done.MustBeAt(t, "/introductions/i1", http.StatusOK)
	done.MustContain(t, "Your request has been withdrawn.", "Withdrawn")
	done.MustNotContain(t, "Withdraw the request")
	late := x.b.Post("/introductions/i1/withdraw", url.Values{"confirm": {"1"}, "_csrf": {webtest.FormValue(t, done.Body, "_csrf")}})
	if late.Status != http.StatusConflict {
		t.Fatalf("status %d", late.Status)
	}
	late.MustContain(t, "can no longer be withdrawn")
}

// TestIntroductionMessagesBuiltFromValuesExist checks the messages the
// pages name by prefix and value in every language.
func TestIntroductionMessagesBuiltFromValuesExist(t *testing.T) {
	var ids []string
	add := func(prefix string, values ...string) {
		for _, v := range values {
			ids = append(ids, prefix+v)
		}
	}
	statuses := []string{"requested", "accepted", "declined", "expired", "withdrawn"}
	add("EmpIntroStatus_", statuses...)
	add("EmpIntroStateBody_", statuses...)
	add("EmpIntroStateOutcome_", "hired", "not_hired", "did_not_take_place")
	add("EmpIntroMode_", "at_site", "at_programme", "phone")
	add("EmpIntroOutcome_", "hired", "not_hired", "did_not_take_place")
	add("EmpIntroContract_", "trial", "fixed_term", "permanent", "day_release")
	add("EmpIntroNotHired_", "skills", "availability", "candidate_declined", "employer_declined", "other")
	add("EmpIntroErr_", "outcome", "start_date", "contract", "hours_per_week", "reason")
	add("EmpEndReason_", "contract_ended", "moved_job", "left", "let_go", "other")
	webtest.RequireMessages(t, employer.Locales, "employer_introductions.", ids)
}
