package site_test

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/onward-jobs/onward/pkg/testkit"
	"github.com/onward-jobs/onward/services/web/internal/webtest"
	"github.com/onward-jobs/onward/services/web/internal/webtest/chrome"
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

	dir := testkit.ArtifactDir(t, "screenshots")

	// The smallest common phones are 360px wide; Dutch has the longest words.
	small := chrome.NewTab(t, ctx, g.URL, dir).SmallPhone()
	small.Open("/lang/nl?next=/signup", "00-phone360-signup-nl", "Aanmelden als werkgever", "Naam van uw bedrijf")

	phone := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	phone.Open("/lang/en?next=/", "01-phone-landing", "Hire for skills", "Sign up as an employer")
	phone.Open("/lang/nl?next=/", "02-phone-landing-nl", "Neem mensen aan om wat ze kunnen")
	phone.Open("/lang/en?next=/signup", "03-phone-signup", "Sign up as an employer", "Name of your business")

	phone.Fill(map[string]string{"organisation_name": "Bakkerij Morgenrood", "name": "Ana Peeters", "email": "ana@", "password": "short"})
	phone.Submit(`main form button[type="submit"]`, "/signup", "04-phone-signup-errors", "Enter an e-mail address", "Use at least 12 characters")
	phone.Fill(map[string]string{"email": email, "password": browserPassword})
	phone.Submit(`main form button[type="submit"]`, "/home", "05-phone-home", "Welcome, Ana Peeters", "Bakkerij Morgenrood", "Invite a colleague")

	small.Do(chromedp.EmulateViewport(360, 740, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	small.Open("/lang/nl?next=/home", "05-phone360-home-nl", "Welkom, Ana Peeters", "Uitloggen")
	phone.Do(chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulateScale(2)))
	phone.Open("/lang/en?next=/home", "05-phone-home-en", "Welcome, Ana Peeters")
	phone.Submit(`form[action="/logout"] button`, "/login", "06-phone-signed-out", "You have signed out.")
	phone.Fill(map[string]string{"email": email, "password": browserPassword})
	phone.Submit(`main form button[type="submit"]`, "/home", "07-phone-home-again", "Welcome, Ana Peeters")
	phone.Submit(`form[action="/logout"] button`, "/login", "08-phone-signed-out-again", "You have signed out.")

	tabCtx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	desktop := chrome.NewTab(t, tabCtx, g.URL, dir).Desktop()
	desktop.Open("/", "09-desktop-landing", "Hire for skills")
	desktop.Open("/login", "10-desktop-login", "Sign in to Onward")
	desktop.Fill(map[string]string{"email": email, "password": browserPassword})
	desktop.Submit(`main form button[type="submit"]`, "/home", "11-desktop-home", "Welcome, Ana Peeters", "What comes next")
}

// TestBrowserProgrammeOnboarding walks the administrator's and the
// invitee's pages at a phone's size: the administrator adds a programme
// organisation and invites its first administrator, who accepts in a
// separate browser profile and lands on their home page.
func TestBrowserProgrammeOnboarding(t *testing.T) {
	g := webtest.Start(t, map[string]string{"LOGIN_IP_LIMIT": "1000000"})
	ctx := testkit.Chromium(t, 2*time.Minute)
	dir := testkit.ArtifactDir(t, "screenshots")

	admin := chrome.NewTab(t, ctx, g.URL, dir).Phone()
	admin.Open("/login", "20-phone-admin-login", "Sign in to Onward")
	admin.Fill(map[string]string{"email": g.AdminEmail, "password": webtest.AdminPassword})
	admin.Submit(`main form button[type="submit"]`, "/home", "21-phone-admin-home", "You administer the Onward platform", "Add an organisation")
	admin.Fill(map[string]string{"org_name": "Koffiebranderij Kortrijk"})
	admin.Do(chromedp.SetValue(chromedp.ID("programme_type"), "detention_house"))
	admin.Submit(`form[action="/home/organisations"] button[type="submit"]`, "/home", "22-phone-admin-created",
		"Koffiebranderij Kortrijk has been added", "Invite the first administrator of Koffiebranderij Kortrijk")
	admin.Fill(map[string]string{"email": fmt.Sprintf("coach.%d@huis.test", time.Now().UnixNano())})
	admin.Submit(`form[action="/home/invitations"] button[type="submit"]`, "/home", "23-phone-admin-invited", "Invitation ready", "Copy link")
	link, err := chromedp.Run(ctx, chromedp.Value(chromedp.ID("invite-link")))
	if err != nil {
		t.Fatal(err)
	}

	inviteeCtx, cancel := chromedp.NewContext(ctx, chromedp.WithNewBrowserContext())
	defer cancel()
	invitee := chrome.NewTab(t, inviteeCtx, g.URL, dir).Phone()
	invitee.Open(strings.TrimPrefix(link, g.URL), "24-phone-invitation", "Join Koffiebranderij Kortrijk on Onward", "administrator")
	invitee.Fill(map[string]string{"name": "Sam Claes", "password": browserPassword})
	invitee.Submit(`main form button[type="submit"]`, "/home", "25-phone-invitee-home", "Welcome, Sam Claes", "register candidates")
}
