package admin_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/onward-jobs/onward/services/web/internal/webtest"
)

func TestOrganisationAdministratorChangesRolesAndRemovesMembers(t *testing.T) {
	t.Parallel()
	o := newAdminOrg(t)
	p := o.coach.Get("/organisation")
	p.MustContain(t, "Administrator", "Team member")
	// Lien is a member: she may be made an administrator, not a member.
	promote := actionHref(t, p, "Make administrator", "Lien Maes")
	p.MustNotContain(t, `Make member<span class="visually-hidden"> Lien Maes</span>`,
		`Remove<span class="visually-hidden"> Sam Claes</span>`, `Make member<span class="visually-hidden"> Sam Claes</span>`)

	// Promote: asked first; her sessions end, and once she signs in again
	// she manages the organisation.
	o.coach.Get(promote).MustContain(t, "Make Lien Maes an administrator?", "signed out", "sign in again", "Make administrator")
	promoted := o.coach.Submit(promote, promote, url.Values{})
	promoted.MustBeAt(t, "/organisation", http.StatusOK)
	promoted.MustContain(t, "Lien Maes is now an administrator.")
	demote := actionHref(t, promoted, "Make member", "Lien Maes")
	promoted.MustNotContain(t, `Make administrator<span class="visually-hidden"> Lien Maes</span>`)
	mustBeSignedOut(t, o.member)
	lien := webtest.SignIn(t, o.g, o.memberEmail, webtest.StrongPassword)
	hers := lien.Get("/organisation")
	hers.MustBeAt(t, "/organisation", http.StatusOK)
	hers.MustContain(t, o.orgTitle, "Lien Maes", "(you)")
	actionHref(t, hers, "Make member", "Sam Claes")
	actionHref(t, hers, "Remove", "Sam Claes")
	// The role she already has is not offered, even by address.
	again := o.coach.Get(promote)
	again.MustBeAt(t, promote, http.StatusConflict)
	again.MustContain(t, "Lien Maes is already an administrator.")
	again.MustNotContain(t, `action="`+promote+`"`)

	// Demote: she is a member again after signing in again.
	o.coach.Get(demote).MustContain(t, "Make Lien Maes a team member?", "sign in again")
	demoted := o.coach.Submit(demote, demote, url.Values{})
	demoted.MustBeAt(t, "/organisation", http.StatusOK)
	demoted.MustContain(t, "Lien Maes is now a team member.")
	mustBeSignedOut(t, lien)
	lien = webtest.SignIn(t, o.g, o.memberEmail, webtest.StrongPassword)
	lien.Get("/organisation").MustBeAt(t, "/organisation", http.StatusForbidden)
	lien.Get(demote).MustBeAt(t, demote, http.StatusForbidden)

	// Removing or demoting oneself is explained, not offered.
	remove := actionHref(t, demoted, "Remove", "Lien Maes")
	me := coachID(t, o)
	for _, self := range []string{strings.Replace(remove, memberID(remove), me, 1), strings.Replace(demote, memberID(demote), me, 1)} {
		own := o.coach.Get(self)
		own.MustBeAt(t, self, http.StatusConflict)
		own.MustContain(t, "You cannot remove yourself or change your own role. Ask another administrator.")
		own.MustNotContain(t, `action="`+self+`"`)
		posted := o.coach.Submit("/organisation", self, url.Values{})
		posted.MustBeAt(t, self, http.StatusConflict)
		posted.MustContain(t, "You cannot remove yourself or change your own role.")
	}

	// Remove: asked first; her account is gone, her session ends and her
	// address no longer signs in.
	o.coach.Get(remove).MustContain(t, "Remove Lien Maes from the organisation?", "account is deleted",
		"within seconds", "keep only", "Remove from the organisation")
	removed := o.coach.Submit(remove, remove, url.Values{})
	removed.MustBeAt(t, "/organisation", http.StatusOK)
	removed.MustContain(t, "Lien Maes has been removed from the organisation.")
	mustBeSignedOut(t, lien)
	refused := webtest.NewBrowser(t, o.g).Submit("/login", "/login", url.Values{"email": {o.memberEmail}, "password": {webtest.StrongPassword}})
	refused.MustBeAt(t, "/login", http.StatusUnauthorized)
	later := o.coach.Get("/organisation")
	later.MustNotContain(t, "Lien Maes", o.memberEmail)
	o.coach.Get(remove).MustBeAt(t, remove, http.StatusNotFound)
	o.coach.Submit("/organisation", remove, url.Values{}).MustBeAt(t, remove, http.StatusNotFound)
}

// mustBeSignedOut waits, a few seconds at most, for b's session to be
// refused: the gateway ends a member's sessions when they are removed or
// change role, and every service refuses their tokens within seconds.
func mustBeSignedOut(t *testing.T, b *webtest.Browser) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		p := b.Get("/home")
		if p.URL.Path == "/login" {
			return
		}
		if time.Now().After(deadline) {
			t.Fatalf("the session still works: %s %d", p.URL.Path, p.Status)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
