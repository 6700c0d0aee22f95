package account

import (
	"testing"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

func TestHomePageOfAnAccount(t *testing.T) {
	ptype := "detention_house"
	h := homePageOf(api.Account{
		User:         api.User{Name: "Sam", Role: kit.RoleOrgAdmin},
		Organisation: &api.Organisation{ID: "o1", Name: "Huis", Kind: kit.KindProgramme, ProgrammeType: &ptype},
	})
	if h.Name != "Sam" || !h.IsOrgAdmin() || !h.IsProgramme() || h.ProgType != ptype || h.InviteOrg != "o1" || h.InviteName != "Huis" {
		t.Errorf("homePageOf = %+v", h)
	}
	// A platform administrator belongs to no organisation.
	admin := homePageOf(api.Account{User: api.User{Name: "Admin", Role: kit.RoleAdmin}})
	if !admin.IsAdmin() || admin.InviteOrg != "" || admin.OrgKind != "" {
		t.Errorf("homePageOf(admin) = %+v", admin)
	}
}

func TestTheHomePageShowsItsOwnFlashesOnly(t *testing.T) {
	h := &homePage{}
	h.showFlash(&kit.Flash{Kind: kit.FlashOrganisation, OrgID: "o2", OrgName: "Nieuw"})
	if h.Created == nil || h.InviteOrg != "o2" || h.InviteName != "Nieuw" {
		t.Errorf("after an organisation's flash: %+v", h)
	}
	h = &homePage{}
	h.showFlash(&kit.Flash{Kind: kit.FlashRoleStatus, RoleTitle: "Barista"})
	if h.Created != nil || h.Invitation != nil {
		t.Errorf("a role's flash is the employer panel's, not the page's: %+v", h)
	}
}

func TestAnEmployerOrganisationHasNoProgrammeType(t *testing.T) {
	in := organisationRequestOf(&kit.View{Form: map[string]string{"org_name": "Bakkerij", "kind": "employer", "programme_type": "detention_house"}})
	if in.ProgrammeType != nil || in.Kind != kit.KindEmployer || in.Name != "Bakkerij" {
		t.Errorf("organisationRequestOf = %+v", in)
	}
	in = organisationRequestOf(&kit.View{Form: map[string]string{"org_name": "Huis", "kind": "programme", "programme_type": "transition_house"}})
	if in.ProgrammeType == nil || *in.ProgrammeType != "transition_house" {
		t.Errorf("organisationRequestOf = %+v", in)
	}
}
