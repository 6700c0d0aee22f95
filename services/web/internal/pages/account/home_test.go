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
	if h.Name != "Sam" || !h.IsOrgAdmin() || !h.IsProgramme() || h.ProgType != ptype || h.OrgID != "o1" || h.OrgName != "Huis" {
		t.Errorf("homePageOf = %+v", h)
	}
	obs := homePageOf(api.Account{
		User:         api.User{Name: "Inge", Role: kit.RoleOrgAdmin},
		Organisation: &api.Organisation{ID: "o2", Name: "Stad Kortrijk", Kind: kit.KindObserver},
	})
	if !obs.IsObserver() || obs.IsProgramme() || obs.IsEmployer() || obs.ProgType != "" {
		t.Errorf("homePageOf(observer) = %+v", obs)
	}
	// A platform administrator belongs to no organisation.
	admin := homePageOf(api.Account{User: api.User{Name: "Admin", Role: kit.RoleAdmin}})
	if !admin.IsAdmin() || admin.OrgID != "" || admin.OrgKind != "" {
		t.Errorf("homePageOf(admin) = %+v", admin)
	}
}

func TestTheHomePageShowsItsOwnFlashOnly(t *testing.T) {
	h := &homePage{}
	h.showFlash(&kit.Flash{Kind: kit.FlashInvitation, Email: "a@b.test", Link: "https://onward.test/invitations/x"})
	if h.Invitation == nil || h.Invitation.Link == "" {
		t.Errorf("after an invitation's flash: %+v", h)
	}
	// An organisation just added is the administrator's panel's to show,
	// a role's status change the employer's.
	for _, kind := range []string{kit.FlashOrganisation, kit.FlashRoleStatus} {
		h = &homePage{}
		h.showFlash(&kit.Flash{Kind: kind, OrgName: "Nieuw", RoleTitle: "Barista"})
		if h.Invitation != nil {
			t.Errorf("a %s flash showed as the page's own: %+v", kind, h)
		}
	}
}
