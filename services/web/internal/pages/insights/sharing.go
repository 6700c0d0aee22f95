package insights

import (
	"cmp"
	"errors"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// sharingPath is the sharing page's address, which its forms return to.
const sharingPath = "/insights/sharing"

// organisationID is what an organisation's id can look like; anything
// else names no observer, and is answered so without asking the API.
var organisationID = regexp.MustCompile(`^[A-Za-z0-9_-]{1,64}$`)

// sharingPage lists the observers the organisation shares its reports
// with.
type sharingPage struct {
	Shares []shareRow
}

// shareRow is one observer shared with: its name, since when, and the
// address that stops sharing.
type shareRow struct {
	Name, ID, Since, Revoke string
}

// Sharing is GET /insights/sharing: the observers the organisation shares
// its reports with, and the form to share with another.
func (p *Pages) Sharing(c *fiber.Ctx) error {
	return p.renderSharing(c, p.k.NewView(c, sharingPath), fiber.StatusOK)
}

// renderSharing draws the sharing page with status and the form in v.
func (p *Pages) renderSharing(c *fiber.Ctx, v *kit.View, status int) error {
	resp, err := p.k.API.ListInsightsSharesWithResponse(kit.Ctx(c))
	if err != nil {
		return p.failed(c, err)
	}
	d := &sharingPage{}
	shares := resp.JSON200.Items
	slices.SortFunc(shares, func(x, y api.InsightsShare) int { return cmp.Compare(x.ObserverName, y.ObserverName) })
	for _, s := range shares {
		d.Shares = append(d.Shares, shareRow{Name: s.ObserverName, ID: s.ObserverID, Since: v.Date(s.GrantedAt.Format(time.RFC3339)),
			Revoke: sharingPath + "/" + url.PathEscape(s.ObserverID) + "/revoke"})
	}
	v.Data = d
	return p.templates.Render(c, status, "sharing", v)
}

// Share is POST /insights/sharing: the organisation shares its reports
// with the observer whose id was typed. An id that names no observer
// organisation is answered beside the field.
func (p *Pages) Share(c *fiber.Ctx) error {
	v := p.k.NewView(c, sharingPath)
	kit.FormValues(c, v, "observer_id")
	id := v.Val("observer_id")
	var err error
	switch {
	case id == "":
		err = errObserverMissing
	case !organisationID.MatchString(id):
		err = errs.NotFound
	default:
		_, err = p.k.API.GrantInsightsShareWithResponse(kit.Ctx(c), id)
	}
	var ap *kit.Problem
	switch {
	case err == nil:
		kit.SetNotice(c, "InsightsNoticeShared", "")
		return c.Redirect(sharingPath, fiber.StatusSeeOther)
	case errors.Is(err, errObserverMissing):
		v.AddError("observer_id", v.T("InsightsErrObserverMissing"))
	case errors.Is(err, errs.NotFound), errors.As(err, &ap) && ap.Status == fiber.StatusBadRequest:
		v.AddError("observer_id", v.T("InsightsErrObserverUnknown"))
	default:
		return p.failed(c, err)
	}
	v.Alert = v.T("InsightsErrCheck")
	return p.renderSharing(c, v, fiber.StatusUnprocessableEntity)
}

// errObserverMissing is the sharing form sent without an id.
var errObserverMissing = errors.New("no observer id")

// Revoke is POST /insights/sharing/:observer/revoke: the organisation
// stops sharing with the observer, whose report of it is 404 from then
// on. Sharing that has stopped already counts as done.
func (p *Pages) Revoke(c *fiber.Ctx) error {
	id := strings.Clone(c.Params("observer"))
	if _, err := p.k.API.RevokeInsightsShareWithResponse(kit.Ctx(c), id); err != nil && !errors.Is(err, errs.NotFound) {
		return p.failed(c, err)
	}
	kit.SetNotice(c, "InsightsNoticeRevoked", "")
	return c.Redirect(sharingPath, fiber.StatusSeeOther)
}
