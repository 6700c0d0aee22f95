package employer_test

import (
	"context"
	"testing"

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
	phone.MarkDocument()

	// The skill picker: type, tap the suggestion, and the skill joins the list.
	chrome.Evaluate[bool](phone, `document.getElementById("new_skill_q").scrollIntoView({block: "center"}); true`)
	before := chrome.Evaluate[float64](phone, `window.scrollY`)
	phone.Do(chromedp.SendKeys(chromedp.ID("new_skill_q"), "barist"))
	phone.WaitFor(`!!document.getElementById("new_skill-option-0")`)
	phone.Do(chromedp.Click(chromedp.ID("new_skill-option-0"), chromedp.NodeVisible))
	phone.WaitFor(`document.getElementById("essential_skills").textContent.includes("Barista skills")`)
	phone.MustStayInPlace(before, "adding the skill")
	phone.Viewport("70-inplace-02-phone-skill-added")
	phone.Check("/roles/new", "70-inplace-03-phone-skill-added-page", "Barista skills", "Espresso preparation")

	// A language row.
	chrome.Evaluate[bool](phone, `document.getElementById("new_lang_code").scrollIntoView({block: "center"}); true`)
	before = chrome.Evaluate[float64](phone, `window.scrollY`)
	phone.Do(chromedp.SetValue(chromedp.ID("new_lang_code"), "nl"))
	phone.Do(chromedp.Click(chromedp.CSS(`button[value="add_language"]`), chromedp.NodeVisible))
	phone.WaitFor(`document.querySelectorAll("#role-languages select[name=lang_code]").length === 1`)
	phone.MustStayInPlace(before, "adding the language")
	if got := chrome.Evaluate[string](phone, `document.activeElement.value || document.activeElement.id`); got != "add_language" {
		t.Errorf("after adding a language the focus is on %q, want the add button", got)
	}
	phone.Viewport("70-inplace-04-phone-language-added")

	// Enter in a field far down the form draws the form again in place:
	// what was typed stays, and so does the page.
	chrome.Evaluate[bool](phone, `document.getElementById("positions").scrollIntoView({block: "center"}); true`)
	before = chrome.Evaluate[float64](phone, `window.scrollY`)
	chrome.Evaluate[bool](phone, `document.getElementById("positions").value = ""; true`)
	phone.Do(chromedp.SendKeys(chromedp.ID("positions"), "3\r"))
	phone.WaitFor(`!document.querySelector("[aria-busy]") && document.getElementById("positions").value === "3" && document.activeElement.id === "positions"`)
	phone.MustStayInPlace(before, "Enter in a field")
	if !chrome.Evaluate[bool](phone, `document.getElementById("essential_skills").textContent.includes("Barista skills")`) {
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
	desktop.MustHaveHash("#skills")
	desktop.Do(chromedp.Click(chromedp.CSS(`#skills .picker-results input[type=radio]`), chromedp.NodeVisible))
	if _, err := chromedp.RunResponse(desktop.Ctx, chromedp.Click(chromedp.CSS(`#skills .picker-choose`), chromedp.NodeVisible)); err != nil {
		t.Fatal(err)
	}
	desktop.MustHaveHash("#skills")
	if y := chrome.Evaluate[float64](desktop, `window.scrollY`); y < 300 {
		t.Errorf("without JavaScript the page is at the top (scrollY %v) after the choice", y)
	}
	desktop.Viewport("70-inplace-06-nojs-skill-added")
	desktop.Check("/roles/new", "70-inplace-07-nojs-skill-added-page", "Barista skills")
}
