package staff_test

import (
	"fmt"
	"testing"
	"time"

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
	chrome.Evaluate[bool](phone, fmt.Sprintf(`(function () {
		var pick = function (css) { var el = document.querySelector(css); if (el) el.checked = true; };
		pick("input[name=programme]"); pick("input[name=skill]"); pick("input[name=level][value=\"3\"]");
		document.getElementById("hours").value = "600";
		document.getElementById("evidence").value = "Roasts daily batches alone.";
		document.getElementById("date").value = %q;
		return true;
	})()`, time.Now().UTC().AddDate(0, 0, -1).Format(time.DateOnly)))
	phone.Submit(`.actions button[value="attest"]`, "/candidates/c1", "71-attest-03-candidate-page")
	phone.MustHaveHash("#attestations")
	phone.WaitFor(`!!document.getElementById("attested-notice")`)
	box := chrome.Evaluate[[]float64](phone, `(function () {
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
