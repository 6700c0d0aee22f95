package admin

import (
	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// memberAction is a change to one person that the organisation page
// offers, after a confirmation page. Its texts are message ids; each
// takes the person's "Name".
type memberAction struct {
	heading, body, submit, notice string
	// self explains why the signed-in user's own account is not offered.
	self string
	// conflict explains the gateway's 409, when it is not about one's own
	// account (self).
	conflict string
	// fits reports whether the action suits the person as they are; nil
	// suits everyone. unfit explains why it does not.
	fits  func(m memberRow) bool
	unfit string
	// routine draws the confirmation calmly: the change is easily undone.
	routine bool
	// leaves is true when the person is gone from the organisation
	// afterwards, so the page can no longer read their name for the
	// notice.
	leaves bool
	// apply makes the change through the gateway.
	apply func(p *Pages, c *fiber.Ctx, sc scope, userID string) error
}

// memberActions are the changes to a person the pages offer, by the last
// segment of their address.
var memberActions = map[string]memberAction{
	"deactivate": {
		heading: "AdminDeactivateHeading", body: "AdminDeactivateBody", submit: "AdminDeactivateSubmit",
		notice: "AdminNoticeDeactivated", self: "AdminErrSelf",
		apply: func(p *Pages, c *fiber.Ctx, _ scope, id string) error {
			_, err := p.k.API.DeactivateUserWithResponse(kit.Ctx(c), id)
			return err
		},
	},
	"reactivate": {
		heading: "AdminReactivateHeading", body: "AdminReactivateBody", submit: "AdminReactivateSubmit",
		notice: "AdminNoticeReactivated", self: "AdminErrSelf", routine: true,
		apply: func(p *Pages, c *fiber.Ctx, _ scope, id string) error {
			_, err := p.k.API.ReactivateUserWithResponse(kit.Ctx(c), id)
			return err
		},
	},
	"remove": {
		heading: "AdminRemoveHeading", body: "AdminRemoveBody", submit: "AdminRemoveSubmit",
		notice: "AdminNoticeRemoved", self: "AdminErrSelfMembership", leaves: true,
		apply: func(p *Pages, c *fiber.Ctx, sc scope, id string) error {
			_, err := p.k.API.RemoveMemberWithResponse(kit.Ctx(c), sc.OrgID, id)
			return err
		},
	},
	"make-admin": {
		heading: "AdminMakeAdminHeading", body: "AdminMakeAdminBody", submit: "AdminMakeAdminSubmit",
		notice: "AdminNoticeMadeAdmin", self: "AdminErrSelfMembership", unfit: "AdminErrAlreadyAdmin", routine: true,
		fits: lacksRole(kit.RoleOrgAdmin), apply: giveRole(kit.RoleOrgAdmin),
	},
	"send-reset": {
		heading: "AdminResetHeading", body: "AdminResetBody", submit: "AdminResetSubmit",
		notice: "AdminNoticeResetSent", self: "AdminErrSelfReset", conflict: "AdminErrResetDeactivated", routine: true,
		fits: func(m memberRow) bool { return m.Active }, unfit: "AdminErrResetDeactivated",
		apply: func(p *Pages, c *fiber.Ctx, _ scope, id string) error {
			_, err := p.k.API.IssuePasswordResetWithResponse(kit.Ctx(c), id)
			return err
		},
	},
	"make-member": {
		heading: "AdminMakeMemberHeading", body: "AdminMakeMemberBody", submit: "AdminMakeMemberSubmit",
		notice: "AdminNoticeMadeMember", self: "AdminErrSelfMembership", unfit: "AdminErrAlreadyMember", routine: true,
		fits: lacksRole(kit.RoleMember), apply: giveRole(kit.RoleMember),
	},
}

// lacksRole suits a person who does not have role yet: the role they
// already have is not offered.
func lacksRole(role string) func(memberRow) bool {
	return func(m memberRow) bool { return m.Role != role }
}

// giveRole changes a person's role; the gateway ends their sessions, so
// they sign in again with the new one.
func giveRole(role string) func(p *Pages, c *fiber.Ctx, sc scope, userID string) error {
	return func(p *Pages, c *fiber.Ctx, sc scope, userID string) error {
		body := api.ChangeRoleRequest{Role: api.ChangeRoleRequestRole(role)}
		_, err := p.k.API.ChangeMemberRoleWithResponse(kit.Ctx(c), sc.OrgID, userID, body)
		return err
	}
}

// Offers reports whether the organisation page offers action for m: never
// for the signed-in user, and only when it suits the person as they are.
func (m memberRow) Offers(action string) bool {
	a, known := memberActions[action]
	return known && !m.Self && (a.fits == nil || a.fits(m))
}
