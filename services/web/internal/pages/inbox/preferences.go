package inbox

import (
	"errors"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// Kinds are the kinds of notification a person chooses for, in the
// order the page lists them; frequencies are the choices for each.
var (
	Kinds       = []string{"new_matches", "introductions"}
	Frequencies = []string{"immediately", "daily", "inbox"}
)

// TimeZones are the zones the page offers: where Onward's houses and
// employers are. A zone the service holds that is not listed is offered
// too, so saving never changes it unasked.
var TimeZones = []string{
	"Europe/Brussels", "Europe/Amsterdam", "Europe/Paris", "Europe/Luxembourg", "Europe/Berlin",
	"Europe/Vienna", "Europe/Zurich", "Europe/Oslo", "Europe/London", "Europe/Dublin", "Europe/Lisbon", "UTC",
}

// prefsData is the preferences page: the person's own settings and, for
// an organisation's administrator, the organisation's defaults.
type prefsData struct {
	Mine, Defaults settingsForm
	// OrgAdmin shows the organisation's defaults form.
	OrgAdmin bool
}

// settingsForm is one settings form: its radio groups and selects, with
// the ids of its fields prefixed by Prefix ("" or "org_").
type settingsForm struct {
	Prefix, Action string
	Kinds          []kindChoice
	Hours          []kit.Choice
	Zones          []kit.Choice
}

// kindChoice is the radio group of one kind.
type kindChoice struct {
	Kind, Name string
	Options    []kit.Choice
}

// Preferences is GET /inbox/preferences.
func (p *Pages) Preferences(c *fiber.Ctx) error {
	v := p.k.NewView(c, "/inbox/preferences")
	resp, err := p.k.API.GetNotificationPreferencesWithResponse(kit.Ctx(c))
	if err != nil {
		return p.failed(c, err)
	}
	fillForm(v, "", resp.JSON200.Kinds, resp.JSON200.DigestHour, resp.JSON200.TimeZone)
	d := resp.JSON200.Defaults
	fillForm(v, "org_", d.Kinds, d.DigestHour, d.TimeZone)
	return p.render(c, v, fiber.StatusOK)
}

// SavePreferences is POST /inbox/preferences: the person's own choices.
func (p *Pages) SavePreferences(c *fiber.Ctx) error {
	return p.save(c, "", func(in api.NotificationPreferencesInput) error {
		_, err := p.k.API.PutNotificationPreferencesWithResponse(kit.Ctx(c), in)
		return err
	}, "InboxNoticeSaved")
}

// SaveDefaults is POST /inbox/preferences/organisation: an organisation
// administrator's defaults for the members who have not chosen.
func (p *Pages) SaveDefaults(c *fiber.Ctx) error {
	return p.save(c, "org_", func(in api.NotificationPreferencesInput) error {
		_, err := p.k.API.PutOrganisationNotificationDefaultsWithResponse(kit.Ctx(c), in)
		return err
	}, "InboxNoticeDefaultsSaved")
}

// save sends the form with the field prefix through put, then returns to
// the page with a notice, or shows the page again with the service's
// field errors beside their fields (and the other form as it is stored).
func (p *Pages) save(c *fiber.Ctx, prefix string, put func(api.NotificationPreferencesInput) error, notice string) error {
	v := p.k.NewView(c, "/inbox/preferences")
	in := inputOf(c, v, prefix)
	err := put(in)
	if err == nil {
		kit.SetNotice(c, notice, "")
		return c.Redirect("/inbox/preferences", fiber.StatusSeeOther)
	}
	status, ok := kit.FormProblem(c, v, renamed(err, prefix))
	if !ok {
		return p.failed(c, err)
	}
	stored, err := p.k.API.GetNotificationPreferencesWithResponse(kit.Ctx(c))
	if err != nil {
		return p.failed(c, err)
	}
	other, s := "org_", stored.JSON200.Defaults
	if prefix == "org_" {
		other, s = "", api.NotificationSettings{Kinds: stored.JSON200.Kinds, DigestHour: stored.JSON200.DigestHour, TimeZone: stored.JSON200.TimeZone}
	}
	fillForm(v, other, s.Kinds, s.DigestHour, s.TimeZone)
	return p.render(c, v, status)
}

// inputOf reads one settings form (its fields named with prefix) into the
// API's input, keeping what was chosen on v to show again.
func inputOf(c *fiber.Ctx, v *kit.View, prefix string) api.NotificationPreferencesInput {
	kinds := map[string]api.NotificationFrequency{}
	var fields []string
	for _, k := range Kinds {
		if f := strings.TrimSpace(c.FormValue(prefix + "kind_" + k)); f != "" {
			kinds[k] = api.NotificationFrequency(f)
		}
		fields = append(fields, prefix+"kind_"+k)
	}
	fields = append(fields, prefix+"digest_hour", prefix+"time_zone")
	kit.FormValues(c, v, fields...)
	in := api.NotificationPreferencesInput{Kinds: &kinds}
	if h, err := strconv.Atoi(v.Val(prefix + "digest_hour")); err == nil {
		in.DigestHour = &h
	} else {
		v.Form[prefix+"digest_hour"] = ""
	}
	if tz := v.Val(prefix + "time_zone"); tz != "" {
		in.TimeZone = &tz
	}
	return in
}

// renamed names the service's fields as the form does: kinds.new_matches
// is the radio group kind_new_matches, with the form's prefix.
func renamed(err error, prefix string) error {
	var p *kit.Problem
	if !errors.As(err, &p) || p.Status != fiber.StatusBadRequest {
		return err
	}
	out := *p
	out.Errors = slices.Clone(p.Errors)
	for i, fe := range out.Errors {
		out.Errors[i].Field = prefix + strings.Replace(fe.Field, "kinds.", "kind_", 1)
	}
	return &out
}

// fillForm puts stored settings on v's form under prefix, unless the form
// holds what the user just sent.
func fillForm(v *kit.View, prefix string, kinds map[string]api.NotificationFrequency, hour int, zone string) {
	set := func(field, value string) {
		if _, sent := v.Form[field]; !sent {
			v.Form[field] = value
		}
	}
	for _, k := range Kinds {
		set(prefix+"kind_"+k, string(kinds[k]))
	}
	set(prefix+"digest_hour", strconv.Itoa(hour))
	set(prefix+"time_zone", zone)
}

// render draws the preferences page from v's form.
func (p *Pages) render(c *fiber.Ctx, v *kit.View, status int) error {
	a := kit.ActorOf(c)
	v.Data = &prefsData{
		Mine:     settingsFormOf(v, "", "/inbox/preferences"),
		Defaults: settingsFormOf(v, "org_", "/inbox/preferences/organisation"),
		OrgAdmin: a.IsOrgAdmin() && a.OrgID != "",
	}
	return p.templates.Render(c, status, "preferences", v)
}

// settingsFormOf builds one settings form's choices from v's form.
func settingsFormOf(v *kit.View, prefix, action string) settingsForm {
	f := settingsForm{Prefix: prefix, Action: action}
	for _, k := range Kinds {
		name := prefix + "kind_" + k
		f.Kinds = append(f.Kinds, kindChoice{Kind: k, Name: name, Options: kit.Choices(v, "InboxFrequency_", Frequencies, v.Val(name))})
	}
	hour := v.Val(prefix + "digest_hour")
	for h := range 24 {
		value := strconv.Itoa(h)
		f.Hours = append(f.Hours, kit.Choice{Value: value, Label: time.Date(2000, 1, 1, h, 0, 0, 0, time.UTC).Format("15:04"), Selected: value == hour})
	}
	zone := v.Val(prefix + "time_zone")
	zones := TimeZones
	if zone != "" && !slices.Contains(zones, zone) {
		zones = append([]string{zone}, zones...)
	}
	for _, z := range zones {
		f.Zones = append(f.Zones, kit.Choice{Value: z, Label: strings.ReplaceAll(z, "_", " "), Selected: z == zone})
	}
	return f
}
