package staff_test

import (
	"fmt"
	"math"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserAttestationConfirmedWhereTheUserLooks shows the end of an
// attestation on a phone: the redirect lands on the candidate's
// attestations, with the confirmation on screen.
func TestBrowserAttestationConfirmedWhereTheUserLooks(t *testing.T) {
	f, m := fake.NewPortfolio(t), fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"CANDIDATES_URL": f.URL, "MATCHING_URL": m.URL})
	email := webtest.ProgrammeAdminEmail(t, g)
	ctx := testkit.Chromium(t, 3*time.Minute)
	phone := chrome.NewTab(t, ctx, g.URL, testkit.ArtifactDir(t, "screenshots")).Phone()
	phone.Open("/lang/en?next=/login", "71-attest-00-login", "Sign in to Onward")
	phone.Fill(map[string]string{"email": email, "password": webtest.StrongPassword})
	phone.Submit(`main form button[type="submit"]`, "/home", "71-attest-01-home")

	phone.Open("/candidates/c1/attest", "71-attest-02-form")
	evaluate[bool](t, phone, fmt.Sprintf(`(function () {
		var pick = function (css) { var el = document.querySelector(css); if (el) el.checked = true; };
		pick("input[name=programme]"); pick("input[name=skill]"); pick("input[name=level][value=\"3\"]");
		document.getElementById("hours").value = "600";
		document.getElementById("evidence").value = "Roasts daily batches alone.";
		document.getElementById("date").value = %q;
		return true;
	})()`, time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)))
	phone.Submit(`.actions button[value="attest"]`, "/candidates/c1", "71-attest-03-candidate-page")
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
	phone.Viewport("71-attest-04-phone-confirmation")
}

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
