package staff

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
	"github.com/onward-jobs/onward/services/web/internal/kit"
)

// One consent text per version id: the registration's last step shows the
// current text the candidates service publishes (/api/v1/consent-texts),
// in the reader's language with the candidate's alias filled in, and
// records consent with that text's version. The portfolio's consent page
// does the same with its own copy of this code.

// consentTextView is one consent text as a page shows it.
type consentTextView struct {
	Version, PublishedOn string
	Paragraphs           []string
	// Lang is the language shown; Fallback says the text is not published
	// in the reader's language, so it is shown in another.
	Lang     string
	Fallback bool
}

// consentTextIn renders t in lang, or in English (or any language it has)
// when it is not published in lang, with "{alias}" filled in.
func consentTextIn(t api.ConsentText, lang, alias string) consentTextView {
	out := consentTextView{Version: t.Version, PublishedOn: t.PublishedOn, Lang: lang}
	paras, ok := t.Texts[lang]
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
	}
	for _, p := range paras {
		out.Paragraphs = append(out.Paragraphs, strings.ReplaceAll(p, "{alias}", alias))
	}
	return out
}

// languageNames name each language in itself.
var languageNames = map[string]string{"en": "English", "nl": "Nederlands", "fr": "Français", "de": "Deutsch"}

// FallbackLanguage names, in itself, the language the text is shown in.
func (t consentTextView) FallbackLanguage() string { return languageNames[t.Lang] }

// currentConsentText reads the published texts and renders the current
// one for the reader.
func (p *Pages) currentConsentText(c *fiber.Ctx, v *kit.View, alias string) (consentTextView, error) {
	resp, err := p.kit.API.ListConsentTextsWithResponse(kit.Ctx(c))
	if err != nil {
		return consentTextView{}, err
	}
	texts := resp.JSON200
	i := slices.IndexFunc(texts.Items, func(t api.ConsentText) bool { return t.Version == texts.Current })
	if i < 0 {
		return consentTextView{Version: texts.Current}, nil
	}
	return consentTextIn(texts.Items[i], v.Lang, alias), nil
}
