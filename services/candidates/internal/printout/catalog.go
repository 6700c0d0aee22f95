package printout

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sync"

	"github.com/nicksnyder/go-i18n/v2/i18n"
	"golang.org/x/text/language"
)

// The labels of the printout live in locales/*.json, one file per
// language, loaded with go-i18n as the web app and notifications load
// theirs. English is complete; another language falls back to it.
//
//go:embed locales/*.json
var localeFiles embed.FS

var (
	bundleOnce sync.Once
	bundle     *i18n.Bundle
)

// labels returns the bundle, loading it once; a broken file is a
// programming error the tests catch, so it panics.
func labels() *i18n.Bundle {
	bundleOnce.Do(func() {
		b := i18n.NewBundle(language.English)
		b.RegisterUnmarshalFunc("json", json.Unmarshal)
		files, err := fs.Glob(localeFiles, "locales/*.json")
		if err != nil {
			panic(err)
		}
		for _, f := range files {
			buf, err := fs.ReadFile(localeFiles, f)
			if err != nil {
				panic(err)
			}
			if _, err := b.ParseMessageFileBytes(buf, path.Base(f)); err != nil {
				panic(fmt.Sprintf("printout: locale %s: %v", f, err))
			}
		}
		bundle = b
	})
	return bundle
}

// translator says labels in one language.
type translator struct {
	loc *i18n.Localizer
}

func newTranslator(lang string) translator {
	return translator{loc: i18n.NewLocalizer(labels(), lang, "en")}
}

// t returns message id with data filled in, or the id itself when the
// catalog lacks it, so a missing label shows rather than vanishes.
func (tr translator) t(id string, data map[string]any) string {
	s, err := tr.loc.Localize(&i18n.LocalizeConfig{MessageID: id, TemplateData: data})
	if err != nil || s == "" {
		return id
	}
	return s
}
