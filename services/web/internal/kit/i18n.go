package kit

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"slices"

	"github.com/gofiber/fiber/v2"
	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
	"golang.org/x/text/number"
)

//go:embed locales/*.json
var localeFiles embed.FS

// languages are the languages the UI speaks, the default first.
var languages = []language.Tag{language.English, language.Dutch, language.French, language.German}

// translator holds the message bundle and picks a language per request.
type translator struct {
	bundle  *i18n.Bundle
	matcher language.Matcher
}

// mustLoadTranslator reads the kit's messages and those of every page
// package (the locales/*.json of each file system) into one bundle.
func mustLoadTranslator(pages ...fs.FS) *translator {
	bundle := i18n.NewBundle(languages[0])
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	for _, fsys := range append([]fs.FS{localeFiles}, pages...) {
		files, err := fs.Glob(fsys, "locales/*.json")
		if err != nil {
			panic(err)
		}
		for _, f := range files {
			buf, err := fs.ReadFile(fsys, f)
			if err != nil {
				panic(err)
			}
			if _, err := bundle.ParseMessageFileBytes(buf, path.Base(f)); err != nil {
				panic(fmt.Sprintf("web: locale %s: %v", f, err))
			}
		}
	}
	return &translator{bundle: bundle, matcher: language.NewMatcher(languages)}
}

// LocaleFiles are the kit's own messages, for tests that read every
// family.
var LocaleFiles fs.FS = localeFiles

// supported returns the base code ("en", "nl") if code names a language
// the UI speaks.
func supported(code string) (string, bool) {
	for _, tag := range languages {
		if b, _ := tag.Base(); b.String() == code {
			return code, true
		}
	}
	return "", false
}

// language picks the request's language: the switcher's cookie first, then
// the browser's Accept-Language, then English.
func (t *translator) language(c *fiber.Ctx) string {
	if code, ok := supported(c.Cookies(langCookie)); ok {
		return code
	}
	tags, _, err := language.ParseAcceptLanguage(c.Get(fiber.HeaderAcceptLanguage))
	if err != nil || len(tags) == 0 {
		return "en"
	}
	_, idx, conf := t.matcher.Match(tags...)
	if conf == language.No {
		return "en"
	}
	b, _ := languages[idx].Base()
	return b.String()
}

// Localizer is one request's view of the messages, and its way of writing
// numbers.
type Localizer struct {
	l       *i18n.Localizer
	printer *message.Printer
}

func (t *translator) localizer(lang string) Localizer {
	return Localizer{l: i18n.NewLocalizer(t.bundle, lang), printer: message.NewPrinter(language.Make(lang))}
}

// Number writes n with the language's digit grouping: 75,000 or 75.000.
func (l Localizer) Number(n int) string { return l.printer.Sprintf("%d", n) }

// Percent writes a share (0 to 1) as a whole percentage the language's
// way: 30%, 30 % in French and German.
func (l Localizer) Percent(share float64) string {
	return l.printer.Sprint(number.Percent(share, number.MaxFractionDigits(0)))
}

// Decimal writes x with exactly places decimals and the language's
// decimal sign: 0.67, 0,67.
func (l Localizer) Decimal(x float64, places int) string {
	return l.printer.Sprint(number.Decimal(x, number.MinFractionDigits(places), number.MaxFractionDigits(places)))
}

// TOr translates id, or returns fallback when there is no such message:
// for names that come from another service's vocabulary, which may grow
// before the UI's messages do.
func (l Localizer) TOr(id, fallback string) string {
	if msg := l.T(id); msg != id {
		return msg
	}
	return fallback
}

// T translates id. args are key/value pairs for the message's template;
// a "Count" key also selects the plural form. A missing message shows its
// id, which the message tests catch before release.
func (l Localizer) T(id string, args ...any) string {
	cfg := &i18n.LocalizeConfig{MessageID: id}
	if len(args) > 0 {
		data := make(map[string]any, len(args)/2)
		for i := 0; i+1 < len(args); i += 2 {
			key := fmt.Sprint(args[i])
			data[key] = args[i+1]
			if key == "Count" {
				cfg.PluralCount = args[i+1]
			}
		}
		cfg.TemplateData = data
	}
	msg, err := l.l.Localize(cfg)
	if err != nil {
		return id
	}
	return msg
}

// Languages are the languages the UI speaks, the default first.
func Languages() []language.Tag { return slices.Clone(languages) }
