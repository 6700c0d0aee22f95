package admin

import (
	"io/fs"
	"strings"
	"testing"

	"github.com/gofiber/fiber/v2"
	"github.com/valyala/fasthttp"

	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// newTestPages builds the pages over a kit that never reaches a gateway.
func newTestPages(t *testing.T) (*Pages, *fiber.Ctx) {
	t.Helper()
	k := kit.New(kit.Deps{APIURL: "http://127.0.0.1:9", PublicURL: "https://onward.test", Locales: []fs.FS{Locales}})
	app := fiber.New()
	c := app.AcquireCtx(&fasthttp.RequestCtx{})
	t.Cleanup(func() { app.ReleaseCtx(c) })
	return New(k, nil), c
}

func TestHomePanelIsEmptyForAnyoneButAPlatformAdministrator(t *testing.T) {
	p, c := newTestPages(t)
	html, err := p.HomePanel(c, p.k.NewView(c, "/home"))
	if err != nil || html != "" {
		t.Fatalf("HomePanel for nobody = %q, %v; want nothing", html, err)
	}
}

// TestHomePanelShowsTheOrganisationJustAdded draws the panel's template as
// a platform administrator sees it after adding an organisation, and after
// a refused invitation with what was typed.
func TestHomePanelShowsTheOrganisationJustAdded(t *testing.T) {
	p, c := newTestPages(t)
	v := p.k.NewView(c, "/home")
	v.Data = "the home page's own data"
	pv := *v
	pv.Data = &homePanelData{
		Created:   &kit.Flash{Kind: kit.FlashOrganisation, OrgID: "org-1", OrgName: "Koffiebranderij Kortrijk"},
		InviteOrg: "org-1", InviteName: "Koffiebranderij Kortrijk", InviteRoles: inviteRoles, ProgTypes: programmeTypes,
	}
	pv.Form = map[string]string{"kind": kit.KindProgramme, "role": kit.RoleOrgAdmin, "programme_type": "detention_house"}
	html, err := p.templates.Fragment("home_panel", "admin-home", &pv)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"Koffiebranderij Kortrijk has been added", "Invite the first administrator of Koffiebranderij Kortrijk",
		`name="org_id" value="org-1"`, `value="org_admin" checked`, `href="/admin/organisations"`, "Browse organisations",
		`action="/home/organisations"`, `value="detention_house" selected`, `value="programme" checked`,
	} {
		if !strings.Contains(string(html), want) {
			t.Errorf("the panel lacks %q:\n%s", want, html)
		}
	}
	if v.Data != "the home page's own data" {
		t.Error("the panel changed the page's view")
	}
}

// TestTheFormOffersObserversWithoutAProgrammeType: the kind chosen is
// checked again after a refusal, and a programme type is sent for a
// programme organisation only.
func TestTheFormOffersObserversWithoutAProgrammeType(t *testing.T) {
	p, c := newTestPages(t)
	pv := *p.k.NewView(c, "/home")
	pv.Data = &homePanelData{InviteRoles: inviteRoles, ProgTypes: programmeTypes}
	pv.Form = map[string]string{"kind": kit.KindObserver, "role": kit.RoleOrgAdmin}
	html, err := p.templates.Fragment("home_panel", "admin-home", &pv)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(html), `value="observer" checked`) || strings.Contains(string(html), `value="programme" checked`) {
		t.Errorf("the observer radio is not the one checked:\n%s", html)
	}
	for kind, wantType := range map[string]bool{kit.KindProgramme: true, kit.KindObserver: false, kit.KindEmployer: false} {
		v := p.k.NewView(c, "/home")
		v.Form = map[string]string{"org_name": "Stad Kortrijk", "kind": kind, "programme_type": "probation_service"}
		if in := newOrganisationOf(v); (in.ProgrammeType != nil) != wantType || string(in.Kind) != kind {
			t.Errorf("newOrganisationOf(%s) = %+v, programme type wanted: %v", kind, in, wantType)
		}
	}
}
