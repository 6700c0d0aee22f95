package launcher

import (
	"context"
	"net/http"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestBrowserIntroductionFromShortlistToFollowUp is issue 14's "Done
// when" on the real platform, at a phone's 390×844, with two browser
// sessions side by side: an employer's and a programme coach's. The
// programme, a consenting candidate with a phone number and a verified
// employer with an open role the candidate fits are seeded through the
// API; everything else is clicked. The employer asks to meet the
// pseudonymous card, with a note and a time; the coach finds the request
// on the home page, opens it, accepts with the name and the phone number
// and confirms what goes to whom; the employer then sees the name and the
// phone number; one message goes each way; the employer records the hire,
// which started 200 days ago, so every follow-up is due at once; the coach
// answers the first one. Every step saves a full-page screenshot named
// i14-platform-*.png.
func TestBrowserIntroductionFromShortlistToFollowUp(t *testing.T) {
	p := stack(t)
	staffEmail, staffAPI := newProgrammeOrg(t, p, "Transitiehuis Kortrijk")
	var prog struct{ ID string }
	staffAPI.do("POST", "/api/v1/programmes", map[string]any{"name": "Koffiebar", "kind": "coffee_roastery",
		"site": map[string]any{"place_id": kortrijk}, "skills": []string{"espresso-preparation"}}, http.StatusCreated, &prog)
	_, alias := registerBarista(t, staffAPI, prog.ID, "Sieglinde", 4)
	const employerName = "Koffiebar De Zwaan"
	employerEmail, employerAPI := newEmployer(t, p, employerName)
	// The profile names the employer to the coaches.
	employerAPI.do("PUT", "/api/v1/employers/me", map[string]any{"display_name": employerName, "sectors": []string{"I"},
		"version": version(employerAPI, "/api/v1/employers/me")}, http.StatusOK, nil)
	role := openBaristaRole(t, employerAPI, 1)
	waitShortlist(t, employerAPI, role, func(s api.Shortlist) bool { return slices.Contains(aliases(s), alias) })

	browser := testkit.Chromium(t, 5*time.Minute)
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start the browser: %v", err)
	}
	dir := testkit.ArtifactDir(t, "screenshots")
	employer := newPhoneSession(t, browser, p.url("web"), dir)
	staff := newPhoneSession(t, browser, p.url("web"), dir)
	name, phone, mail := "Sieglinde Vermeulen", jan["phone"].(string), "sieglinde.vermeulen@example.org"
	const note = "We roast our own beans and would like to meet you for the morning shifts."
	const question = "Could we meet at the café on the proposed day?"
	const answer = "Yes, the candidate will be there with me."

	// The employer asks to meet the card.
	employer.signIn(employerEmail, "i14-platform-00-employer-home", "Barista")
	shortlist := "/roles/" + role + "/shortlist"
	employer.open(shortlist, shortlist, "i14-platform-01-shortlist", "Shortlist for Barista", alias, "Ask to meet")
	employer.hides(name, "Sieglinde", phone, mail)
	ask := "/roles/" + role + "/introductions/new"
	employer.navigate(chromedp.Tap(chromedp.CSS(`main li.match-card a[href^="`+ask+`"]`)), ask, "i14-platform-02-ask",
		"Ask to meet "+alias, "Where to meet", "When you could meet")
	day := time.Now().In(brussels(t)).AddDate(0, 0, 3).Format(time.DateOnly)
	employer.do(chromedp.SendKeys(chromedp.ID("message"), note),
		chromedp.Click(chromedp.CSS(`input[name="mode"][value="at_site"]`)),
		chromedp.SetValue(chromedp.ID("window1_date"), day),
		chromedp.SetValue(chromedp.ID("window1_start"), "10:00"), chromedp.SetValue(chromedp.ID("window1_end"), "11:00"))
	employer.check(ask, "i14-platform-03-ask-filled", "Send the request")
	employer.do(chromedp.ScrollIntoView(chromedp.CSS(`main form button[type="submit"]`)))
	employer.submit(`main form button[type="submit"]`, "i14-platform-04-asked",
		"Your request to meet "+alias+" has been sent", "Waiting for an answer", note, "At our workplace", "10:00–11:00")
	intro := strings.TrimPrefix(employer.eval(`location.pathname`), "/introductions/")
	if !regexp.MustCompile(`^[0-9a-zA-Z-]{8,}$`).MatchString(intro) {
		t.Fatalf("after asking the employer is at %s", employer.eval(`location.pathname`))
	}
	page := "/introductions/" + intro
	employer.hides(name, "Sieglinde", phone, mail)

	// The coach finds the request on the home page and answers it.
	staff.signIn(staffEmail, "i14-platform-05-staff-home", "Waiting for your answer", "Barista", employerName, "Vermeulen")
	staff.navigate(chromedp.Tap(chromedp.CSS(`main a[href="`+page+`"]`)), page, "i14-platform-06-request",
		"What the employer asks", note, "At the employer's workplace", "About the employer", employerName, "Your answer", phone)
	staff.do(chromedp.Click(chromedp.CSS(`input[name="answer"][value="accept"]`)),
		chromedp.Click(chromedp.CSS(`input[name="disclose"][value="phone"]`)),
		chromedp.Click(chromedp.CSS(`input[name="contact"][value="direct"]`)),
		chromedp.Click(chromedp.CSS(`input[name="consent"]`)))
	staff.check(page, "i14-platform-07-answer-filled", "The candidate heard this text")
	staff.submit(`main form[action$="/answer"] button[type="submit"]`, "i14-platform-08-confirm",
		"Check what will be shared", employerName, "Vermeulen", phone, "They will contact the candidate directly", "Yes, share this with "+employerName)
	if body := staff.eval(`document.querySelector("main").innerText`); strings.Contains(body, mail) {
		t.Errorf("the confirmation shows the e-mail address, which was not ticked:\n%s", body)
	}
	staff.submit(`button[name="confirmed"]`, "i14-platform-09-accepted",
		"Accepted. The employer can now see what the candidate agreed to share", "What was shared", phone)
	if at := staff.eval(`location.pathname`); at != page {
		t.Errorf("after confirming the coach is at %s, want %s", at, page)
	}

	// The employer reads the name and the phone number, and writes.
	employer.open("/roles/"+role+"/introductions", "/roles/"+role+"/introductions", "i14-platform-10-employer-list",
		"Requests to meet for “Barista”", "Candidate "+alias, "Accepted")
	employer.navigate(chromedp.Tap(chromedp.CSS(`main a[href="`+page+`"]`)), page, "i14-platform-11-contact",
		"Accepted", "Contact details", name, phone, "You may contact the candidate directly", "Messages with the coach")
	if body := employer.eval(`document.querySelector("main").innerText`); strings.Contains(body, mail) {
		t.Errorf("the employer sees the e-mail address, which was not disclosed")
	}
	employer.do(chromedp.ScrollIntoView(chromedp.ID("text")), chromedp.SendKeys(chromedp.ID("text"), question))
	employer.submit(`#thread form button[type="submit"]`, "i14-platform-12-employer-wrote", "Your message has been sent", question)

	// The coach reads it and answers.
	staff.open(page, page, "i14-platform-13-staff-thread", "Messages with the employer", question)
	staff.do(chromedp.ScrollIntoView(chromedp.ID("text")), chromedp.SendKeys(chromedp.ID("text"), answer))
	staff.submit(`#thread form button[type="submit"]`, "i14-platform-14-staff-wrote", answer)

	// The employer reads the answer and records the hire, 200 days ago.
	employer.open(page, page, "i14-platform-15-employer-thread", question, answer, "The coach", "How it went")
	started := time.Now().AddDate(0, 0, -200).Format(time.DateOnly)
	employer.do(chromedp.ScrollIntoView(chromedp.CSS(`#outcome form`)),
		chromedp.Click(chromedp.CSS(`input[name="outcome"][value="hired"]`)),
		chromedp.SetValue(chromedp.ID("start_date"), started),
		chromedp.SetValue(chromedp.ID("contract"), "permanent"),
		chromedp.SendKeys(chromedp.ID("hours_per_week"), "30"))
	employer.check(page, "i14-platform-16-outcome-filled", "Record how the meeting went")
	employer.submit(`#outcome form button[type="submit"]`, "i14-platform-17-hired",
		"Thank you: how it went is recorded", "We hired them", "See the follow-ups")
	employer.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/followups"]`)), "/followups", "i14-platform-18-employer-followups",
		"To answer now", "Is "+alias+" still working with you?", "30 days after the start", "180 days after the start", "Overdue")

	// The coach sees the placement and answers the first follow-up.
	staff.open("/placements", "/placements", "i14-platform-19-placements", "Working now", "Barista", employerName, "Vermeulen")
	staff.openUntil("/followups", "/followups", "i14-platform-20-followups", "To answer", "Day 30", "Day 90", "Day 180", "Overdue",
		"Is the candidate still working there?")
	first := `main li[id^="followup-"]`
	followup := staff.eval(`document.querySelector('` + first + `').id`)
	staff.do(chromedp.ScrollIntoView(chromedp.CSS(`#`+followup+` form`)),
		chromedp.Click(chromedp.CSS(`#`+followup+` input[name="still_working"][value="yes"]`)))
	staff.check("/followups", "i14-platform-21-followup-filled", "Save the answer")
	staff.submit(`#`+followup+` form button[type="submit"]`, "i14-platform-22-followup-answered",
		"Thank you, the answer is saved", "Answered lately", "Still working there.")
	if got := staff.eval(`String(document.querySelectorAll('main section:first-of-type li[id^="followup-"] form').length)`); got != "2" {
		t.Errorf("after answering one follow-up, %s are left to answer, want 2", got)
	}
}

// phoneSession is one person's browser session (a browser context of its
// own, so its own cookies) at a phone's size.
type phoneSession struct{ phoneTab }

func newPhoneSession(t *testing.T, browser context.Context, base, dir string) *phoneSession {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	s := &phoneSession{phoneTab{t: t, ctx: ctx, base: base, dir: dir}}
	s.emulatePhone()
	return s
}

// signIn signs in, in English, and checks the home page.
func (s *phoneSession) signIn(email, shot string, texts ...string) {
	s.t.Helper()
	s.open("/lang/en?next=/login", "/login", "", "Sign in")
	s.fill(map[string]string{"email": email, "password": staffPassword})
	s.navigate(chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)), "/home", shot, texts...)
}

// check is phoneTab's check; with no shot it keeps no screenshot.
func (s *phoneSession) check(path, shot string, texts ...string) {
	s.t.Helper()
	if shot == "" {
		if at := s.eval(`location.pathname`); at != path {
			s.t.Fatalf("at %s, want %s", at, path)
		}
		return
	}
	s.phoneTab.check(path, shot, texts...)
}

func (s *phoneSession) open(path, want, shot string, texts ...string) {
	s.t.Helper()
	if _, err := chromedp.Run(s.ctx, chromedp.NavigateResponse(s.base+path)); err != nil {
		s.t.Fatalf("open %s: %v", path, err)
	}
	s.check(want, shot, texts...)
}

// submit presses a form's button, which answers with a page (after a
// redirect, perhaps), and checks the page at the address it ends at.
func (s *phoneSession) submit(sel, shot string, texts ...string) {
	s.t.Helper()
	ctx, cancel := context.WithTimeout(s.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel))); err != nil {
		s.t.Fatalf("%s: pressing %s loaded no page: %v", shot, sel, err)
	}
	s.check(s.eval(`location.pathname`), shot, texts...)
}

// openUntil opens path until it shows every one of texts (the
// placements service writes some things a moment after the answer that
// caused them), then checks it as open does.
func (s *phoneSession) openUntil(path, want, shot string, texts ...string) {
	s.t.Helper()
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(250 * time.Millisecond) {
		if _, err := chromedp.Run(s.ctx, chromedp.NavigateResponse(s.base+path)); err != nil {
			s.t.Fatalf("open %s: %v", path, err)
		}
		body := s.eval(`document.body.innerText`)
		all := true
		for _, text := range texts {
			all = all && strings.Contains(body, text)
		}
		if all {
			break
		}
	}
	s.check(want, shot, texts...)
}

// hides checks that the open page shows none of texts.
func (s *phoneSession) hides(texts ...string) {
	s.t.Helper()
	body := s.eval(`document.body.innerText + " " + document.title`)
	for _, text := range texts {
		if strings.Contains(body, text) {
			s.t.Errorf("%s shows %q before the candidate agreed", s.eval(`location.pathname`), text)
		}
	}
}

// brussels is where the web app reads the times an employer types.
func brussels(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/Brussels")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
