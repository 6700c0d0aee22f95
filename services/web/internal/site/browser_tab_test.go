package site_test

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// browserTab is one browser tab in a test, with the checks every step of
// the journey makes.
type browserTab struct {
	t     *testing.T
	ctx   context.Context
	base  string
	dir   string
	width int // when set, the page must not be wider than this
}

func (b *browserTab) do(steps ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, steps...); err != nil {
		b.t.Fatalf("browser: %v", err)
	}
}

// open navigates to path (following redirects) and checks the page.
func (b *browserTab) open(path, shot string, texts ...string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.NavigateResponse(b.base+path)); err != nil {
		b.t.Fatalf("open %s: %v", path, err)
	}
	want := path
	if i := strings.IndexAny(want, "?"); i >= 0 {
		want = strings.TrimPrefix(want[i:], "?next=")
	}
	b.check(want, shot, texts...)
}

// fill types values into the form fields with those ids, replacing what
// they hold.
func (b *browserTab) fill(fields map[string]string) {
	b.t.Helper()
	for id, value := range fields {
		b.do(chromedp.Clear(chromedp.ID(id)), chromedp.SendKeys(chromedp.ID(id), value))
	}
}

// submit clicks a submit button, waits for the page that answers and
// checks it is at path.
func (b *browserTab) submit(button, path, shot string, texts ...string) {
	b.t.Helper()
	if _, err := chromedp.RunResponse(b.ctx, chromedp.Click(chromedp.CSS(button), chromedp.NodeVisible)); err != nil {
		b.t.Fatalf("click %s: %v", button, err)
	}
	b.check(path, shot, texts...)
}

// check asserts the address, the visible text and the width of the page,
// then saves a full-page screenshot.
func (b *browserTab) check(path, shot string, texts ...string) {
	b.t.Helper()
	testkit.CheckPage(b.t, b.ctx, b.dir, shot, path, b.width, texts...)
}
