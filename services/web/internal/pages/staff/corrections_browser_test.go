package staff_test

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
	"github.com/onward-jobs/onward/services/web/internal/webtest/fake"
)

// TestBrowserCorrectionsAndHonestStates walks the corrections as staff see
// them on a phone, then the revoked attestation's verify page on a
// desktop: hours corrected after a "changed meanwhile", a certificate
// removed after its confirmation, an attestation revoked with its reason,
// a programme's supervisors edited, consent on an older text in Dutch, the
// registration step's consent text in French (published in English), and
// the audit trail in words.
func TestBrowserCorrectionsAndHonestStates(t *testing.T) {
	k, m := fake.NewCandidates(t), fake.NewVocabulary(t)
	g := webtest.Start(t, map[string]string{"CANDIDATES_URL": k.URL, "MATCHING_URL": m.URL})
	correctionsCandidate(k)
	k.AddCandidate("c2", map[string]any{"alias": "K7Q2",
		"consent": map[string]any{"matching": true, "text_version": "2026-11", "text_current": false, "recorded_at": "2026-11-02T09:30:00Z"}})
	k.AddCandidate("c3", map[string]any{"alias": "M3P8"})
	email := webtest.ProgrammeAdminEmail(t, g)

	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phone := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	phone.Open("/lang/en?next=/login", "corr-00-phone-login", "Sign in to Onward")
	phone.Fill(map[string]string{"email": email, "password": webtest.StrongPassword})
	phone.Submit(`main form button[type="submit"]`, "/home", "corr-01-phone-home", "Welcome, Sam Claes")

	// Programme hours: someone changes the candidate while the form is open.
	phone.Open("/candidates/c1", "corr-02-phone-candidate", "Programme hours", "Correct", "Remove", "Revoke")
	phone.Open("/candidates/c1/records/r1/edit", "corr-03-phone-record-form", "Correct programme hours")
	phone.Fill(map[string]string{"rec_hours": "640"})
	k.SetVersion("c1", 9)
	phone.Submit(`main form button[type="submit"]`, "/candidates/c1/records/r1/edit", "corr-04-phone-record-stale",
		"Someone changed this candidate meanwhile.")
	phone.Fill(map[string]string{"rec_hours": "640"})
	phone.Submit(`main form button[type="submit"]`, "/candidates/c1", "corr-05-phone-record-saved", "The programme hours are corrected.", "640 hours")

	// A certificate is removed only after the confirmation.
	phone.Open("/candidates/c1/certificates/x1/remove", "corr-06-phone-remove-confirm", "Remove this certificate?", "Food hygiene", "No, keep it")
	phone.Submit(`main form button[type="submit"]`, "/candidates/c1", "corr-07-phone-removed", "The certificate is removed.")

	// Revoking: the reason, the note's warning and the confirmation.
	phone.Open("/candidates/c1/attestations/a1/revoke", "corr-08-phone-revoke-form", "Why revoke it?",
		"never about the person, their history or any offence", "What revoking does")
	phone.Submit(`main form button[type="submit"]`, "/candidates/c1/attestations/a1/revoke", "corr-09-phone-revoke-errors",
		"Choose why the attestation is revoked.", "Tick this to confirm")
	phone.Do(chromedp.Click(chromedp.CSS(`input[name="reason"][value="wrong_skill_or_level"]`)),
		chromedp.SendKeys(chromedp.ID("note"), "Level 3 was meant for the garden."),
		chromedp.Click(chromedp.CSS(`input[name="confirm"]`)))
	phone.Submit(`main form button[type="submit"]`, "/candidates/c1", "corr-10-phone-revoked",
		"The attestation is revoked.", "Revoked attestations", "Reason: Wrong skill or level.")

	// The programme's supervisors.
	phone.Open("/programmes/p1/edit", "corr-11-phone-programme-form", "Edit the programme", "Supervisors")
	phone.Do(chromedp.Click(chromedp.CSS(`input[name="supervisors"]`)))
	phone.Submit(`button[name="action"][value="save"]`, "/programmes/p1", "corr-12-phone-programme-saved", "The programme is saved.")

	// Honest states: consent on an older text, the text in the reader's
	// language or said to be in another, and the audit trail in words.
	phone.Open("/lang/nl?next=/candidates/c2/consent", "corr-13-phone-consent-older-nl",
		"eerdere toestemmingstekst (versie 2026-11)", "onder de schuilnaam K7Q2.")
	phone.Open("/lang/fr?next=/candidates/c3/register/consent", "corr-14-phone-register-consent-fr",
		"n'est pas encore publié dans votre langue", "under the alias M3P8.")
	phone.Open("/lang/en?next=/candidates/c1/audit", "corr-15-phone-audit", "Revoked an attestation", "identity, day release, programme hours")

	tabCtx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	desktop := chrome.NewTab(t, tabCtx, g.URL, dir).Desktop()
	desktop.Open("/attestations/a1", "corr-16-desktop-verify-revoked", "This attestation was revoked", "Reason: Wrong skill or level.")
	desktop.Open("/candidates/c1", "corr-17-desktop-candidate", "Revoked attestations", "640 hours")
}
