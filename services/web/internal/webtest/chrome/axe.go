package chrome

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
)

// LoadAxe reads axe-core's axe.min.js from tools/axe/node_modules, where
// scripts/ensure-test-deps.sh installs it (npm ci), and checks it is the
// version tools/axe/package.json pins. A missing engine fails the test:
// an audit that cannot run must never pass.
func LoadAxe(t *testing.T) string {
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

// axeRun runs axe-core over the whole document against WCAG 2.0, 2.1
// and 2.2, levels A and AA, with every <details> opened so what it hides
// is audited too.
const axeRun = `(async () => {
	document.querySelectorAll("details").forEach(d => { d.open = true; });
	const r = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]}, resultTypes: ["violations"]});
	return {passes: r.passes.length, violations: r.violations.map(v => ({id: v.id, impact: v.impact || "", help: v.help,
		nodes: v.nodes.slice(0, 4).map(n => n.target.join(" ") + " — " + (n.failureSummary || "").replace(/\s+/g, " ").slice(0, 240))}))};
})()`

// axeResult is what axeRun returns.
type axeResult struct {
	Passes     int `json:"passes"`
	Violations []struct {
		ID     string   `json:"id"`
		Impact string   `json:"impact"`
		Help   string   `json:"help"`
		Nodes  []string `json:"nodes"`
	} `json:"violations"`
}

// Audit injects axe-core (engine, from LoadAxe) into the page shown and
// fails the test for every rule it breaks, naming page, the rule and the
// first elements that break it.
func (b *Tab) Audit(engine, page string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.Ctx, chromedp.Evaluate[bool](engine+"\n;true")); err != nil {
		b.t.Fatalf("%s: inject axe-core: %v", page, err)
	}
	found, err := chromedp.Run(b.Ctx, chromedp.Evaluate[axeResult](axeRun, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("%s: axe.run: %v", page, err)
	}
	if found.Passes == 0 {
		b.t.Fatalf("%s: axe ran no rule", page)
	}
	for _, v := range found.Violations {
		b.t.Errorf("%s: axe %s (%s): %s:\n    %s", page, v.ID, v.Impact, v.Help, strings.Join(v.Nodes, "\n    "))
	}
}
