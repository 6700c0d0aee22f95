package site

import (
	"errors"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
)

// homeData is what the home page shows: who is signed in, their
// organisation, and the result of the last form, shown once.
type homeData struct {
	Name        string
	Role        string
	OrgID       string
	OrgName     string
	OrgKind     string
	ProgType    string
	Created     *flash // an organisation an administrator just created
	Invitation  *flash // an invitation just issued, with its link
	InviteOrg   string // the organisation the invitation form invites to
	InviteName  string
	ProgTypes   []string
	InviteRoles []string
	InviteDays  int // how long an invitation link works
	// RoleGroups are an employer's roles by status; RolesUnavailable says
	// the employers service could not be asked.
	RoleGroups       []roleGroup
	RolesUnavailable bool
	// ShortlistCounts are the full and near matches of each open role, by
	// role id; a role without one shows no counts (matching_home.go).
	ShortlistCounts map[string]*shortlistCount
}

// IsAdmin, IsOrgAdmin and IsEmployer choose the parts of the page.
func (h homeData) IsAdmin() bool    { return h.Role == roleAdmin }
func (h homeData) IsOrgAdmin() bool { return h.Role == roleOrgAdmin }
func (h homeData) IsEmployer() bool { return h.OrgKind == kindEmployer }

// IsStaff reports whether the user may browse every employer's open roles:
// programme staff and administrators.
func (h homeData) IsStaff() bool { return h.IsAdmin() || h.OrgKind == kindProgramme }

// homeView loads the signed-in account into a home page view.
func (s *site) homeView(c *fiber.Ctx) (*view, *homeData, error) {
	acct, err := s.accounts.me(c.UserContext(), accessToken(c))
	if err != nil {
		return nil, nil, err
	}
	h := &homeData{
		Name: acct.User.Name, Role: acct.User.Role,
		ProgTypes:   programmeTypes,
		InviteRoles: []string{roleMember, roleOrgAdmin},
		InviteDays:  invitationDays,
	}
	if o := acct.Organisation; o != nil {
		h.OrgID, h.OrgName, h.OrgKind, h.ProgType = o.ID, o.Name, o.Kind, o.ProgrammeType
		h.InviteOrg, h.InviteName = o.ID, o.Name
	}
	v := s.newView(c, "/home")
	v.Data = h
	return v, h, nil
}

// home is the signed-in start page, one per role.
func (s *site) home(c *fiber.Ctx) error {
	v, h, err := s.homeView(c)
	if err != nil {
		return s.homeFailed(c, err)
	}
	if f := takeFlash(c); f != nil {
		switch f.Kind {
		case flashOrganisation:
			h.Created, h.InviteOrg, h.InviteName = f, f.OrgID, f.OrgName
		case flashInvitation:
			h.Invitation = f
		case flashRoleStatus, flashRoleConflict, flashRoleSaved, flashProfileSaved:
			roleNotice(v, f)
		}
	}
	if h.IsEmployer() {
		s.loadEmployerRoles(c, h)
		s.loadShortlistCounts(c, h)
	}
	if h.IsAdmin() {
		v.Form["kind"] = string(kindProgramme)
		v.Form["role"] = string(roleOrgAdmin)
	} else {
		v.Form["role"] = string(roleMember)
	}
	return s.render(c, fiber.StatusOK, "home", v)
}

// homeFailed signs out a user whose account is gone, and shows an error
// page for anything else.
func (s *site) homeFailed(c *fiber.Ctx, err error) error {
	if errors.Is(err, errs.Unauthenticated) {
		s.clearSessionCookie(c)
		return c.Redirect("/login", fiber.StatusSeeOther)
	}
	return s.errorPage(c, err)
}

// createOrganisation lets an administrator add a programme (or employer)
// organisation; the home page then offers to invite its first
// administrator.
func (s *site) createOrganisation(c *fiber.Ctx) error {
	v, _, err := s.homeView(c)
	if err != nil {
		return s.homeFailed(c, err)
	}
	formValues(c, v, "org_name", "kind", "programme_type")
	kind, ptype := v.Val("kind"), v.Val("programme_type")
	if kind == kindEmployer {
		ptype = ""
	}
	org, err := s.accounts.createOrganisation(c.UserContext(), accessToken(c), v.Val("org_name"), kind, ptype)
	if err != nil {
		return s.homeFormFailed(c, v, errs.RenameField(err, "name", "org_name"))
	}
	setFlash(c, &flash{Kind: flashOrganisation, OrgID: org.ID, OrgName: org.Name, OrgKind: org.Kind})
	return c.Redirect("/home", fiber.StatusSeeOther)
}

// invite issues an invitation to the posted organisation (an
// administrator's choice) or to the inviter's own.
func (s *site) invite(c *fiber.Ctx) error {
	v, h, err := s.homeView(c)
	if err != nil {
		return s.homeFailed(c, err)
	}
	formValues(c, v, "email", "role", "org_id", "org_label")
	orgID := h.OrgID
	if h.IsAdmin() {
		orgID, h.InviteOrg, h.InviteName = v.Val("org_id"), v.Val("org_id"), v.Val("org_label")
	}
	inv, err := s.accounts.invite(c.UserContext(), accessToken(c), orgID, v.Val("email"), v.Val("role"))
	if err != nil {
		return s.homeFormFailed(c, v, err)
	}
	setFlash(c, &flash{
		Kind: flashInvitation, OrgName: h.InviteName, Email: v.Val("email"), Role: v.Val("role"),
		Link: s.publicURL + "/invitations/" + inv.Token,
	})
	return c.Redirect("/home", fiber.StatusSeeOther)
}

func (s *site) homeFormFailed(c *fiber.Ctx, v *view, err error) error {
	status, ok := formProblem(c, v, err)
	if !ok {
		return s.errorPage(c, err)
	}
	return s.render(c, status, "home", v)
}
