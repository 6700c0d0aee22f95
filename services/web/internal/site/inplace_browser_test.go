package site_test

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// TestBrowserChoicesStayInPlace shows issue 11, item 2.2 on a phone: adding
// a skill with the picker and a language row changes only their section,
// with no reload and no jump to the top; without JavaScript the answer
// lands on the section's anchor.
func TestBrowserChoicesStayInPlace(t *testing.T) {
	phone, desktop, _ := employerTabs(t, "70-inplace")
	form := "/roles/new?step=details&occupation=barista&occupation_q=Barista&occupation_shown=Barista"
	navigate(t, phone, form)
	evaluate[bool](t, phone, `window.noReload = true; true`)

	// The skill picker: type, tap the suggestion, and the skill joins the list.
	evaluate[bool](t, phone, `document.getElementById("new_skill_q").scrollIntoView({block: "center"}); true`)
	before := evaluate[float64](t, phone, `window.scrollY`)
	phone.do(chromedp.SendKeys(chromedp.ID("new_skill_q"), "barist"))
	waitFor(t, phone, `!!document.getElementById("new_skill-option-0")`)
	phone.do(chromedp.Click(chromedp.ID("new_skill-option-0"), chromedp.NodeVisible))
	waitFor(t, phone, `document.getElementById("essential_skills").textContent.includes("Barista skills")`)
	stayedInPlace(t, phone, before, "the skill")
	viewport(t, phone, "70-inplace-02-phone-skill-added")
	phone.check("/roles/new", "70-inplace-03-phone-skill-added-page", "Barista skills", "Espresso preparation")

	// A language row.
	evaluate[bool](t, phone, `document.getElementById("new_lang_code").scrollIntoView({block: "center"}); true`)
	before = evaluate[float64](t, phone, `window.scrollY`)
	phone.do(chromedp.SetValue(chromedp.ID("new_lang_code"), "nl"))
	phone.do(chromedp.Click(chromedp.CSS(`button[value="add_language"]`), chromedp.NodeVisible))
	waitFor(t, phone, `document.querySelectorAll("#role-languages select[name=lang_code]").length === 1`)
	stayedInPlace(t, phone, before, "the language")
	if got := evaluate[string](t, phone, `document.activeElement.value || document.activeElement.id`); got != "add_language" {
		t.Errorf("after adding a language the focus is on %q, want the add button", got)
	}
	viewport(t, phone, "70-inplace-04-phone-language-added")

	// Without JavaScript the search and the choice come back to #skills.
	desktop.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	desktop.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	navigate(t, desktop, form)
	desktop.do(chromedp.SendKeys(chromedp.ID("new_skill_q"), "barist"))
	if _, err := chromedp.RunResponse(desktop.ctx, chromedp.Click(chromedp.CSS(`#skills .picker-search`), chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	desktop.check("/roles/new", "70-inplace-05-nojs-matches", "Barista skills")
	wantHash(t, desktop, "#skills")
	desktop.do(chromedp.Click(chromedp.CSS(`#skills .picker-results input[type=radio]`), chromedp.NodeVisible))
	if _, err := chromedp.RunResponse(desktop.ctx, chromedp.Click(chromedp.CSS(`#skills .picker-choose`), chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	wantHash(t, desktop, "#skills")
	if y := evaluate[float64](t, desktop, `window.scrollY`); y < 300 {
		t.Errorf("without JavaScript the page is at the top (scrollY %v) after the choice", y)
	}
	viewport(t, desktop, "70-inplace-06-nojs-skill-added")
	desktop.check("/roles/new", "70-inplace-07-nojs-skill-added-page", "Barista skills")
}

// stayedInPlace fails unless the page is the same document, still
// scrolled where it was.
func stayedInPlace(t *testing.T, b *browserTab, before float64, what string) {
	t.Helper()
	if !evaluate[bool](t, b, `window.noReload === true`) {
		t.Errorf("adding %s reloaded the page", what)
	}
	after := evaluate[float64](t, b, `window.scrollY`)
	if before < 300 || math.Abs(after-before) > 100 {
		t.Errorf("adding %s moved the page from scrollY %v to %v", what, before, after)
	}
}

func wantHash(t *testing.T, b *browserTab, want string) {
	t.Helper()
	if got := evaluate[string](t, b, `location.hash`); got != want {
		t.Errorf("the address ends with %q, want %q", got, want)
	}
}

func evaluate[T any](t *testing.T, b *browserTab, js string) T {
	t.Helper()
	got, err := chromedp.Run(b.ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return got
}

// waitFor waits until js is true.
func waitFor(t *testing.T, b *browserTab, js string) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok, err := chromedp.Run(b.ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
	}
	t.Fatalf("never true: %s", js)
}

// viewport saves what the screen shows, as the user sees it.
func viewport(t *testing.T, b *browserTab, shot string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.dir, shot+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserAttestationConfirmedWhereTheUserLooks shows the end of an
// attestation on a phone: the redirect lands on the candidate's
// attestations, with the confirmation on screen.
func TestBrowserAttestationConfirmedWhereTheUserLooks(t *testing.T) {
	f, m := newFakePortfolio(t), newFakeMatching(t)
	g := start(t, map[string]string{"CANDIDATES_URL": f.URL, "MATCHING_URL": m.URL})
	email := programmeAdminEmail(t, g)
	ctx := testkit.Chromium(t, 3*time.Minute)
	phone := &browserTab{t: t, ctx: ctx, base: g.URL, dir: testkit.ArtifactDir(t, "screenshots"), width: 390}
	phone.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	phone.open("/lang/en?next=/login", "71-attest-00-login", "Sign in to Onward")
	phone.fill(map[string]string{"email": email, "password": strongPassword})
	phone.submit(`main form button[type="submit"]`, "/home", "71-attest-01-home")

	phone.open("/candidates/c1/attest", "71-attest-02-form")
	evaluate[bool](t, phone, fmt.Sprintf(`(function () {
		var pick = function (css) { var el = document.querySelector(css); if (el) el.checked = true; };
		pick("input[name=programme]"); pick("input[name=skill]"); pick("input[name=level][value=\"3\"]");
		document.getElementById("hours").value = "600";
		document.getElementById("evidence").value = "Roasts daily batches alone.";
		document.getElementById("date").value = %q;
		return true;
	})()`, time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)))
	phone.submit(`.actions button[value="attest"]`, "/candidates/c1", "71-attest-03-candidate-page")
	wantHash(t, phone, "#attestations")
	waitFor(t, phone, `!!document.getElementById("attested-notice")`)
	box := evaluate[[]float64](t, phone, `(function () {
		var r = document.getElementById("attested-notice").getBoundingClientRect();
		return [r.top, r.bottom, window.innerHeight, window.scrollY];
	})()`)
	if box[0] < 0 || box[1] > box[2] {
		t.Errorf("the confirmation is off screen: top %v, bottom %v, screen %v", box[0], box[1], box[2])
	}
	if box[3] < 100 {
		t.Errorf("the candidate page opened at its top (scrollY %v), not at the attestations", box[3])
	}
	viewport(t, phone, "71-attest-04-phone-confirmation")
}
