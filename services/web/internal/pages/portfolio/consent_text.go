package portfolio

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// One consent text per version id: the consent page shows the current
// text the candidates service publishes (/api/v1/consent-texts), in the
// reader's language with the candidate's alias filled in, and records
// consent with that text's version. The web app holds no wording of its
// own, so what the record says the candidate heard is what the page
// showed.

// consentTextView is one consent text as a page shows it.
type consentTextView struct {
	Version, PublishedOn string
	Paragraphs           []string
	// Lang is the language shown; Fallback says the text is not published
	// in the reader's language, so it is shown in another, named in
	// itself by FallbackLanguage.
	Lang             string
	Fallback         bool
	FallbackLanguage string
}

// consentTexts are the published consent texts and which is current.
type consentTexts struct {
	Current string
	Items   []api.ConsentText
}

// byVersion returns the text with that version id.
func (t consentTexts) byVersion(version string) (api.ConsentText, bool) {
	i := slices.IndexFunc(t.Items, func(it api.ConsentText) bool { return it.Version == version })
	if i < 0 {
		return api.ConsentText{}, false
	}
	return t.Items[i], true
}

// consentTextIn renders t in v's language, or in English (or any language
// it has) when it is not published in that language, with "{alias}"
// filled in.
func consentTextIn(t api.ConsentText, v *kit.View, alias string) consentTextView {
	out := consentTextView{Version: t.Version, PublishedOn: t.PublishedOn, Lang: v.Lang}
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

// currentConsentText reads the published texts and renders the current
// one for the reader; texts also holds the older ones.
func (p *Pages) currentConsentText(c *fiber.Ctx, v *kit.View, alias string) (consentTextView, consentTexts, error) {
	resp, err := p.k.API.ListConsentTextsWithResponse(kit.Ctx(c))
	if err != nil {
		return consentTextView{}, consentTexts{}, err
	}
	texts := consentTexts{Current: resp.JSON200.Current, Items: resp.JSON200.Items}
	cur, ok := texts.byVersion(texts.Current)
	if !ok {
		return consentTextView{Version: texts.Current}, texts, nil
	}
	return consentTextIn(cur, v, alias), texts, nil
}
