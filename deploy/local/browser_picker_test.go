package launcher

import (
	"context"
	"fmt"
	"regexp"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/onward-jobs/onward/pkg/testkit"
)

// The phone the picker must work on: 390×844 CSS pixels, touch, 2× pixels.
const phoneWidth, phoneHeight = 390, 844

// TestBrowserPickerOnPhone runs the whole platform through the launcher
// and drives the skill, occupation and place pickers on /explore at a
// phone's size, against the matching service's real vocabularies: an
// employer signs up, opens the page from the home page, finds a misspelt
// skill and taps it, finds Gent in Belgium, picks an occupation with the
// keyboard, and finally does the same search with JavaScript off, through
// the server's radio buttons. Every step checks the page never scrolls
// sideways and saves a full-page screenshot named picker-*.png.
func TestBrowserPickerOnPhone(t *testing.T) {
	p := start(t, testEnviron(t, t.TempDir()))
	browser := testkit.Chromium(t, 3*time.Minute)
	tab := &phoneTab{t: t, ctx: browser, base: p.url("web"), dir: testkit.ArtifactDir(t, "screenshots")}
	tab.emulatePhone()

	tab.open("/lang/en?next=/signup", "/signup", "picker-00-signup", "Sign up as an employer")
	tab.fill(map[string]string{
		"organisation_name": "Koffiebar De Brug", "name": "Ana Peeters",
		"email": fmt.Sprintf("ana.%d@debrug.test", time.Now().UnixNano()), "password": "amber-meadow-lantern-93",
	})
	tab.navigate(chromedp.Click(chromedp.CSS(`main form button[type="submit"]`)), "/home", "picker-01-home", "Skills, jobs and places")
	tab.navigate(chromedp.Tap(chromedp.CSS(`main a[href="/explore"]`)), "/explore", "picker-02-explore",
		"Skills, jobs and places", "Find a skill", "Find an occupation", "Find a place")

	// A misspelt skill: the suggestions still offer the barista skill.
	tab.typeInto("skill_q", "baristta")
	option := tab.waitOption("skill", regexp.MustCompile(`(?i)barista`))
	tab.check("/explore", "picker-03-skill-suggestions", "Barista")
	tab.navigate(chromedp.Tap(chromedp.ID(option)), "/explore", "picker-04-skill-chosen", "Kind", "Part of")
	tab.expectText("#skill-title", regexp.MustCompile(`(?i)barista`))

	// A place, chosen with a tap among the places of that name.
	tab.typeInto("place_q", "Gent")
	option = tab.waitOption("place", regexp.MustCompile(`(?s)(Gent|Ghent).*Belgium`))
	tab.check("/explore", "picker-05-place-suggestions", "Belgium")
	tab.navigate(chromedp.Tap(chromedp.ID(option)), "/explore", "picker-06-place-chosen", "Country", "Belgium", "Population")
	tab.expectText("#place-title", regexp.MustCompile(`Gent|Ghent`))
	tab.expectText("#skill-title", regexp.MustCompile(`(?i)barista`)) // the earlier choice stays

	// An occupation, chosen with the keyboard: down to the first match, Enter.
	tab.typeInto("occupation_q", "barista")
	tab.waitOption("occupation", regexp.MustCompile(`(?i)barista`))
	tab.do(chromedp.KeyEvent(kb.ArrowDown))
	if active := tab.eval(`document.getElementById("occupation_q").getAttribute("aria-activedescendant") || ""`); active != "occupation-option-0" {
		t.Errorf("after ArrowDown aria-activedescendant = %q, want occupation-option-0", active)
	}
	tab.navigate(chromedp.KeyEvent(kb.Enter), "/explore", "picker-07-occupation-chosen", "Essential skills")
	tab.expectText("#occupation-title", regexp.MustCompile(`(?i)barista`))
	tab.expectText("#occupations .requirements", regexp.MustCompile(`Works under supervision|Works independently|Experienced and consistent|Can instruct others`))

	// Without JavaScript the same search works through the server.
	noJS, cancel := chromedp.NewContext(browser)
	defer cancel()
	plain := &phoneTab{t: t, ctx: noJS, base: tab.base, dir: tab.dir}
	plain.emulatePhone()
	if _, err := chromedp.Call(noJS, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatal(err)
	}
	plain.open("/explore", "/explore", "picker-08-nojs-explore", "Find a skill")
	plain.typeInto("skill_q", "baristta")
	plain.navigate(chromedp.Click(chromedp.CSS(`button[name="skill_search"]`)), "/explore", "picker-09-nojs-matches", "Matches for “baristta”")
	radio := plain.eval(`(function () {
		var labels = document.querySelectorAll(".picker-results label.choice");
		for (var i = 0; i < labels.length; i++) {
			if (/barista/i.test(labels[i].textContent)) return labels[i].querySelector("input").value;
		}
		return "";
	})()`)
	if radio == "" {
		t.Fatal("no barista skill among the server's matches")
	}
	plain.do(chromedp.Tap(chromedp.CSS(fmt.Sprintf(`input[type="radio"][name="skill"][value=%q]`, radio))))
	plain.navigate(chromedp.Click(chromedp.CSS(`button[name="skill_choose"]`)), "/explore", "picker-10-nojs-chosen", "Kind", "Part of")
	plain.expectText("#skill-title", regexp.MustCompile(`(?i)barista`))

	// Leave the pages before the platform stops, so no request of theirs
	// is still open while the web app shuts down gracefully.
	cancel()
	tab.do(chromedp.Navigate("about:blank"))
	p.stop(t)
}

// phoneTab is one browser tab at a phone's size, with the checks every
// step makes.
type phoneTab struct {
	t    *testing.T
	ctx  context.Context
	base string
	dir  string
}

func (b *phoneTab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

func (b *phoneTab) emulatePhone() {
	b.t.Helper()
	b.do(chromedp.EmulateViewport(phoneWidth, phoneHeight, chromedp.EmulateMobile, chromedp.EmulateTouch, chromedp.EmulateScale(2)))
}

func (b *phoneTab) eval(js string) string {
	b.t.Helper()
	out, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		b.t.Fatalf("evaluate: %v", err)
	}
	return out
}

// open loads path, which may redirect to want, and checks the page.
func (b *phoneTab) open(path, want, shot string, texts ...string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.base+path)); err != nil {
		b.t.Fatalf("open %s: %v", path, err)
	}
	b.check(want, shot, texts...)
}

// navigate runs an action that loads a page (a tap, a click, a key) and
// checks the page it lands on.
func (b *phoneTab) navigate(action chromedp.Action[chromedp.Void], path, shot string, texts ...string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 30*time.Second)
	defer cancel()
	if _, err := chromedp.RunResponse(ctx, action); err != nil {
		b.t.Fatalf("%s: no page loaded: %v", shot, err)
	}
	b.check(path, shot, texts...)
}

// fill types values into the fields with those ids.
func (b *phoneTab) fill(fields map[string]string) {
	b.t.Helper()
	for id, value := range fields {
		b.do(chromedp.Clear(chromedp.ID(id)), chromedp.SendKeys(chromedp.ID(id), value))
	}
}

// typeInto replaces a field's text, key by key, as a person types.
func (b *phoneTab) typeInto(id, text string) {
	b.t.Helper()
	b.do(chromedp.ScrollIntoView(chromedp.ID(id)), chromedp.Clear(chromedp.ID(id)), chromedp.SendKeys(chromedp.ID(id), text))
}

// pickerOption is one option of a picker's listbox.
type pickerOption struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

// waitOption waits until the picker's listbox shows an option whose text
// matches want, and returns that option's element id.
func (b *phoneTab) waitOption(picker string, want *regexp.Regexp) string {
	b.t.Helper()
	js := fmt.Sprintf(`(function () {
		var list = document.getElementById(%q);
		if (!list || list.hidden) return [];
		return Array.prototype.map.call(list.querySelectorAll("[role=option]"), function (o) {
			return {id: o.id, text: o.textContent};
		});
	})()`, picker+"-listbox")
	deadline := time.Now().Add(15 * time.Second)
	var options []pickerOption
	for time.Now().Before(deadline) {
		var err error
		if options, err = chromedp.Run(b.ctx, chromedp.Evaluate[[]pickerOption](js)); err != nil {
			b.t.Fatalf("read the %s listbox: %v", picker, err)
		}
		for _, o := range options {
			if want.MatchString(o.Text) {
				return o.ID
			}
		}
		time.Sleep(100 * time.Millisecond)
	}
	status := b.eval(fmt.Sprintf(`document.getElementById(%q).textContent`, picker+"-status"))
	b.t.Fatalf("no %s suggestion matching %s; options %+v; status %q", picker, want, options, status)
	return ""
}

// expectText checks the text of the element sel.
func (b *phoneTab) expectText(sel string, want *regexp.Regexp) {
	b.t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Text(chromedp.CSS(sel), chromedp.AtLeast(0)))
	if err != nil {
		b.t.Fatalf("text of %s: %v", sel, err)
	}
	if !want.MatchString(got) {
		b.t.Errorf("%s shows %q, want %s", sel, got, want)
	}
}

// check asserts the address, the visible text and the width of the page,
// then saves a full-page screenshot.
func (b *phoneTab) check(path, shot string, texts ...string) {
	b.t.Helper()
	testkit.CheckPage(b.t, b.ctx, b.dir, shot, path, phoneWidth, texts...)
}
