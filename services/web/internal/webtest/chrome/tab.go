// Package chrome drives the web app in a real browser (chromium, through
// chromedp) for the browser tests: a Tab opens pages, fills and submits
// forms, and after every step checks the address, the visible text and
// the page's width, and saves a full-page screenshot (testkit.CheckPage).
// Only tests import it.
package chrome

import (
	"context"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// Tab is one browser tab in a test, with the checks every step of a
// journey makes.
type Tab struct {
	// Ctx is the tab's chromedp context, for steps the methods leave out.
	Ctx context.Context
	// Base is the web app's address; paths are relative to it.
	Base  string
	t     *testing.T
	dir   string
	width int // when set, the page must not be wider than this
}

// NewTab returns the tab of ctx (from testkit.Chromium, or a
// chromedp.NewContext of it) on the web app at base, saving its
// screenshots in dir. It keeps the browser's viewport until Phone,
// SmallPhone or Desktop sets one.
func NewTab(t *testing.T, ctx context.Context, base, dir string) *Tab {
	return &Tab{t: t, Ctx: ctx, Base: base, dir: dir}
}

// Phone sizes the tab as a common phone (390×844, touch, 2× pixels) and
// makes every check fail if the page is wider.
func (b *Tab) Phone() *Tab {
	b.t.Helper()
	b.width = 390
	b.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	return b
}

// SmallPhone sizes the tab as the smallest common phones (360×740) and
// makes every check fail if the page is wider.
func (b *Tab) SmallPhone() *Tab {
	b.t.Helper()
	b.width = 360
	b.Do(chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	return b
}

// Desktop sizes the tab as a desktop window (1280×800), where the page's
// width is not checked.
func (b *Tab) Desktop() *Tab {
	b.t.Helper()
	b.width = 0
	b.Do(chromedp.EmulateViewport(1280, 800))
	return b
}

// Do runs chromedp steps in the tab, failing the test on an error.
func (b *Tab) Do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.Ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// Navigate opens path without checking the page, for a check that names
// the address without its query.
func (b *Tab) Navigate(path string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.Ctx, chromedp.NavigateResponse(b.Base+path)); err != nil {
		b.t.Fatalf("open %s: %v", path, err)
	}
}

// Open navigates to path (following redirects) and checks the page: at
// path, or at the path of its ?next= when it has one.
func (b *Tab) Open(path, shot string, texts ...string) {
	b.t.Helper()
	b.Navigate(path)
	want := path
	if i := strings.IndexAny(want, "?"); i >= 0 {
		want = strings.TrimPrefix(want[i:], "?next=")
	}
	b.Check(want, shot, texts...)
}

// Fill types values into the form fields with those ids, replacing what
// they hold.
func (b *Tab) Fill(fields map[string]string) {
	b.t.Helper()
	for id, value := range fields {
		b.Do(chromedp.Clear(chromedp.ID(id)), chromedp.SendKeys(chromedp.ID(id), value))
	}
}

// Submit clicks a submit button (or a link), waits for the page that
// answers and checks it is at path.
func (b *Tab) Submit(button, path, shot string, texts ...string) {
	b.t.Helper()
	if _, err := chromedp.RunResponse(b.Ctx, chromedp.Click(chromedp.CSS(button), chromedp.NodeVisible)); err != nil {
		b.t.Fatalf("click %s: %v", button, err)
	}
	b.Check(path, shot, texts...)
}

// Check asserts the address, the visible text and the width of the page,
// then saves a full-page screenshot named shot.
func (b *Tab) Check(path, shot string, texts ...string) {
	b.t.Helper()
	testkit.CheckPage(b.t, b.Ctx, b.dir, shot, path, b.width, texts...)
}

// SignIn signs in through the sign-in form with webtest.StrongPassword
// and lands on the home page.
func (b *Tab) SignIn(email, shot string) {
	b.t.Helper()
	b.Navigate("/login")
	b.Fill(map[string]string{"email": email, "password": webtest.StrongPassword})
	b.Submit(`main form button[type="submit"]`, "/home", shot)
}

// OpenDetails opens the <details> with these ids, as a tap on each
// summary does.
func (b *Tab) OpenDetails(ids ...string) {
	b.t.Helper()
	for _, id := range ids {
		b.Do(chromedp.Click(chromedp.CSS("#"+id+" > summary"), chromedp.NodeVisible))
	}
}

// MustNotShow fails if the first element matching selector shows any of
// texts.
func (b *Tab) MustNotShow(selector string, texts ...string) {
	b.t.Helper()
	text, err := chromedp.Run(b.Ctx, chromedp.Text(chromedp.CSS(selector)))
	if err != nil {
		b.t.Fatalf("read %s: %v", selector, err)
	}
	for _, s := range texts {
		if strings.Contains(text, s) {
			b.t.Errorf("%s shows %q:\n%s", selector, s, text)
		}
	}
}

// Display is the computed CSS display of the first element matching css.
func (b *Tab) Display(css string) string {
	b.t.Helper()
	got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[string](`getComputedStyle(document.querySelector(`+fmt.Sprintf("%q", css)+`)).display`))
	if err != nil {
		b.t.Fatal(err)
	}
	return got
}

// Viewport saves what the screen shows, as the user sees it (not the
// whole page), as shot.png among the screenshots.
func (b *Tab) Viewport(shot string) {
	b.t.Helper()
	png, err := chromedp.Run(b.Ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(b.dir, shot+".png"), png, 0o644); err != nil {
		b.t.Fatal(err)
	}
}

// Evaluate runs js in the tab and returns its value, failing the test on
// an error.
func Evaluate[T any](b *Tab, js string) T {
	b.t.Helper()
	got, err := chromedp.Run(b.Ctx, chromedp.Evaluate[T](js))
	if err != nil {
		b.t.Fatalf("%s: %v", js, err)
	}
	return got
}

// WaitFor waits up to 15 seconds until js is true.
func (b *Tab) WaitFor(js string) {
	b.t.Helper()
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if ok, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](js)); err == nil && ok {
			return
		}
	}
	b.t.Fatalf("never true: %s", js)
}

// MarkDocument marks the document now shown, so MustStayInPlace can tell
// an update in place from a reload.
func (b *Tab) MarkDocument() { Evaluate[bool](b, `window.noReload = true; true`) }

// MustStayInPlace fails unless the document marked by MarkDocument is
// still shown, scrolled where it was (before, at least 300 px down, give
// or take 100 px): what was done did not reload the page or jump to its
// top.
func (b *Tab) MustStayInPlace(before float64, what string) {
	b.t.Helper()
	if !Evaluate[bool](b, `window.noReload === true`) {
		b.t.Errorf("%s reloaded the page", what)
	}
	after := Evaluate[float64](b, `window.scrollY`)
	if before < 300 || math.Abs(after-before) > 100 {
		b.t.Errorf("%s moved the page from scrollY %v to %v", what, before, after)
	}
}

// MustHaveHash fails unless the address ends with the #fragment want.
func (b *Tab) MustHaveHash(want string) {
	b.t.Helper()
	if got := Evaluate[string](b, `location.hash`); got != want {
		b.t.Errorf("the address ends with %q, want %q", got, want)
	}
}
