package site

import (
	"slices"
	"strings"

	"github.com/gofiber/fiber/v2"

	"github.com/onward-jobs/onward/pkg/api"
)

// One consent text per version id: the registration step and the consent
// page both show the current text the candidates service publishes
// (/api/v1/consent-texts), in the reader's language with the candidate's
// alias filled in, and record consent with that text's version. The web
// app holds no wording of its own, so what the record says the candidate
// heard is what the page showed.

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

// FallbackLanguage names, in itself, the language the text is shown in.
func (t consentTextView) FallbackLanguage() string { return langNames[t.Lang] }

// currentConsentText reads the published texts and renders the current
// one for the reader; texts also holds the older ones.
func (s *site) currentConsentText(c *fiber.Ctx, v *view, alias string) (consentTextView, consentTexts, error) {
	texts, err := s.candidates.consentTexts(c.UserContext(), accessToken(c))
	if err != nil {
		return consentTextView{}, texts, err
	}
	cur, ok := texts.byVersion(texts.Current)
	if !ok {
		return consentTextView{Version: texts.Current}, texts, nil
	}
	return consentTextIn(cur, v.Lang, alias), texts, nil
}
