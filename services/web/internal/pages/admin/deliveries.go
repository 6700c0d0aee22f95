package admin

import (
	"net/url"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// deliveriesPageSize is how many deliveries one page lists.
const deliveriesPageSize = 25

// deliveryStatuses are the filters the page offers, "" meaning all.
var deliveryStatuses = []string{"", "failed", "queued", "sent"}

// DeliveryReaders lets those through who may read the mail deliveries:
// platform administrators (all of them) and organisations'
// administrators (their members').
func DeliveryReaders(a kit.Actor) bool { return a.IsAdmin() || a.IsOrgAdmin() }

// deliveriesData is one page of recent deliveries: what kind of mail,
// to whom (by name, when the page can tell), its state and attempts;
// never its content or address, which the service does not give.
type deliveriesData struct {
	Filters     []deliveryFilter
	Items       []deliveryRow
	Status      string
	Next, First string
	// Platform shows the way back to the organisations, else to the
	// organisation page.
	Platform bool
}

// deliveryFilter is one link of the status filter.
type deliveryFilter struct {
	Label, Href string
	Current     bool
}

// deliveryRow is one delivery as the page lists it.
type deliveryRow struct {
	Kind, Person, Status, StatusClass, Error, Created, Sent string
	Attempts                                                int
}

// Deliveries is GET /admin/deliveries: recent e-mail deliveries and
// failures, newest first (?status= filters, ?cursor= pages). The
// notifications service decides whose deliveries each administrator sees.
func (p *Pages) Deliveries(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/admin/deliveries")
	status, cursor := c.Query("status"), c.Query("cursor")
	if !slices.Contains(deliveryStatuses, status) {
		status = ""
	}
	params := &api.ListNotificationDeliveriesParams{Limit: kit.Ptr(deliveriesPageSize)}
	if status != "" {
		params.Status = kit.Ptr(api.DeliveryStatus(status))
	}
	if cursor != "" {
		params.Cursor = &cursor
	}
	resp, err := p.k.API.ListNotificationDeliveriesWithResponse(kit.Ctx(c), params)
	if err != nil {
		return p.failed(c, err)
	}
	a := kit.ActorOf(c)
	names := p.memberNames(c, a)
	d := &deliveriesData{Status: status, Platform: a.IsAdmin()}
	for _, s := range deliveryStatuses {
		d.Filters = append(d.Filters, deliveryFilter{Label: v.T("DeliveryFilter_" + orAll(s)), Href: deliveriesHref(s, ""), Current: s == status})
	}
	for _, it := range resp.JSON200.Items {
		d.Items = append(d.Items, deliveryRowOf(v, it, names))
	}
	if next := kit.Deref(resp.JSON200.NextCursor); next != "" {
		d.Next = deliveriesHref(status, next)
	}
	if cursor != "" {
		d.First = deliveriesHref(status, "")
	}
	v.Data = d
	return p.render(c, fiber.StatusOK, "deliveries", v)
}

// memberNames are the names of an organisation administrator's members
// by id, to say whose mail it was; a platform administrator sees every
// organisation's deliveries, which one roster cannot name. A failure
// only leaves the names out.
func (p *Pages) memberNames(c *fiber.Ctx, a kit.Actor) map[string]string {
	names := map[string]string{}
	if a.IsAdmin() || a.OrgID == "" {
		return names
	}
	people, err := p.roster(c, a.OrgID)
	if err != nil {
		p.k.LogFailure(c, "name the members", err)
		return names
	}
	for _, m := range people {
		names[m.ID] = m.Name
	}
	return names
}

// deliveryRowOf converts a delivery for the page.
func deliveryRowOf(v *kit.View, it api.Delivery, names map[string]string) deliveryRow {
	row := deliveryRow{
		Kind: v.TOr("DeliveryKind_"+it.Kind, it.Kind), Status: v.T("DeliveryStatus_" + string(it.Status)),
		StatusClass: deliveryStatusClass[it.Status], Attempts: it.Attempts, Created: v.DateTime(it.CreatedAt),
	}
	switch id := kit.Deref(it.UserID); {
	case id == "":
		row.Person = v.T("DeliveryNoAccount")
	case names[id] != "":
		row.Person = names[id]
	default:
		row.Person = v.T("DeliveryAccount", "Name", shortID(id))
	}
	if it.LastError != nil {
		row.Error = v.T("DeliveryError_" + string(*it.LastError))
	}
	if it.SentAt != nil {
		row.Sent = v.DateTime(*it.SentAt)
	}
	return row
}

// deliveryStatusClass colours a status beside its word.
var deliveryStatusClass = map[api.DeliveryStatus]string{
	"failed": "status-failed", "queued": "status-paused", "sending": "status-paused", "sent": "",
}

// shortID is the end of an account id, enough to tell accounts apart in
// a list.
func shortID(id string) string {
	if len(id) <= 8 {
		return id
	}
	return "…" + id[len(id)-8:]
}

func orAll(status string) string {
	if status == "" {
		return "all"
	}
	return status
}

// deliveriesHref is the address of the list with status and cursor.
func deliveriesHref(status, cursor string) string {
	q := url.Values{}
	if status != "" {
		q.Set("status", status)
	}
	if cursor != "" {
		q.Set("cursor", cursor)
	}
	if len(q) == 0 {
		return "/admin/deliveries"
	}
	return "/admin/deliveries?" + q.Encode()
}
