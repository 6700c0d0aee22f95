package staff_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserHoursRecordedInPlace shows issue 11, item 2.2 on the
// registration's hours step at 390×844: adding programme hours changes
// only the hours section, with no reload and no jump to the top, and its
// confirmation is on screen; without JavaScript the answer lands on the
// section's anchor, with the confirmation there.
func TestBrowserHoursRecordedInPlace(t *testing.T) {
	k, m := fake.NewCandidates(t), fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"CANDIDATES_URL": k.URL, "MATCHING_URL": m.URL})
	k.AddProgramme("p1", "Coffee roastery — Kortrijk house")
	k.AddCandidate("c1", map[string]any{})
	email := webtest.ProgrammeAdminEmail(t, g)
	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	const hours = "/candidates/c1/register/hours"

	phone := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	phone.SignIn(email, "72-hours-00-home")
	phone.Open(hours, "72-hours-01-step", "Step 3 of 4", "Coffee roastery — Kortrijk house")
	phone.MarkDocument()
	fillRecord(t, phone, "600")
	before := chrome.Evaluate[float64](phone, `window.scrollY`)
	phone.Do(chromedp.Click(chromedp.CSS(`#records button[value="add_record"]`), chromedp.NodeVisible))
	phone.WaitFor(`!!document.querySelector("#records [role=status]")`)
	phone.MustStayInPlace(before, "adding programme hours")
	noticeOnScreen(t, phone, "#records [role=status]")
	if got := chrome.Evaluate[string](phone, `document.querySelector("#records").textContent`); !contains(got, "The hours are recorded.", "600 hours") {
		t.Errorf("the hours section after adding shows:\n%s", got)
	}
	phone.Viewport("72-hours-02-phone-record-added")
	phone.Check(hours, "72-hours-03-phone-record-added-page", "The hours are recorded.", "600 hours")

	// Without JavaScript the redirect comes back to #records.
	tabCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	nojs := chrome.NewTab(t, tabCtx, g.URL, dir).Phone()
	nojs.SignIn(email, "72-hours-04-nojs-home")
	nojs.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	nojs.Navigate(hours)
	nojs.Do(chromedp.SetValue(chromedp.ID("rec_programme"), "p1"), chromedp.SetValue(chromedp.ID("rec_from"), "2026-02-02"),
		chromedp.SetValue(chromedp.ID("rec_hours"), "120"))
	nojs.Submit(`#records button[value="add_record"]`, hours, "72-hours-05-nojs-record-added", "The hours are recorded.", "120 hours")
	nojs.MustHaveHash("#records")
	if y := chrome.Evaluate[float64](nojs, `window.scrollY`); y < 100 {
		t.Errorf("without JavaScript the page is at its top (scrollY %v) after adding hours", y)
	}
	noticeOnScreen(t, nojs, "#records [role=status]")
	nojs.Viewport("72-hours-06-nojs-record-added-screen")
}

// fillRecord fills the hours section's form and scrolls its button to
// the middle of the screen, as a thumb would reach it.
func fillRecord(t *testing.T, b *chrome.Tab, hours string) {
	t.Helper()
	chrome.Evaluate[bool](b, `(function () {
		document.getElementById("rec_programme").value = "p1";
		document.getElementById("rec_from").value = "2026-01-05";
		document.getElementById("rec_hours").value = "`+hours+`";
		document.querySelector('#records button[value="add_record"]').scrollIntoView({block: "center"});
		return true;
	})()`)
}

// noticeOnScreen fails unless the element css names is within the
// viewport.
func noticeOnScreen(t *testing.T, b *chrome.Tab, css string) {
	t.Helper()
	box := chrome.Evaluate[[]float64](b, `(function () {
		var r = document.querySelector(`+"`"+css+"`"+`).getBoundingClientRect();
		return [r.top, r.bottom, window.innerHeight];
	})()`)
	if box[0] < 0 || box[1] > box[2] {
		t.Errorf("the confirmation %s is off screen: top %v, bottom %v, screen %v", css, box[0], box[1], box[2])
	}
}

func contains(text string, parts ...string) bool {
	for _, p := range parts {
		if !strings.Contains(text, p) {
			return false
		}
	}
	return true
}
