package admin

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// orgData is the organisation page: who belongs to it and who is invited,
// with what may be done to each.
type orgData struct {
	scope
	Name, Kind, Created string
	Active, Deactivated []memberRow
	Invitations         []invitationRow
	// Reissued is an invitation just issued or re-issued, with its new
	// link, shown once.
	Reissued   *newLink
	InviteDays int
	// Fresh is true when the new link is a first invitation, not a
	// re-issued one.
	Fresh       bool
	InviteRoles []string
	// Vetting is an employer's vetting status and checks; nil for a
	// programme organisation.
	Vetting *vetting
}

// memberRow is one person of the organisation.
type memberRow struct {
	ID, Name, Role, Email string
	Joined, Since         string
	Active                bool
	// Self marks the signed-in user, who cannot switch themselves off,
	// remove themselves or change their own role.
	Self bool
}

// invitationRow is one open invitation.
type invitationRow struct {
	ID, Email, Role, Sent, Expires string
	Expired                        bool
}

// newLink is the link of an invitation just issued or re-issued.
type newLink struct {
	Email, Role, Link string
}

// Organisation shows the organisation page, with the result of the last
// action on it.
func (p *Pages) Organisation(c *fiber.Ctx) error {
	v, d, err := p.organisationView(c)
	if err != nil {
		return p.failed(c, err)
	}
	if n := takeNotice(c, d.Base); n != nil {
		showNotice(v, d, n)
	}
	return p.render(c, fiber.StatusOK, "organisation", v)
}

// organisationView reads the organisation, its people and its open
// invitations. Another organisation's id is the gateway's 404.
func (p *Pages) organisationView(c *fiber.Ctx) (*kit.View, *orgData, error) {
	sc, ctx := scopeOf(c), kit.Ctx(c)
	org, err := p.k.API.GetOrganisationWithResponse(ctx, sc.OrgID)
	if err != nil {
		return nil, nil, err
	}
	people, err := p.roster(c, sc.OrgID)
	if err != nil {
		return nil, nil, err
	}
	invitations, err := p.k.API.ListInvitationsWithResponse(ctx, sc.OrgID)
	if err != nil {
		return nil, nil, err
	}
	v := p.k.NewView(c, sc.Base)
	v.Form["role"] = kit.RoleMember
	d := &orgData{
		scope: sc, Name: org.JSON200.Name, Kind: orgKindLabel(v, *org.JSON200), Created: calendarDate(org.JSON200.CreatedAt),
		InviteDays: invitationDays, InviteRoles: inviteRoles, Vetting: vettingOf(*org.JSON200),
	}
	me := kit.ActorOf(c).UserID
	for _, m := range people {
		row := memberRowOf(m, me)
		if row.Active {
			d.Active = append(d.Active, row)
		} else {
			d.Deactivated = append(d.Deactivated, row)
		}
	}
	for _, inv := range invitations.JSON200.Items {
		d.Invitations = append(d.Invitations, invitationRowOf(inv))
	}
	v.Data = d
	return v, d, nil
}

// roster lists the organisation's people, with their e-mail addresses and
// dates for those who manage it.
func (p *Pages) roster(c *fiber.Ctx, orgID string) ([]api.Member, error) {
	resp, err := p.k.API.ListMembersWithResponse(kit.Ctx(c), orgID)
	if err != nil {
		return nil, err
	}
	return resp.JSON200.Items, nil
}

// memberRowOf is person m as the page lists them; me is the signed-in
// user's id.
func memberRowOf(m api.Member, me string) memberRow {
	row := memberRow{ID: m.ID, Name: m.Name, Role: string(m.Role), Active: m.Active, Self: m.ID == me, Joined: optionalDate(m.CreatedAt)}
	if m.Email != nil {
		row.Email = *m.Email
	}
	if !m.Active {
		row.Since = optionalDate(m.DeactivatedAt)
	}
	return row
}

// invitationRowOf is open invitation inv as the page lists it.
func invitationRowOf(inv api.OpenInvitation) invitationRow {
	return invitationRow{
		ID: inv.ID, Email: inv.Email, Role: string(inv.Role),
		Sent: calendarDate(inv.CreatedAt), Expires: calendarDate(inv.ExpiresAt), Expired: inv.Expired,
	}
}

// member finds one of the organisation's people by id.
func (d *orgData) member(id string) (memberRow, bool) {
	for _, list := range [][]memberRow{d.Active, d.Deactivated} {
		for _, m := range list {
			if m.ID == id {
				return m, true
			}
		}
	}
	return memberRow{}, false
}

// invitation finds one of the organisation's open invitations by id.
func (d *orgData) invitation(id string) (invitationRow, bool) {
	for _, inv := range d.Invitations {
		if inv.ID == id {
			return inv, true
		}
	}
	return invitationRow{}, false
}
