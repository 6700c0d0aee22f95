package launcher

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// loadAxe reads axe-core's axe.min.js from tools/axe/node_modules, where
// scripts/ensure-test-deps.sh installs it with npm ci, and checks it is the
// version tools/axe/package.json pins. A missing engine fails the test:
// an audit that cannot run must never pass.
func loadAxe(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(testkit.RepoRoot(t), "tools", "axe")
	engine, err := os.ReadFile(filepath.Join(dir, "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (run scripts/ensure-test-deps.sh, or npm ci in tools/axe): %v", err)
	}
	var pkg, installed struct {
		Version      string            `json:"version"`
		Dependencies map[string]string `json:"dependencies"`
	}
	for path, into := range map[string]any{
		filepath.Join(dir, "package.json"): &pkg, filepath.Join(dir, "node_modules", "axe-core", "package.json"): &installed,
	} {
		raw, err := os.ReadFile(path)
		if err == nil {
			err = json.Unmarshal(raw, into)
		}
		if err != nil {
			t.Fatalf("read %s: %v", path, err)
		}
	}
	if want := pkg.Dependencies["axe-core"]; installed.Version != want {
		t.Fatalf("tools/axe/node_modules holds axe-core %s, package.json pins %s: run scripts/ensure-test-deps.sh", installed.Version, want)
	}
	return string(engine)
}

// axeTags are the rules axe runs: WCAG 2.0, 2.1 and 2.2, levels A and AA.
var axeTags = []string{"wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"}

// axeViewport is one screen the pages are audited on. scale is the
// device pixel ratio: 2 where screenshots are kept, 1 elsewhere, where it
// would only cost drawing time (the layout is the same).
type axeViewport struct {
	name          string
	width, height int64
	mobile        bool
	scale         float64
}

var (
	phoneShotView = axeViewport{"390x844", phoneWidth, phoneHeight, true, 2}
	phoneView     = axeViewport{"390x844", phoneWidth, phoneHeight, true, 1}
	narrowView    = axeViewport{"360x740", 360, 740, true, 1}
	desktopView   = axeViewport{"1280x800", 1280, 800, false, 1}
)

// axeTab is one audience's browser context, with axe-core at hand.
type axeTab struct {
	t        *testing.T
	ctx      context.Context
	close    context.CancelFunc
	base     string
	engine   string
	audience string
	view     axeViewport
}

func newAxeTab(t *testing.T, browser context.Context, base, engine, audience string) *axeTab {
	t.Helper()
	// A browser context of its own: its own cookies, so its own session.
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	t.Cleanup(cancel)
	tab := &axeTab{t: t, ctx: ctx, close: cancel, base: base, engine: engine, audience: audience}
	tab.resize(phoneView)
	return tab
}

// resize emulates the screen v; the open page reflows without a reload.
func (a *axeTab) resize(v axeViewport) {
	a.t.Helper()
	opts := []chromedp.EmulateViewportOption{chromedp.EmulateScale(v.scale)}
	if v.mobile {
		opts = append(opts, chromedp.EmulateMobile, chromedp.EmulateTouch)
	}
	a.do(chromedp.EmulateViewport(v.width, v.height, opts...))
	a.view = v
}

func (a *axeTab) do(steps ...chromedp.Action[chromedp.Void]) {
	a.t.Helper()
	if err := chromedp.Do(a.ctx, steps...); err != nil {
		a.t.Fatalf("%s: browser: %v", a.audience, err)
	}
}

func (a *axeTab) signIn(email, password string) {
	a.t.Helper()
	a.load(a.base+"/lang/en?next=/login", http.StatusOK)
	a.do(chromedp.SendKeys(chromedp.ID("email"), email), chromedp.SendKeys(chromedp.ID("password"), password))
	a.press(`main form button[type="submit"]`, http.StatusOK)
	if at := a.eval(`location.pathname`); at != "/home" {
		a.t.Fatalf("%s: signing in ends at %s", a.audience, at)
	}
}

func (a *axeTab) switchLanguage(lang string) {
	a.t.Helper()
	a.load(a.base+"/lang/"+lang+"?next=/home", 0)
	if got := a.eval(`document.documentElement.lang`); got != lang {
		a.t.Fatalf("%s: after switching to %s the page's language is %q", a.audience, lang, got)
	}
}

// load opens url and checks the answer's status (any, when want is 0).
func (a *axeTab) load(url string, want int64) {
	a.t.Helper()
	resp, err := chromedp.Run(a.ctx, chromedp.NavigateResponse(url))
	if err != nil {
		a.t.Fatalf("%s: open %s: %v", a.audience, url, err)
	}
	if want != 0 && resp.Status != want {
		a.t.Errorf("%s: %s answered %d, want %d", a.audience, url, resp.Status, want)
	}
}

// press clicks the button sel, which loads a page, and checks its status.
func (a *axeTab) press(sel string, want int64) {
	a.t.Helper()
	ctx, cancel := context.WithTimeout(a.ctx, 30*time.Second)
	defer cancel()
	resp, err := chromedp.RunResponse(ctx, chromedp.Click(chromedp.CSS(sel)))
	if err != nil {
		a.t.Fatalf("%s: press %s: %v", a.audience, sel, err)
	}
	if resp.Status != want {
		a.t.Errorf("%s: pressing %s answered %d, want %d", a.audience, sel, resp.Status, want)
	}
}

func (a *axeTab) eval(js string) string {
	a.t.Helper()
	out, err := chromedp.Run(a.ctx, chromedp.Evaluate[string](js))
	if err != nil {
		a.t.Fatalf("%s: evaluate: %v", a.audience, err)
	}
	return out
}

// audit opens pg in lang on the first of views and runs axe over it,
// then again on each of the other views, resizing the same page. With
// dir set it keeps a screenshot of the page on the first view.
func (a *axeTab) audit(pg axePage, lang, dir string, views ...axeViewport) {
	a.t.Helper()
	want := pg.status
	if want == 0 {
		want = http.StatusOK
	}
	at := pg.at
	if at == "" {
		at, _, _ = strings.Cut(pg.path, "?")
	}
	if a.view != views[0] {
		a.resize(views[0])
	}
	if pg.click == "" {
		a.load(a.base+pg.path, want)
	} else {
		a.load(a.base+pg.path, http.StatusOK)
		if pg.fill != "" {
			a.eval(pg.fill + `; ""`)
		}
		a.press(pg.click, want)
	}
	if got := a.eval(`location.pathname`); got != at {
		a.t.Errorf("%s %s (%s): at %s, want %s", a.audience, pg.name, lang, got, at)
	}
	if pg.then != nil {
		pg.then(a)
	}
	if dir != "" {
		testkit.CheckPage(a.t, a.ctx, dir, "axe-"+a.audience+"-"+pg.name, at, int(a.view.width))
	}
	a.injectAxe()
	for i, v := range views {
		if i > 0 {
			a.resize(v)
		}
		a.check(fmt.Sprintf("%s %s (%s, %s)", a.audience, pg.name, lang, v.name))
	}
}

// suggest types text into the picker's field and waits until its
// listbox shows suggestions.
func (a *axeTab) suggest(picker, text string) {
	a.t.Helper()
	a.do(chromedp.SendKeys(chromedp.ID(picker+"_q"), text))
	js := fmt.Sprintf(`(function () {
		var list = document.getElementById(%q);
		return !!list && !list.hidden && list.querySelectorAll("[role=option]").length > 0;
	})()`, picker+"-listbox")
	for deadline := time.Now().Add(15 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if shown, err := chromedp.Run(a.ctx, chromedp.Evaluate[bool](js)); err == nil && shown {
			return
		}
	}
	a.t.Fatalf("%s: the %s picker shows no suggestions for %q", a.audience, picker, text)
}

// injectAxe evaluates axe-core in the page.
func (a *axeTab) injectAxe() {
	a.t.Helper()
	if _, err := chromedp.Run(a.ctx, chromedp.Evaluate[bool](a.engine+"\n;true")); err != nil {
		a.t.Fatalf("%s: inject axe-core: %v", a.audience, err)
	}
}

// axeViolation is one rule a page breaks, with the first elements that
// break it.
type axeViolation struct {
	ID     string   `json:"id"`
	Impact string   `json:"impact"`
	Help   string   `json:"help"`
	Count  int      `json:"count"`
	Nodes  []string `json:"nodes"`
}

// axeRun runs axe over the whole document with details opened, so what
// they hide is audited too, and returns the violations.
var axeRun = `(async () => {
	document.querySelectorAll("details").forEach(d => { d.open = true; });
	const r = await axe.run(document, {runOnly: {type: "tag", values: ` + jsStrings(axeTags) + `}, resultTypes: ["violations"]});
	return {passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
		count: v.nodes.length, nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " — " +
			(n.failureSummary || "").replace(/\s+/g, " ").slice(0, 240))}))};
})()`

// axeResult is what axeRun returns: how many rules the page passes, and
// the violations.
type axeResult struct {
	Passes     int            `json:"passes"`
	Violations []axeViolation `json:"violations"`
}

func (a *axeTab) check(page string) {
	a.t.Helper()
	width, err := chromedp.Run(a.ctx, chromedp.Evaluate[int64](`document.documentElement.scrollWidth`))
	if err == nil && width > a.view.width {
		a.t.Errorf("%s: the page is %dpx wide and scrolls sideways", page, width)
	}
	found, err := chromedp.Run(a.ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		a.t.Fatalf("%s: axe.run: %v", page, err)
	}
	if found.Passes == 0 {
		// No rule ran: an audit that checks nothing must not pass.
		a.t.Fatalf("%s: axe ran no rule", page)
	}
	for _, f := range found.Violations {
		a.t.Errorf("%s: axe %s (%s): %s; %d element(s):\n    %s", page, f.ID, f.Impact, f.Help, f.Count,
			strings.Join(f.Nodes, "\n    "))
	}
}

func jsStrings(ss []string) string {
	return `["` + strings.Join(ss, `", "`) + `"]`
}
