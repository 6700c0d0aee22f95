// Package messages writes what the service says, in en, nl, fr and de: the
// e-mails (plain text and simple HTML) and the inbox messages. The texts
// live in locales/*.json, loaded with go-i18n as the web app loads its own.
// No text takes a candidate's name, alias, house or any justice-related
// detail, nor an employer's message: only what happened, a role title at
// most, and a link to sign in.
package messages

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

//go:embed locales/*.json
var localeFiles embed.FS

// Catalog renders messages in the supported languages. It is safe for
// concurrent use.
type Catalog struct {
	bundle *i18n.Bundle
}

// Load reads the embedded message files; a broken file is a programming
// error caught by the tests, so it panics.
func Load() *Catalog {
	bundle := i18n.NewBundle(language.English)
	bundle.RegisterUnmarshalFunc("json", json.Unmarshal)
	files, err := fs.Glob(localeFiles, "locales/*.json")
	if err != nil {
		panic(err)
	}
	for _, f := range files {
		buf, err := fs.ReadFile(localeFiles, f)
		if err != nil {
			panic(err)
		}
		if _, err := bundle.ParseMessageFileBytes(buf, path.Base(f)); err != nil {
			panic(fmt.Sprintf("notifications: locale %s: %v", f, err))
		}
	}
	return &Catalog{bundle: bundle}
}

// T returns message id in lang with data filled in, falling back to
// English and then to the id itself.
func (c *Catalog) T(lang, id string, data map[string]any) string {
	s, err := i18n.NewLocalizer(c.bundle, lang, "en").Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil || s == "" {
		return id
	}
	return s
}

// Has reports whether id exists in English, the complete language.
func (c *Catalog) Has(id string) bool {
	_, err := i18n.NewLocalizer(c.bundle, "en").Localize(&i18n.LocalizeConfig{MessageID: id})
	return err == nil
}
