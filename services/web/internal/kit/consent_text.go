package kit

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
)

// One consent text per version id: the pages that record consent (the
// registration's last step, a candidate's consent page) show the current
// text the candidates service publishes (/api/v1/consent-texts), in the
// reader's language with the candidate's alias filled in, and record
// consent with that text's version. The web app holds no wording of its
// own, so what the record says the candidate heard is what the page
// showed. The "consent-text" template (templates/_consent_text.html)
// draws one.

// ConsentText is one consent text as a page shows it.
type ConsentText struct {
	Version, PublishedOn string
	Paragraphs           []string
	// Lang is the language shown; Fallback says the text is not published
	// in the reader's language, so it is shown in another, named in
	// itself by FallbackLanguage.
	Lang             string
	Fallback         bool
	FallbackLanguage string
}

// ConsentTexts are the published consent texts and which is current.
type ConsentTexts struct {
	Current string
	Items   []api.ConsentText
}

// ConsentTexts reads the published consent texts.
func (k *Kit) ConsentTexts(c *fiber.Ctx) (ConsentTexts, error) {
	resp, err := k.API.ListConsentTextsWithResponse(Ctx(c))
	if err != nil {
		return ConsentTexts{}, err
	}
	return ConsentTexts{Current: resp.JSON200.Current, Items: resp.JSON200.Items}, nil
}

// ByVersion returns the text with that version id.
func (t ConsentTexts) ByVersion(version string) (api.ConsentText, bool) {
	i := slices.IndexFunc(t.Items, func(it api.ConsentText) bool { return it.Version == version })
	if i < 0 {
		return api.ConsentText{}, false
	}
	return t.Items[i], true
}

// CurrentIn is the current text for v's reader, about the candidate with
// alias; only its version when the service names a current text it does
// not list.
func (t ConsentTexts) CurrentIn(v *View, alias string) ConsentText {
	cur, ok := t.ByVersion(t.Current)
	if !ok {
		return ConsentText{Version: t.Current}
	}
	return ConsentTextIn(cur, v, alias)
}

// ConsentTextIn renders t in v's language, or in English (or any language
// it has) when it is not published in that language, with "{alias}"
// filled in.
func ConsentTextIn(t api.ConsentText, v *View, alias string) ConsentText {
	out := ConsentText{Version: t.Version, PublishedOn: t.PublishedOn, Lang: v.Lang}
	paras, ok := t.Texts[v.Lang]
	if !ok {
		out.Fallback = true
		out.Lang = "en"
		if paras, ok = t.Texts["en"]; !ok {
			langs := make([]string, 0, len(t.Texts))
			for l := range t.Texts {
				langs = append(langs, l)
			}
			slices.Sort(langs)
			if len(langs) > 0 {
				out.Lang, paras = langs[0], t.Texts[langs[0]]
			}
		}
		out.FallbackLanguage = v.LangName(out.Lang)
	}
	for _, p := range paras {
		out.Paragraphs = append(out.Paragraphs, strings.ReplaceAll(p, "{alias}", alias))
	}
	return out
}
