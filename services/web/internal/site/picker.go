package site

import (
	"context"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/errs"
	"github.com/onward-jobs/onward/pkg/httpx"
)

// A picker chooses one item of a vocabulary (a skill, an occupation or a
// place) in any form. It submits three fields, named after the picker:
//
//	<name>        the chosen item's id: a hidden input, or the radio
//	              buttons of the server's matches
//	<name>_q      the visible text field
//	<name>_shown  the text the field showed when the page was rendered
//
// With JavaScript (assets/picker.js) the text field becomes a combobox that
// asks /suggest/:kind as the user types. Without it, the form's "Search"
// button sends the text, and the page comes back with the matches as
// radio buttons. The server tells a choice from a new search by comparing
// <name>_q with <name>_shown: a changed text is a new search.

// pickerSpec describes one picker on a page.
type pickerSpec struct {
	// Name is the form field that carries the chosen id.
	Name string
	Kind catalogue
	// LabelID and HintID are message ids; HintID is optional.
	LabelID, HintID string
	// CountryFrom is the id, and the name, of a <select> whose value
	// narrows a place search to one country, with and without JavaScript.
	CountryFrom string
	// Action is the address the picker's buttons submit to, when it
	// differs from the form's own (say, with a #fragment to come back to).
	Action string
	// AutoSubmit sends the form as soon as an item is chosen.
	AutoSubmit bool
}

// pickerData is what the "picker" template renders.
type pickerData struct {
	pickerSpec
	Label, Hint string
	// Text is what the visible field shows: the chosen item's label, or
	// the text searched for.
	Text string
	// Value is the chosen id.
	Value string
	// Searched is set when the server looked Text up; Options are the
	// matches it found.
	Searched bool
	Options  []suggestion
	Error    string
	Msg      pickerMessages
	// item is the chosen skillItem, occupationItem or placeItem, for the
	// page to describe.
	item any
}

// pickerMessages are the picker's own words, for the template and, in
// data- attributes, for the script.
type pickerMessages struct {
	Search, Choose, Matches, NoMatches, ErrorPrefix       string
	Loading, CountOne, CountMany, Chosen, Failed, Expired string
}

// InputID, ListID, StatusID and DescribedBy name the picker's elements.
func (p *pickerData) InputID() string  { return p.Name + "_q" }
func (p *pickerData) ListID() string   { return p.Name + "-listbox" }
func (p *pickerData) StatusID() string { return p.Name + "-status" }
func (p *pickerData) DescribedBy() string {
	var ids []string
	if p.Hint != "" {
		ids = append(ids, p.Name+"-hint")
	}
	if p.Error != "" {
		ids = append(ids, p.Name+"-error")
	}
	return strings.Join(ids, " ")
}

// Suggest is the address the script asks for matches.
func (p *pickerData) Suggest() string { return "/suggest/" + string(p.Kind) }

func newPickerData(v *view, spec pickerSpec) *pickerData {
	p := &pickerData{pickerSpec: spec, Label: v.T(spec.LabelID), Msg: pickerMessages{
		Search: v.T("PickerSearch"), Choose: v.T("PickerChoose"), NoMatches: v.T("PickerNoMatches"),
		ErrorPrefix: v.T("ErrorPrefix"), Loading: v.T("PickerLoading"), CountOne: v.T("PickerCountOne"),
		CountMany: v.T("PickerCountMany"), Chosen: v.T("PickerChosen"), Failed: v.T("PickerUnavailable"),
		Expired: v.T("PickerSignedOut"),
	}}
	if spec.HintID != "" {
		p.Hint = v.T(spec.HintID)
	}
	return p
}

// picker reads a picker's fields from the request (a query string or a
// posted form) and resolves them: a choice is looked up to show its label,
// a new text is searched to offer the matches as radio buttons.
func (s *site) picker(c *fiber.Ctx, v *view, spec pickerSpec) *pickerData {
	p := newPickerData(v, spec)
	v.usesPicker = true
	id, q, shown := formText(c, spec.Name), formText(c, spec.Name+"_q"), formText(c, spec.Name+"_shown")
	p.Text = q
	switch {
	case id != "" && q == shown:
		s.resolveChoice(c, v, p, id)
	case q != "":
		s.searchForPicker(c, v, p, q)
		if len(p.Options) > 0 && formText(c, spec.Name+"_choose") != "" {
			p.Error = v.T("PickerChooseOne")
		}
	}
	return p
}

// formText is a trimmed field of the query string or the posted form.
func formText(c *fiber.Ctx, name string) string { return strings.TrimSpace(c.FormValue(name)) }

// resolveChoice looks the chosen id up. While the matching service is
// unavailable the choice is kept as it was, so the form loses nothing.
func (s *site) resolveChoice(c *fiber.Ctx, v *view, p *pickerData, id string) {
	label, item, err := s.lookupChoice(c.UserContext(), accessToken(c), p.Kind, id, v.Lang)
	switch {
	case err == nil:
		p.Value, p.Text, p.item = id, label, item
	case errors.Is(err, errs.NotFound):
		p.Error = v.T("PickerGone")
	default:
		p.Value = id
		p.Error = v.T("PickerUnavailable")
		s.logVocabularyFailure(c, p.Kind, err)
	}
}

// searchForPicker offers the matches of q without JavaScript.
func (s *site) searchForPicker(c *fiber.Ctx, v *view, p *pickerData, q string) {
	params := searchParams{Query: q, Lang: v.Lang, Limit: suggestLimit}
	if p.CountryFrom != "" {
		params.Country = countryFilter(formText(c, p.CountryFrom))
	}
	opts, err := s.suggestions(c.UserContext(), accessToken(c), p.Kind, params, v.localizer)
	switch {
	case err == nil:
		p.Searched, p.Options = true, opts
		p.Msg.Matches = v.T("PickerMatches", "Query", q)
	case errors.Is(err, errs.InvalidArgument):
		p.Error = v.T("PickerInvalid")
	default:
		p.Error = v.T("PickerUnavailable")
		s.logVocabularyFailure(c, p.Kind, err)
	}
}

// logVocabularyFailure records a failed call to the matching service. The
// error names the vocabulary and the cause, never what the user typed.
func (s *site) logVocabularyFailure(c *fiber.Ctx, cat catalogue, err error) {
	s.logger.WarnContext(c.UserContext(), "vocabulary lookup failed",
		"request_id", httpx.RequestID(c), "kind", string(cat), "error", err.Error())
}

// lookupChoice fetches one item by id, with the label a picker shows.
func (s *site) lookupChoice(ctx context.Context, token string, cat catalogue, id, lang string) (string, any, error) {
	switch cat {
	case skillsCatalogue:
		it, err := lookup[skillItem](ctx, s.matching, token, cat, id, lang)
		return it.Label, it, err
	case occupationsCatalogue:
		it, err := lookup[occupationItem](ctx, s.matching, token, cat, id, lang)
		return it.Label, it, err
	default:
		it, err := lookup[placeItem](ctx, s.matching, token, cat, id, lang)
		return it.Name, it, err
	}
}
