package kit

import (
	"errors"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/pkg/errs"
)

// suggestion is one match as a picker lists it: the id it submits, the
// label it shows and a line that tells similar matches apart.
type suggestion struct {
	ID     string `json:"id"`
	Label  string `json:"label"`
	Detail string `json:"detail,omitempty"`
}

// suggestLimit is how many matches a picker offers: enough to find the
// right one, few enough to scan on a phone.
const suggestLimit = 8

// suggestAnswer is the JSON the picker script reads: the matches, or a
// message in the user's language to show instead.
type suggestAnswer struct {
	Items   []suggestion `json:"items"`
	Message string       `json:"message,omitempty"`
}

// Suggest answers GET /suggest/:kind?q=&country= for the picker script.
// The script cannot call the API itself: the access token never leaves the
// server. The session is renewed here like on any page: the renewal runs
// on the server under the session's lock, so a type-ahead that aborts its
// requests cannot spend a refresh token twice.
func (k *Kit) Suggest(c *fiber.Ctx) error {
	lang := k.i18n.language(c)
	l := k.i18n.localizer(lang)
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Vary(fiber.HeaderCookie, fiber.HeaderAcceptLanguage)
	cat, ok := parseCatalogue(c.Params("kind"))
	if !ok {
		return suggestFailed(c, fiber.StatusNotFound, l.T("PickerUnavailable"))
	}
	if !sameOrigin(c) {
		return suggestFailed(c, fiber.StatusForbidden, l.T("PickerUnavailable"))
	}
	if _, err := k.sessionActor(c); err != nil {
		return suggestFailed(c, fiber.StatusUnauthorized, l.T("PickerSignedOut"))
	}
	q := strings.TrimSpace(c.Query("q"))
	country := CountryFilter(c.Query("country"))
	if country == "" && c.Query("country") != "" {
		return suggestFailed(c, fiber.StatusBadRequest, l.T("PickerInvalid"))
	}
	if q == "" {
		return c.JSON(suggestAnswer{Items: []suggestion{}})
	}
	items, err := k.search(Ctx(c), cat, searchParams{Query: q, Lang: lang, Country: country, Limit: suggestLimit}, l)
	switch {
	case errors.Is(err, errs.InvalidArgument):
		return suggestFailed(c, fiber.StatusBadRequest, l.T("PickerInvalid"))
	case err != nil:
		k.logVocabularyFailure(c, cat, err)
		return suggestFailed(c, fiber.StatusServiceUnavailable, l.T("PickerUnavailable"))
	}
	return c.JSON(suggestAnswer{Items: items})
}

func suggestFailed(c *fiber.Ctx, status int, message string) error {
	return c.Status(status).JSON(suggestAnswer{Items: []suggestion{}, Message: message})
}

// RenewSession answers GET /session/renew: 204 while the session is live
// (its access token renewed if need be), 401 once it has ended. The
// picker script calls it after a 401 from /suggest, to tell an ended
// session from a passing failure.
func (k *Kit) RenewSession(c *fiber.Ctx) error {
	c.Set(fiber.HeaderCacheControl, "no-store")
	if !sameOrigin(c) {
		return c.SendStatus(fiber.StatusForbidden)
	}
	_, err := k.sessionActor(c)
	switch {
	case errors.Is(err, errs.Unauthenticated):
		k.ClearSessionCookie(c)
		return c.SendStatus(fiber.StatusUnauthorized)
	case err != nil:
		return c.SendStatus(fiber.StatusServiceUnavailable)
	}
	return c.SendStatus(fiber.StatusNoContent)
}

func convert[T any](items []T, to func(T) suggestion) []suggestion {
	out := make([]suggestion, 0, len(items))
	for _, it := range items {
		out = append(out, to(it))
	}
	return out
}

// skillSuggestion names the skill's kind and, when the skill was found
// under another name (a synonym, or a spelling it corrected), that name.
func skillSuggestion(it api.SkillItem, l Localizer) suggestion {
	detail := SkillKindName(l, string(it.Kind))
	if it.Matched != nil && *it.Matched != "" && !strings.Contains(strings.ToLower(it.Label), strings.ToLower(*it.Matched)) {
		detail = l.T("SkillFoundAs", "Kind", detail, "Text", *it.Matched)
	}
	return suggestion{ID: it.ID, Label: it.Label, Detail: detail}
}

// occupationSuggestion counts the occupation's essential skills.
func occupationSuggestion(it api.Occupation, l Localizer) suggestion {
	return suggestion{ID: it.ID, Label: it.Label, Detail: l.T("OccupationEssentialCount", "Count", len(it.EssentialSkills))}
}

// placeSuggestion gives the country and the population, which tell the
// many places of one name apart.
func placeSuggestion(it api.Place, l Localizer) suggestion {
	detail := CountryName(l, it.Country)
	if it.Population > 0 {
		detail = l.T("PlaceDetail", "Country", detail, "Population", l.Number(it.Population))
	}
	return suggestion{ID: it.ID, Label: it.Name, Detail: detail}
}

// SkillKindName translates a kind of skill (skill, knowledge,
// certificate, transversal); a kind the UI does not know yet shows as is.
func SkillKindName(l Localizer, kind string) string { return l.TOr("SkillKind_"+kind, kind) }

// CountryName translates the countries Onward works in and shows any
// other by its ISO code.
func CountryName(l Localizer, code string) string { return l.TOr("Country_"+code, code) }

// CountryFilter accepts an ISO 3166 alpha-2 code such as "BE", or returns
// "".
func CountryFilter(s string) string {
	s = strings.ToUpper(strings.TrimSpace(s))
	if len(s) != 2 || s[0] < 'A' || s[0] > 'Z' || s[1] < 'A' || s[1] > 'Z' {
		return ""
	}
	return s
}
