package site_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

// programmeAdminEmail is programmeAdmin for a real browser: the
// administrator of a new programme organisation, by e-mail address, whose
// password is strongPassword.
func programmeAdminEmail(t *testing.T, g *webtest.Stack) string {
	t.Helper()
	admin := newBrowser(t, g)
	admin.submit("/login", "/login", url.Values{"email": {g.AdminEmail}, "password": {webtest.AdminPassword}}).mustBeAt(t, "/home", http.StatusOK)
	created := admin.submit("/home", "/home/organisations", url.Values{
		"org_name": {"Koffiebranderij Kortrijk"}, "kind": {"programme"}, "programme_type": {"detention_house"},
	})
	email := uniqueEmail(t)
	invited := admin.submit("/home", "/home/invitations", url.Values{
		"email": {email}, "role": {"org_admin"}, "org_id": {formValue(t, created.Body, "org_id")}, "org_label": {"Koffiebranderij Kortrijk"},
	})
	link := invitationPath(t, invited)
	newBrowser(t, g).submit(link, link, url.Values{"name": {"Sam Claes"}, "password": {strongPassword}}).mustBeAt(t, "/home", http.StatusOK)
	return email
}

// TestBrowserCorrectionsAndHonestStates walks the corrections as staff see
// them on a phone, then the revoked attestation's verify page on a
// desktop: hours corrected after a "changed meanwhile", a certificate
// removed after its confirmation, an attestation revoked with its reason,
// a programme's supervisors edited, consent on an older text in Dutch, the
// registration step's consent text in French (published in English), and
// the audit trail in words.
func TestBrowserCorrectionsAndHonestStates(t *testing.T) {
	k, m := newStaffFake(t), newFakeMatching(t)
	g := start(t, map[string]string{"CANDIDATES_URL": k.URL, "MATCHING_URL": m.URL})
	correctionsCandidate(k)
	k.addCandidate("c2", map[string]any{"alias": "K7Q2",
		"consent": map[string]any{"matching": true, "text_version": "2026-11", "text_current": false, "recorded_at": "2026-11-02T09:30:00Z"}})
	k.addCandidate("c3", map[string]any{"alias": "M3P8"})
	email := programmeAdminEmail(t, g)

	ctx := testkit.Chromium(t, 3*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phone := &browserTab{t: t, ctx: ctx, base: g.URL, dir: dir, width: 390}
	phone.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	phone.open("/lang/en?next=/login", "corr-00-phone-login", "Sign in to Onward")
	phone.fill(map[string]string{"email": email, "password": strongPassword})
	phone.submit(`main form button[type="submit"]`, "/home", "corr-01-phone-home", "Welcome, Sam Claes")

	// Programme hours: someone changes the candidate while the form is open.
	phone.open("/candidates/c1", "corr-02-phone-candidate", "Programme hours", "Correct", "Remove", "Revoke")
	phone.open("/candidates/c1/records/r1/edit", "corr-03-phone-record-form", "Correct programme hours")
	phone.fill(map[string]string{"rec_hours": "640"})
	k.setVersion("c1", 9)
	phone.submit(`main form button[type="submit"]`, "/candidates/c1/records/r1/edit", "corr-04-phone-record-stale",
		"Someone changed this candidate meanwhile.")
	phone.fill(map[string]string{"rec_hours": "640"})
	phone.submit(`main form button[type="submit"]`, "/candidates/c1", "corr-05-phone-record-saved", "The programme hours are corrected.", "640 hours")

	// A certificate is removed only after the confirmation.
	phone.open("/candidates/c1/certificates/x1/remove", "corr-06-phone-remove-confirm", "Remove this certificate?", "Food hygiene", "No, keep it")
	phone.submit(`main form button[type="submit"]`, "/candidates/c1", "corr-07-phone-removed", "The certificate is removed.")

	// Revoking: the reason, the note's warning and the confirmation.
	phone.open("/candidates/c1/attestations/a1/revoke", "corr-08-phone-revoke-form", "Why revoke it?",
		"never about the person, their history or any offence", "What revoking does")
	phone.submit(`main form button[type="submit"]`, "/candidates/c1/attestations/a1/revoke", "corr-09-phone-revoke-errors",
		"Choose why the attestation is revoked.", "Tick this to confirm")
	phone.do(chromedp.Click(chromedp.CSS(`input[name="reason"][value="wrong_skill_or_level"]`)),
		chromedp.SendKeys(chromedp.ID("note"), "Level 3 was meant for the garden."),
		chromedp.Click(chromedp.CSS(`input[name="confirm"]`)))
	phone.submit(`main form button[type="submit"]`, "/candidates/c1", "corr-10-phone-revoked",
		"The attestation is revoked.", "Revoked attestations", "Reason: Wrong skill or level.")

	// The programme's supervisors.
	phone.open("/programmes/p1/edit", "corr-11-phone-programme-form", "Edit the programme", "Supervisors")
	phone.do(chromedp.Click(chromedp.CSS(`input[name="supervisors"]`)))
	phone.submit(`button[name="action"][value="save"]`, "/programmes/p1", "corr-12-phone-programme-saved", "The programme is saved.")

	// Honest states: consent on an older text, the text in the reader's
	// language or said to be in another, and the audit trail in words.
	phone.open("/lang/nl?next=/candidates/c2/consent", "corr-13-phone-consent-older-nl",
		"eerdere toestemmingstekst (versie 2026-11)", "onder de schuilnaam K7Q2.")
	phone.open("/lang/fr?next=/candidates/c3/register/consent", "corr-14-phone-register-consent-fr",
		"n'est pas encore publié dans votre langue", "under the alias M3P8.")
	phone.open("/lang/en?next=/candidates/c1/audit", "corr-15-phone-audit", "Revoked an attestation", "identity, day release, programme hours")

	tabCtx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	desktop := &browserTab{t: t, ctx: tabCtx, base: g.URL, dir: dir}
	desktop.do(chromedp.EmulateViewport(1280, 800))
	desktop.open("/attestations/a1", "corr-16-desktop-verify-revoked", "This attestation was revoked", "Reason: Wrong skill or level.")
	desktop.open("/candidates/c1", "corr-17-desktop-candidate", "Revoked attestations", "640 hours")
}
