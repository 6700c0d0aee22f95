package employer_test

import (
	"context"
	"math"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
)

// TestBrowserChoicesStayInPlace shows issue 11, item 2.2 on a phone: adding
// a skill with the picker and a language row changes only their section,
// with no reload and no jump to the top; without JavaScript the answer
// lands on the section's anchor.
func TestBrowserChoicesStayInPlace(t *testing.T) {
	phone, desktop, _ := employerTabs(t, "70-inplace")
	form := "/roles/new?step=details&occupation=barista&occupation_q=Barista&occupation_shown=Barista"
	phone.Navigate(form)
	evaluate[bool](t, phone, `window.noReload = true; true`)

	// The skill picker: type, tap the suggestion, and the skill joins the list.
	evaluate[bool](t, phone, `document.getElementById("new_skill_q").scrollIntoView({block: "center"}); true`)
	before := evaluate[float64](t, phone, `window.scrollY`)
	phone.Do(chromedp.SendKeys(chromedp.ID("new_skill_q"), "barist"))
	waitFor(t, phone, `!!document.getElementById("new_skill-option-0")`)
	phone.Do(chromedp.Click(chromedp.ID("new_skill-option-0"), chromedp.NodeVisible))
	waitFor(t, phone, `document.getElementById("essential_skills").textContent.includes("Barista skills")`)
	stayedInPlace(t, phone, before, "the skill")
	phone.Viewport("70-inplace-02-phone-skill-added")
	phone.Check("/roles/new", "70-inplace-03-phone-skill-added-page", "Barista skills", "Espresso preparation")

	// A language row.
	evaluate[bool](t, phone, `document.getElementById("new_lang_code").scrollIntoView({block: "center"}); true`)
	before = evaluate[float64](t, phone, `window.scrollY`)
	phone.Do(chromedp.SetValue(chromedp.ID("new_lang_code"), "nl"))
	phone.Do(chromedp.Click(chromedp.CSS(`button[value="add_language"]`), chromedp.NodeVisible))
	waitFor(t, phone, `document.querySelectorAll("#role-languages select[name=lang_code]").length === 1`)
	stayedInPlace(t, phone, before, "the language")
	if got := evaluate[string](t, phone, `document.activeElement.value || document.activeElement.id`); got != "add_language" {
		t.Errorf("after adding a language the focus is on %q, want the add button", got)
	}
	phone.Viewport("70-inplace-04-phone-language-added")

	// Enter in a field far down the form draws the form again in place:
	// what was typed stays, and so does the page.
	evaluate[bool](t, phone, `document.getElementById("positions").scrollIntoView({block: "center"}); true`)
	before = evaluate[float64](t, phone, `window.scrollY`)
	evaluate[bool](t, phone, `document.getElementById("positions").value = ""; true`)
	phone.Do(chromedp.SendKeys(chromedp.ID("positions"), "3\r"))
	waitFor(t, phone, `!document.querySelector("[aria-busy]") && document.getElementById("positions").value === "3" && document.activeElement.id === "positions"`)
	stayedInPlace(t, phone, before, "Enter in a field")
	if !evaluate[bool](t, phone, `document.getElementById("essential_skills").textContent.includes("Barista skills")`) {
		t.Error("Enter in a field lost the skill added before")
	}
	phone.Viewport("70-inplace-04b-phone-enter-in-place")

	// Without JavaScript the search and the choice come back to #skills.
	desktop.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile))
	desktop.Do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := cdp.Call(ctx, tg, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
		return err
	}))
	desktop.Navigate(form)
	desktop.Do(chromedp.SendKeys(chromedp.ID("new_skill_q"), "barist"))
	if _, err := chromedp.RunResponse(desktop.Ctx, chromedp.Click(chromedp.CSS(`#skills .picker-search`), chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	desktop.Check("/roles/new", "70-inplace-05-nojs-matches", "Barista skills")
	wantHash(t, desktop, "#skills")
	desktop.Do(chromedp.Click(chromedp.CSS(`#skills .picker-results input[type=radio]`), chromedp.NodeVisible))
	if _, err := chromedp.RunResponse(desktop.Ctx, chromedp.Click(chromedp.CSS(`#skills .picker-choose`), chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	wantHash(t, desktop, "#skills")
	if y := evaluate[float64](t, desktop, `window.scrollY`); y < 300 {
		t.Errorf("without JavaScript the page is at the top (scrollY %v) after the choice", y)
	}
	desktop.Viewport("70-inplace-06-nojs-skill-added")
	desktop.Check("/roles/new", "70-inplace-07-nojs-skill-added-page", "Barista skills")
}

// stayedInPlace fails unless the page is the same document, still
// scrolled where it was.
func stayedInPlace(t *testing.T, b *chrome.Tab, before float64, what string) {
	t.Helper()
	if !evaluate[bool](t, b, `window.noReload === true`) {
		t.Errorf("adding %s reloaded the page", what)
	}
	after := evaluate[float64](t, b, `window.scrollY`)
	if before < 300 || math.Abs(after-before) > 100 {
		t.Errorf("adding %s moved the page from scrollY %v to %v", what, before, after)
	}
}

func wantHash(t *testing.T, b *chrome.Tab, want string) {
	t.Helper()
	if got := evaluate[string](t, b, `location.hash`); got != want {
		t.Errorf("the address ends with %q, want %q", got, want)
	}
}

func evaluate[T any](t *testing.T, b *chrome.Tab, js string) T {
	t.Helper()
	got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("%s: %v", js, err)
	}
	return got
}

// waitFor waits until js is true.
func waitFor(t *testing.T, b *chrome.Tab, js string) {
	t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
	}
	t.Fatalf("never true: %s", js)
}
