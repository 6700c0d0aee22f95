package site_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

const browserPassword = "amber-meadow-lantern-93"

// TestBrowserEmployerJourney drives a real browser through the web UI: at
// a phone's size an employer signs up, lands on the home page, signs out,
// signs in again and signs out; at a desktop's size they sign in once
// more. Every step checks the visible text and the address, checks that a
// phone never scrolls sideways, and saves a full-page screenshot.
func TestBrowserEmployerJourney(t *testing.T) {
	g := webtest.Start(t, map[string]string{"LOGIN_IP_LIMIT": "1000000"})
	ctx := testkit.Chromium(t, 2*time.Minute)
	email := fmt.Sprintf("owner.%d@bakkerij.test", time.Now().UnixNano())

	// The smallest common phones are 360px wide; Dutch has the longest words.
	small := &browserTab{t: t, ctx: ctx, base: g.URL, dir: testkit.ArtifactDir(t, "screenshots"), width: 360}
	small.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	small.open("/lang/nl?next=/signup", "00-phone360-signup-nl", "Aanmelden als werkgever", "Naam van uw bedrijf")

	phone := &browserTab{t: t, ctx: ctx, base: g.URL, dir: small.dir, width: 390}
	phone.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	phone.open("/lang/en?next=/", "01-phone-landing", "Hire for skills", "Sign up as an employer")
	phone.open("/lang/nl?next=/", "02-phone-landing-nl", "Neem mensen aan om wat ze kunnen")
	phone.open("/lang/en?next=/signup", "03-phone-signup", "Sign up as an employer", "Name of your business")

	phone.fill(map[string]string{"organisation_name": "Bakkerij Morgenrood", "name": "Ana Peeters", "email": "ana@", "password": "short"})
	phone.submit(`main form button[type="submit"]`, "/signup", "04-phone-signup-errors", "Enter an e-mail address", "Use at least 12 characters")
	phone.fill(map[string]string{"email": email, "password": browserPassword})
	phone.submit(`main form button[type="submit"]`, "/home", "05-phone-home", "Welcome, Ana Peeters", "Bakkerij Morgenrood", "Invite a colleague")

	small.do(chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	small.open("/lang/nl?next=/home", "05-phone360-home-nl", "Welkom, Ana Peeters", "Uitloggen")
	phone.do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	phone.open("/lang/en?next=/home", "05-phone-home-en", "Welcome, Ana Peeters")
	phone.submit(`form[action="/logout"] button`, "/login", "06-phone-signed-out", "You have signed out.")
	phone.fill(map[string]string{"email": email, "password": browserPassword})
	phone.submit(`main form button[type="submit"]`, "/home", "07-phone-home-again", "Welcome, Ana Peeters")
	phone.submit(`form[action="/logout"] button`, "/login", "08-phone-signed-out-again", "You have signed out.")

	tabCtx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	desktop := &browserTab{t: t, ctx: tabCtx, base: g.URL, dir: phone.dir}
	desktop.do(chromedp.EmulateViewport(1280, 800))
	desktop.open("/", "09-desktop-landing", "Hire for skills")
	desktop.open("/login", "10-desktop-login", "Sign in to Onward")
	desktop.fill(map[string]string{"email": email, "password": browserPassword})
	desktop.submit(`main form button[type="submit"]`, "/home", "11-desktop-home", "Welcome, Ana Peeters", "What comes next")
}

// TestBrowserProgrammeOnboarding walks the administrator's and the
// invitee's pages at a phone's size: the administrator adds a programme
// organisation and invites its first administrator, who accepts in a
// separate browser profile and lands on their home page.
func TestBrowserProgrammeOnboarding(t *testing.T) {
	g := webtest.Start(t, map[string]string{"LOGIN_IP_LIMIT": "1000000"})
	ctx := testkit.Chromium(t, 2*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")
	phoneSize := chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2))

	admin := &browserTab{t: t, ctx: ctx, base: g.URL, dir: dir, width: 390}
	admin.do(phoneSize)
	admin.open("/login", "20-phone-admin-login", "Sign in to Onward")
	admin.fill(map[string]string{"email": g.AdminEmail, "password": webtest.AdminPassword})
	admin.submit(`main form button[type="submit"]`, "/home", "21-phone-admin-home", "You administer the Onward platform", "Add an organisation")
	admin.fill(map[string]string{"org_name": "Koffiebranderij Kortrijk"})
	admin.do(chromedp.SetValue(chromedp.ID("programme_type"), "detention_house"))
	admin.submit(`form[action="/home/organisations"] button[type="submit"]`, "/home", "22-phone-admin-created",
		"Koffiebranderij Kortrijk has been added", "Invite the first administrator of Koffiebranderij Kortrijk")
	admin.fill(map[string]string{"email": fmt.Sprintf("coach.%d@huis.test", time.Now().UnixNano())})
	admin.submit(`form[action="/home/invitations"] button[type="submit"]`, "/home", "23-phone-admin-invited", "Invitation ready", "Copy link")
	link, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("invite-link")))
	if err != nil {
		t.Fatal(err)
	}

	inviteeCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	invitee := &browserTab{t: t, ctx: inviteeCtx, base: g.URL, dir: dir, width: 390}
	invitee.do(phoneSize)
	invitee.open(strings.TrimPrefix(link, g.URL), "24-phone-invitation", "Join Koffiebranderij Kortrijk on Onward", "administrator")
	invitee.fill(map[string]string{"name": "Sam Claes", "password": browserPassword})
	invitee.submit(`main form button[type="submit"]`, "/home", "25-phone-invitee-home", "Welcome, Sam Claes", "register candidates")
}
