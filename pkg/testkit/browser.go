package testkit

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// ChromiumPath is where Debian's chromium package installs the browser;
// `make test` installs it when it is missing.
const ChromiumPath = "/usr/bin/chromium"

// Chromium starts a headless Debian chromium with a fresh profile and
// returns a browser context that is closed when the test ends or after
// timeout. The flags keep it off every network but loopback. A missing
// browser fails the test: browser tests never skip.
func Chromium(t *testing.T, timeout time.Duration) context.Context {
	t.Helper()
	if _, err := os.Stat(ChromiumPath); err != nil {
		t.Fatalf("testkit: the browser test needs chromium at %s (apt-get install -y chromium): %v", ChromiumPath, err)
	}
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(ChromiumPath),
		chromedp.Headless, chromedp.NoSandbox, chromedp.DisableGPU, chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("password-store", "basic"),
		chromedp.UserDataDir(t.TempDir()),
	}
	ctx, cancelTimeout := context.WithTimeout(context.Background(), timeout)
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	browserCtx, cancelBrowser := chromedp.NewContext(allocCtx)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc(); cancelTimeout() })
	return browserCtx
}

// RepoRoot walks up from the test's directory to the folder holding go.work.
func RepoRoot(t testing.TB) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.work")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("testkit: no go.work above the test's directory")
		}
		dir = parent
	}
}

// ArtifactDir returns, creating it, the folder for test artefacts of one
// kind (such as "screenshots"): under $ARTIFACTS_DIR when set, else under
// artifacts/ at the repository root.
func ArtifactDir(t testing.TB, kind string) string {
	t.Helper()
	base := os.Getenv("ARTIFACTS_DIR")
	if base == "" {
		base = filepath.Join(RepoRoot(t), "artifacts")
	}
	dir := filepath.Join(base, kind)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// CheckPage asserts what a person would see on the page open in ctx: the
// address path, each of texts, and, when maxWidth is set, no sideways
// scrolling beyond it. Then it saves a full-page screenshot as
// <dir>/<shot>.png, so every step of a browser test leaves a picture.
func CheckPage(t testing.TB, ctx context.Context, dir, shot, path string, maxWidth int, texts ...string) {
	t.Helper()
	got, err := chromedp.Run(ctx, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}
	if got != path {
		t.Errorf("%s: at %s, want %s", shot, got, path)
	}
	// The text is read in the page in one step, not through a DOM node
	// id, which a late navigation (a redirect's last hop) can invalidate
	// between the query and the read.
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range texts {
		if !strings.Contains(text, s) {
			t.Errorf("%s: the page does not show %q:\n%s", shot, s, text)
		}
	}
	if maxWidth > 0 {
		width, err := chromedp.Run(ctx, chromedp.Evaluate[int](`document.documentElement.scrollWidth`))
		if err != nil {
			t.Fatal(err)
		}
		if width > maxWidth {
			t.Errorf("%s: the page is %dpx wide on a %dpx screen and scrolls sideways", shot, width, maxWidth)
		}
	}
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, shot+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
