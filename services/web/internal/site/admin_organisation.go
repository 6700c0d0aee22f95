package site

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
)

// adminOrgData is the organisation page: who belongs to it and who is
// invited, with what may be done to each.
type adminOrgData struct {
	adminScope
	Name, Kind, Created string
	Active, Deactivated []adminMemberRow
	Invitations         []adminInvitationRow
	// Reissued is an invitation just re-issued, with its new link, shown
	// once.
	Reissued   *adminNewLink
	InviteDays int
	// Fresh is true when the new link is a first invitation, not a
	// re-issued one.
	Fresh       bool
	InviteRoles []string
}

// adminMemberRow is one person of the organisation.
type adminMemberRow struct {
	ID, Name, Role, Email string
	Joined, Since         string
	// Self marks the signed-in user, who cannot switch themselves off.
	Self bool
}

// adminInvitationRow is one open invitation.
type adminInvitationRow struct {
	ID, Email, Role, Sent, Expires string
	Expired                        bool
}

// adminNewLink is the new link of a re-issued invitation.
type adminNewLink struct {
	Email, Role, Link string
}

// showOrganisation shows the organisation page, with the result of the
// last action on it.
func (p *adminPages) showOrganisation(c *fiber.Ctx) error {
	v, d, err := p.organisationView(c)
	if err != nil {
		return p.failed(c, err)
	}
	if n := takeAdminNotice(c, d.Base); n != nil {
		adminNoticeOn(v, d, n)
	}
	return p.render(c, fiber.StatusOK, "admin_organisation", v)
}

// organisationView reads the organisation, its people and its open
// invitations. Another organisation's id is the gateway's 404.
func (p *adminPages) organisationView(c *fiber.Ctx) (*view, *adminOrgData, error) {
	sc, ctx, token := scopeOf(c), c.UserContext(), accessToken(c)
	org, err := p.api.organisation(ctx, token, sc.OrgID)
	if err != nil {
		return nil, nil, err
	}
	people, err := p.api.roster(ctx, token, sc.OrgID)
	if err != nil {
		return nil, nil, err
	}
	invitations, err := p.api.openInvitations(ctx, token, sc.OrgID)
	if err != nil {
		return nil, nil, err
	}
	v := p.newView(c, sc.Base)
	v.Form["role"] = roleMember
	d := &adminOrgData{adminScope: sc, Name: org.Name, Kind: orgKindLabel(v, org), Created: adminDate(org.CreatedAt), InviteDays: invitationDays, InviteRoles: inviteRoles}
	me := actor(c).UserID
	for _, m := range people {
		row := adminMemberRow{ID: m.ID, Name: m.Name, Role: string(m.Role), Self: m.ID == me}
		if m.Email != nil {
			row.Email = *m.Email
		}
		if m.CreatedAt != nil {
			row.Joined = adminDate(*m.CreatedAt)
		}
		if m.Active {
			d.Active = append(d.Active, row)
			continue
		}
		if m.DeactivatedAt != nil {
			row.Since = adminDate(*m.DeactivatedAt)
		}
		d.Deactivated = append(d.Deactivated, row)
	}
	for _, inv := range invitations {
		d.Invitations = append(d.Invitations, toInvitationRow(inv))
	}
	v.Data = d
	return v, d, nil
}

func toInvitationRow(inv api.OpenInvitation) adminInvitationRow {
	return adminInvitationRow{
		ID: inv.ID, Email: inv.Email, Role: string(inv.Role),
		Sent: adminDate(inv.CreatedAt), Expires: adminDate(inv.ExpiresAt), Expired: inv.Expired,
	}
}

// adminNoticeOn shows the last action's result, naming the invitation or
// person from the page just read.
func adminNoticeOn(v *view, d *adminOrgData, n *adminNotice) {
	switch n.Kind {
	case adminReissued, adminInvited:
		if inv, ok := d.invitation(n.Subject); ok && n.Link != "" {
			d.Reissued = &adminNewLink{Email: inv.Email, Role: inv.Role, Link: n.Link}
			d.Fresh = n.Kind == adminInvited
		}
	case adminRevoked:
		v.Notice = v.T("AdminNoticeRevoked")
	case adminDeactivated:
		if m, ok := d.member(n.Subject); ok {
			v.Notice = v.T("AdminNoticeDeactivated", "Name", m.Name)
		}
	case adminReactivated:
		if m, ok := d.member(n.Subject); ok {
			v.Notice = v.T("AdminNoticeReactivated", "Name", m.Name)
		}
	}
}

// member finds one of the organisation's people by id.
func (d *adminOrgData) member(id string) (adminMemberRow, bool) {
	for _, list := range [][]adminMemberRow{d.Active, d.Deactivated} {
		for _, m := range list {
			if m.ID == id {
				return m, true
			}
		}
	}
	return adminMemberRow{}, false
}

// invitation finds one of the organisation's open invitations by id.
func (d *adminOrgData) invitation(id string) (adminInvitationRow, bool) {
	for _, inv := range d.Invitations {
		if inv.ID == id {
			return inv, true
		}
	}
	return adminInvitationRow{}, false
}
