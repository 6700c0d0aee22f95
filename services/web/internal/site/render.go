package site

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/url"
	"strings"

	"github.com/gofiber/fiber/v2"
)

//go:embed templates/*.html
var templateFiles embed.FS

// pages are the page templates by name, each parsed with the layout.
type pages map[string]*template.Template

func mustParsePages() pages {
	names, err := fs.Glob(templateFiles, "templates/*.html")
	if err != nil {
		panic(err)
	}
	p := pages{}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if strings.HasPrefix(base, "_") {
			continue
		}
		p[base] = template.Must(template.New(base).Funcs(template.FuncMap{"field": field, "list": list}).
			ParseFS(templateFiles, "templates/_*.html", name))
	}
	return p
}

// view is what every template gets: the language and its messages, the
// CSRF token, the session state, the form being filled in and the page's
// own data.
type view struct {
	localizer
	Lang     string
	CSRF     string
	SignedIn bool
	// Path is the page's own GET address, where the language switcher
	// comes back to.
	Path   string
	Form   map[string]string
	Errors map[string]string
	// Alert is a problem with the form as a whole; Notice is good news.
	Alert  string
	Notice string
	Data   any
	assets *assets
	// errorOrder keeps field errors in the order of the form, for the
	// summary above it.
	errorOrder []string
	// usesPicker loads the picker's script with the page.
	usesPicker bool
}

// UsesPicker reports whether the page has a picker, whose script the
// layout then loads.
func (v *view) UsesPicker() bool { return v.usesPicker }

func (s *site) newView(c *fiber.Ctx, path string) *view {
	lang := s.i18n.language(c)
	token, _ := c.Locals(csrfKey{}).(string)
	return &view{
		localizer: s.i18n.localizer(lang), Lang: lang, CSRF: token, SignedIn: signedIn(c),
		Path: path, Form: map[string]string{}, Errors: map[string]string{}, assets: &s.assets,
	}
}

// Val is the value the user typed into field, to show it again.
func (v *view) Val(field string) string { return v.Form[field] }

// Err is the error message for field, if any.
func (v *view) Err(field string) string { return v.Errors[field] }

func (v *view) addError(field, msg string) {
	if _, taken := v.Errors[field]; !taken {
		v.Errors[field] = msg
		v.errorOrder = append(v.errorOrder, field)
	}
}

// errorLink is one line of the error summary, linking to its field.
type errorLink struct {
	ID, Message string
}

// ErrorSummary lists the field errors in form order.
func (v *view) ErrorSummary() []errorLink {
	out := make([]errorLink, 0, len(v.errorOrder))
	for _, f := range v.errorOrder {
		out = append(out, errorLink{ID: f, Message: v.Errors[f]})
	}
	return out
}

// Asset is the cache-busting address of an embedded asset.
func (v *view) Asset(name string) string { return v.assets.url(name) }

// langNames name each language in itself, as a switcher should.
var langNames = map[string]string{"en": "English", "nl": "Nederlands", "fr": "Français", "de": "Deutsch"}

// langCodes are the languages the switcher offers, in the order it lists
// them.
var langCodes = []string{"en", "nl", "fr", "de"}

// Langs are the codes of the languages the switcher offers.
func (v *view) Langs() []string { return langCodes }

// LangName is the name of the language code in that language.
func (v *view) LangName(code string) string { return langNames[code] }

// LangURL switches to code and comes back to this page.
func (v *view) LangURL(code string) string {
	next := v.Path
	if next == "" {
		next = "/"
	}
	return "/lang/" + code + "?next=" + url.QueryEscape(next)
}

// render executes a page into a buffer first, so a template error becomes
// a clean 500 instead of half a page.
func (s *site) render(c *fiber.Ctx, status int, page string, v *view) error {
	tmpl, ok := s.pages[page]
	if !ok {
		return fmt.Errorf("web: no page %q", page)
	}
	// A candidate form's good news shows once on the page after its
	// redirect (portfolio_notice.go).
	if v.Notice == "" {
		v.Notice = takePortfolioNotice(c, v.localizer)
	}
	var buf bytes.Buffer
	if err := tmpl.ExecuteTemplate(&buf, "layout", v); err != nil {
		return fmt.Errorf("web: render %s: %w", page, err)
	}
	// Pages carry CSRF tokens and personal data: never store them.
	c.Set(fiber.HeaderCacheControl, "no-store")
	c.Set(fiber.HeaderContentLanguage, v.Lang)
	c.Vary(fiber.HeaderCookie, fiber.HeaderAcceptLanguage)
	c.Set(fiber.HeaderContentType, fiber.MIMETextHTMLCharsetUTF8)
	return c.Status(status).Send(buf.Bytes())
}

// formValues copies the named fields of a posted form, to show them again.
// Passwords are never among them.
func formValues(c *fiber.Ctx, v *view, fields ...string) {
	for _, f := range fields {
		v.Form[f] = strings.TrimSpace(c.FormValue(f))
	}
}

// list lets a template pass several values to another template.
func list(values ...any) []any { return values }

// fieldData is what the "input" template needs for one form field.
type fieldData struct {
	ID, Name, Type, Auto string
	Label, Hint, Error   string
	Value, DescribedBy   string
	ErrorPrefix          string
}

// field describes the form field name of v's form. Its label is the
// message "Field_<name>"; hintID names an optional hint message.
func field(v *view, name, typ, autocomplete, hintID string) fieldData {
	f := fieldData{
		ID: name, Name: name, Type: typ, Auto: autocomplete,
		Label: v.T("Field_" + name), Error: v.Err(name), Value: v.Val(name), ErrorPrefix: v.T("ErrorPrefix"),
	}
	var describedBy []string
	if hintID != "" {
		f.Hint = v.T(hintID)
		describedBy = append(describedBy, name+"-hint")
	}
	if f.Error != "" {
		describedBy = append(describedBy, name+"-error")
	}
	f.DescribedBy = strings.Join(describedBy, " ")
	return f
}
