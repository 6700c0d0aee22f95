package insights

import (
	"cmp"
	"slices"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// choices are what the form offers the reader and the names behind them:
// platform administrators choose the platform or an organisation,
// observers one of the organisations that share with them, a programme
// organisation's administrators one of its programmes.
type choices struct {
	Organisations []kit.Choice
	Programmes    []kit.Choice
	// NoShares is an observer with nothing shared yet.
	NoShares bool
	// orgNames and programmeNames name what the reader may read.
	orgNames, programmeNames map[string]string
}

// loadChoices reads what the reader may choose, and settles q's
// organisation: a programme organisation's own (left to the API's
// default), or an observer's first shared one until they choose.
func (p *Pages) loadChoices(c *fiber.Ctx, v *kit.View, q *reportQuery) (choices, error) {
	a := kit.ActorOf(c)
	ch := choices{orgNames: map[string]string{}, programmeNames: map[string]string{}}
	switch {
	case a.IsAdmin():
		orgs, err := p.programmeOrganisations(c)
		if err != nil {
			return ch, err
		}
		ch.Organisations = append(ch.Organisations, kit.Choice{Value: "", Label: v.T("InsightsWholePlatform"), Selected: q.Organisation == ""})
		for _, o := range orgs {
			ch.orgNames[o.ID] = o.Name
			ch.Organisations = append(ch.Organisations, kit.Choice{Value: o.ID, Label: o.Name, Selected: o.ID == q.Organisation})
		}
	case a.IsObserver():
		resp, err := p.k.API.ListInsightsSharesWithResponse(kit.Ctx(c))
		if err != nil {
			return ch, err
		}
		shares := resp.JSON200.Items
		slices.SortFunc(shares, func(x, y api.InsightsShare) int { return cmp.Compare(x.OrganisationName, y.OrganisationName) })
		if len(shares) == 0 {
			ch.NoShares = true
			return ch, nil
		}
		if q.Organisation == "" {
			q.Organisation = shares[0].OrganisationID
		}
		for _, s := range shares {
			ch.orgNames[s.OrganisationID] = s.OrganisationName
			ch.Organisations = append(ch.Organisations, kit.Choice{Value: s.OrganisationID, Label: s.OrganisationName, Selected: s.OrganisationID == q.Organisation})
		}
	default: // a programme organisation's administrator
		q.Organisation = ""
		if resp, err := p.k.API.GetOrganisationWithResponse(kit.Ctx(c), a.OrgID); err == nil {
			ch.orgNames[a.OrgID] = resp.JSON200.Name
		} else {
			p.k.LogFailure(c, "own organisation", err)
		}
		progs, err := p.programmes(c)
		if err != nil {
			p.k.LogFailure(c, "programmes", err)
		}
		ch.Programmes = append(ch.Programmes, kit.Choice{Value: "", Label: v.T("InsightsAllProgrammes"), Selected: q.Programme == ""})
		for _, pr := range progs {
			ch.programmeNames[pr.ID] = pr.Name
			ch.Programmes = append(ch.Programmes, kit.Choice{Value: pr.ID, Label: pr.Name, Selected: pr.ID == q.Programme})
		}
	}
	return ch, nil
}

// programmeOrganisations lists the programme organisations a platform
// administrator may choose, a few pages at most.
func (p *Pages) programmeOrganisations(c *fiber.Ctx) ([]api.Organisation, error) {
	kind := api.ListOrganisationsParamsKind(kit.KindProgramme)
	params := &api.ListOrganisationsParams{Kind: &kind, Limit: kit.Ptr(listPageSize)}
	var all []api.Organisation
	for range maxListPages {
		resp, err := p.k.API.ListOrganisationsWithResponse(kit.Ctx(c), params)
		if err != nil {
			return nil, err
		}
		all = append(all, resp.JSON200.Items...)
		next := kit.Deref(resp.JSON200.NextCursor)
		if next == "" {
			break
		}
		params.Cursor = &next
	}
	slices.SortFunc(all, func(x, y api.Organisation) int { return cmp.Compare(x.Name, y.Name) })
	return all, nil
}

// programmes lists the reader's organisation's programmes, a few pages
// at most.
func (p *Pages) programmes(c *fiber.Ctx) ([]api.Programme, error) {
	params := &api.ListProgrammesParams{Limit: kit.Ptr(listPageSize)}
	var all []api.Programme
	for range maxListPages {
		resp, err := p.k.API.ListProgrammesWithResponse(kit.Ctx(c), params)
		if err != nil {
			return all, err
		}
		all = append(all, resp.JSON200.Items...)
		next := kit.Deref(resp.JSON200.NextCursor)
		if next == "" {
			break
		}
		params.Cursor = &next
	}
	return all, nil
}

// groupByChoices are the dimensions the funnel and medians can be split
// by; the organisation only in the platform's report.
func groupByChoices(v *kit.View, platform bool, chosen string) []kit.Choice {
	out := []kit.Choice{{Value: "", Label: v.T("InsightsNoGrouping"), Selected: chosen == ""}}
	for _, d := range dimensions {
		if d == api.InsightsDimensionOrganisation && !platform {
			continue
		}
		out = append(out, kit.Choice{Value: string(d), Label: v.T("InsightsDim_" + string(d)), Selected: string(d) == chosen})
	}
	return out
}

// dimensions are the report's dimensions in the order the page lists
// them.
var dimensions = []api.InsightsDimension{
	api.InsightsDimensionSetting, api.InsightsDimensionProgramme, api.InsightsDimensionProgrammeKind,
	api.InsightsDimensionCountry, api.InsightsDimensionRegion, api.InsightsDimensionUrban,
	api.InsightsDimensionContract, api.InsightsDimensionOccupation, api.InsightsDimensionOrganisation,
}
