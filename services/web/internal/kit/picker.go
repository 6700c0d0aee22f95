package kit

import (
	"context"
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
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

// PickerSpec describes one picker on a page.
type PickerSpec struct {
	// Name is the form field that carries the chosen id.
	Name string
	Kind Catalogue
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

// Picker is what the "picker" template renders: one picker, resolved.
type Picker struct {
	PickerSpec
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
	// item is the chosen api.SkillDetail, api.Occupation or api.Place, for the
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
func (p *Picker) InputID() string  { return p.Name + "_q" }
func (p *Picker) ListID() string   { return p.Name + "-listbox" }
func (p *Picker) StatusID() string { return p.Name + "-status" }
func (p *Picker) DescribedBy() string {
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
func (p *Picker) Suggest() string { return "/suggest/" + string(p.Kind) }

func newPickerData(v *View, spec PickerSpec) *Picker {
	p := &Picker{PickerSpec: spec, Label: v.T(spec.LabelID), Msg: pickerMessages{
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

// Picker reads a picker's fields from the request (a query string or a
// posted form) and resolves them: a choice is looked up to show its label,
// a new text is searched to offer the matches as radio buttons.
func (k *Kit) Picker(c *fiber.Ctx, v *View, spec PickerSpec) *Picker {
	p := newPickerData(v, spec)
	v.usesPicker = true
	id, q, shown := FormText(c, spec.Name), FormText(c, spec.Name+"_q"), FormText(c, spec.Name+"_shown")
	p.Text = q
	switch {
	case id != "" && q == shown:
		k.ResolvePicker(c, v, p, id)
	case q != "":
		k.searchForPicker(c, v, p, q)
		if len(p.Options) > 0 && FormText(c, spec.Name+"_choose") != "" {
			p.Error = v.T("PickerChooseOne")
		}
	}
	return p
}

// FormText is a trimmed field of the query string or the posted form.
func FormText(c *fiber.Ctx, name string) string { return strings.TrimSpace(c.FormValue(name)) }

// ResolvePicker puts the item with id into p, looked up to show its
// label: the picker's choice, or a stored one a form starts from. While the matching service is
// unavailable the choice is kept as it was, so the form loses nothing.
func (k *Kit) ResolvePicker(c *fiber.Ctx, v *View, p *Picker, id string) {
	label, item, err := k.lookupChoice(Ctx(c), p.Kind, id, v.Lang)
	switch {
	case err == nil:
		p.Value, p.Text, p.item = id, label, item
	case errors.Is(err, errs.NotFound):
		p.Error = v.T("PickerGone")
	default:
		p.Value = id
		p.Error = v.T("PickerUnavailable")
		k.logVocabularyFailure(c, p.Kind, err)
	}
}

// searchForPicker offers the matches of q without JavaScript.
func (k *Kit) searchForPicker(c *fiber.Ctx, v *View, p *Picker, q string) {
	params := searchParams{Query: q, Lang: v.Lang, Limit: suggestLimit}
	if p.CountryFrom != "" {
		params.Country = CountryFilter(FormText(c, p.CountryFrom))
	}
	opts, err := k.search(Ctx(c), p.Kind, params, v.Localizer)
	switch {
	case err == nil:
		p.Searched, p.Options = true, opts
		p.Msg.Matches = v.T("PickerMatches", "Query", q)
	case errors.Is(err, errs.InvalidArgument):
		p.Error = v.T("PickerInvalid")
	default:
		p.Error = v.T("PickerUnavailable")
		k.logVocabularyFailure(c, p.Kind, err)
	}
}

// logVocabularyFailure records a failed call to the matching service. The
// error names the vocabulary and the cause, never what the user typed.
func (k *Kit) logVocabularyFailure(c *fiber.Ctx, cat Catalogue, err error) {
	k.Logger.WarnContext(c.UserContext(), "vocabulary lookup failed",
		"request_id", httpx.RequestID(c), "kind", string(cat), "error", err.Error())
}

// lookupChoice fetches one item by id, with the label a picker shows.
func (k *Kit) lookupChoice(ctx context.Context, cat Catalogue, id, lang string) (string, any, error) {
	switch cat {
	case Skills:
		it, err := k.Skill(ctx, id, lang)
		return it.Label, it, err
	case Occupations:
		it, err := k.Occupation(ctx, id, lang)
		return it.Label, it, err
	default:
		it, err := k.Place(ctx, id)
		return it.Name, it, err
	}
}

// ChosenSkill is the skill chosen, if the picker is a skill picker with
// a choice.
func (p *Picker) ChosenSkill() (api.SkillDetail, bool) {
	it, ok := p.item.(api.SkillDetail)
	return it, ok
}

// ChosenOccupation is the occupation chosen, with the skills it needs.
func (p *Picker) ChosenOccupation() (api.Occupation, bool) {
	it, ok := p.item.(api.Occupation)
	return it, ok
}

// ChosenPlace is the place chosen.
func (p *Picker) ChosenPlace() (api.Place, bool) {
	it, ok := p.item.(api.Place)
	return it, ok
}

// Clear empties the picker, for a form that has just used its choice
// (added the skill to a list, say) and offers it again for the next one.
func (p *Picker) Clear() { p.Value, p.Text, p.item = "", "", nil }
