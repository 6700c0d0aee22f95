package verify_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// verifyWords are what each language's pages must show: the form's
// heading, and the verdicts on a valid and a revoked credential.
var verifyWords = map[string][3]string{
	"en": {"Check a credential", "You can trust this credential", "This credential was taken back"},
	"nl": {"Een bewijs controleren", "Je kunt dit bewijs vertrouwen", "Dit bewijs is ingetrokken"},
	"fr": {"Vérifier une attestation numérique", "Vous pouvez faire confiance à cette attestation", "Cette attestation a été retirée"},
	"de": {"Einen Nachweis prüfen", "Sie können diesem Nachweis trauen", "Dieser Nachweis wurde zurückgezogen"},
}

// TestBrowserVerifyInEveryLanguage walks the public checks in a real
// browser, signed out, on a phone (390×844) and on a desktop, in English,
// Dutch, French and German: the form, a pasted credential's verdict, and
// the pages a printed portfolio's QR codes open for a valid and a
// revoked credential. axe-core audits every page (WCAG 2.2 A and AA) and
// each leaves a screenshot. Last, on the phone, the programme staff's
// attestation page with its download and QR code.
func TestBrowserVerifyInEveryLanguage(t *testing.T) {
	s, _ := verifyStack(t)
	engine := chrome.LoadAxe(t)
	browser := testkit.Chromium(t, 5*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	if err := chromedp.Do(browser); err != nil {
		t.Fatalf("start the browser: %v", err)
	}
	credential := fake.CredentialJWT("valid", "a1")
	for _, view := range []string{"phone", "desktop"} {
		ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
		tab := chrome.NewTab(t, ctx, s.URL, dir)
		if view == "phone" {
			tab.Phone()
		} else {
			tab.Desktop()
		}
		for _, lang := range webtest.Languages {
			words := verifyWords[lang]
			shot := func(name string) string { return "verify-" + view + "-" + lang + "-" + name }
			tab.Open("/lang/"+lang+"?next=/verify", shot("01-form"), words[0])
			tab.Audit(engine, shot("form"))
			tab.Do(chromedp.SendKeys(chromedp.ID("credential"), credential))
			tab.Submit(`main form button[type="submit"]`, "/verify", shot("02-verdict"), words[1])
			tab.Audit(engine, shot("verdict"))
			tab.Open("/verify/credentials/a1", shot("03-scanned-valid"), words[1])
			tab.Audit(engine, shot("scanned-valid"))
			tab.Open("/verify/credentials/a2", shot("04-scanned-revoked"), words[2])
			tab.Audit(engine, shot("scanned-revoked"))
		}
		// A revoked credential's file, chosen with the file input.
		file := filepath.Join(t.TempDir(), "onward-credential-a2.jwt")
		if err := os.WriteFile(file, []byte(fake.CredentialJWT("revoked", "a2")+"\n"), 0o600); err != nil {
			t.Fatal(err)
		}
		tab.Open("/lang/en?next=/verify", "verify-"+view+"-en-05-file", verifyWords["en"][0])
		tab.Do(chromedp.SetUploadFiles(chromedp.ID("file"), []string{file}))
		tab.Submit(`main form button[type="submit"]`, "/verify", "verify-"+view+"-en-06-file-verdict", verifyWords["en"][2], "Taken back on")
		if view == "phone" {
			staffAttestation(t, s, browser, dir, engine)
		}
		cancel()
	}
}

// staffAttestation signs a programme's administrator in and audits the
// attestation page with the credential's download and QR code.
func staffAttestation(t *testing.T, s *webtest.Stack, browser context.Context, dir, engine string) {
	t.Helper()
	ctx, cancel := chromedp.NewContext(browser, chromedp.WithNewBrowserContext())
	defer cancel()
	tab := chrome.NewTab(t, ctx, s.URL, dir).Phone()
	tab.Navigate("/lang/en?next=/login")
	tab.SignIn(webtest.ProgrammeAdminEmail(t, s), "verify-phone-en-07-staff-home")
	tab.Open("/attestations/a1", "verify-phone-en-08-staff-attestation", "Download credential (Open Badges 3.0)", "/verify/credentials/a1")
	tab.Audit(engine, "staff attestation")
	tab.Open("/candidates/c1", "verify-phone-en-09-staff-candidate", "Printable portfolio (PDF)", "Include programme names")
	tab.Audit(engine, "staff candidate")
}
