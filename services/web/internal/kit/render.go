package kit

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

// Templates are one page package's pages by name, each parsed with the
// kit's layout and partials (templates/_*.html here) and the package's own
// partials.
type Templates struct {
	kit    *Kit
	byName map[string]*template.Template
}

// Templates parses the pages of a page package: every templates/*.html of
// fsys, where those starting with "_" are partials shared by its pages.
func (k *Kit) Templates(fsys fs.FS) Templates {
	names, err := fs.Glob(fsys, "templates/*.html")
	if err != nil {
		panic(err)
	}
	var own []string
	if fsys != fs.FS(templateFiles) {
		own, _ = fs.Glob(fsys, "templates/_*.html")
	}
	t := Templates{kit: k, byName: map[string]*template.Template{}}
	for _, name := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(name, "templates/"), ".html")
		if strings.HasPrefix(base, "_") {
			continue
		}
		tmpl := template.Must(template.New(base).Funcs(template.FuncMap{"field": field, "list": list}).
			ParseFS(templateFiles, "templates/_*.html"))
		if len(own) > 0 {
			tmpl = template.Must(tmpl.ParseFS(fsys, own...))
		}
		t.byName[base] = template.Must(tmpl.ParseFS(fsys, name))
	}
	return t
}

// View is what every template gets: the language and its messages, the
// CSRF token, the session state, the form being filled in and the page's
// own data.
type View struct {
	Localizer
	Lang     string
	CSRF     string
	SignedIn bool
	// Candidate says a candidate is signed in to their own account: the
	// header leads to /me and has no inbox.
	Candidate bool
	// Path is the page's own GET address, where the language switcher
	// comes back to.
	Path   string
	Form   map[string]string
	Errors map[string]string
	// Alert is a problem with the form as a whole; Notice is good news.
	Alert  string
	Notice string
	// Flash is the result of the last home-page form, for the home page
	// and its panels (flash.go).
	Flash  *Flash
	Data   any
	assets *assets
	// errorOrder keeps field errors in the order of the form, for the
	// summary above it.
	errorOrder []string
	// usesPicker loads the picker's script with the page.
	usesPicker bool
	// badge is the header's unread count (inbox.go).
	badge *inboxBadge
}

// UsesPicker reports whether the page has a picker, whose script the
// layout then loads.
func (v *View) UsesPicker() bool { return v.usesPicker }

// NewView starts the view of a page at path, its own GET address, in the
// request's language.
func (k *Kit) NewView(c *fiber.Ctx, path string) *View {
	lang := k.i18n.language(c)
	token, _ := c.Locals(csrfKey{}).(string)
	return &View{
		Localizer: k.i18n.localizer(lang), Lang: lang, CSRF: token, SignedIn: SignedIn(c), Candidate: ActorOf(c).IsCandidate(),
		Path: path, Form: map[string]string{}, Errors: map[string]string{}, assets: &k.assets,
	}
}

// Val is the value the user typed into field, to show it again.
func (v *View) Val(field string) string { return v.Form[field] }

// Err is the error message for field, if any.
func (v *View) Err(field string) string { return v.Errors[field] }

// AddError puts msg beside field, unless the field has an error already.
func (v *View) AddError(field, msg string) {
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
func (v *View) ErrorSummary() []errorLink {
	out := make([]errorLink, 0, len(v.errorOrder))
	for _, f := range v.errorOrder {
		out = append(out, errorLink{ID: f, Message: v.Errors[f]})
	}
	return out
}

// Asset is the cache-busting address of an embedded asset.
func (v *View) Asset(name string) string { return v.assets.url(name) }

// langNames name each language in itself, as a switcher should.
var langNames = map[string]string{"en": "English", "nl": "Nederlands", "fr": "Français", "de": "Deutsch"}

// langCodes are the languages the switcher offers, in the order it lists
// them.
var langCodes = []string{"en", "nl", "fr", "de"}

// Langs are the codes of the languages the switcher offers.
func (v *View) Langs() []string { return langCodes }

// LangName is the name of the language code in that language.
func (v *View) LangName(code string) string { return langNames[code] }

// LangURL switches to code and comes back to this page.
func (v *View) LangURL(code string) string {
	next := v.Path
	if next == "" {
		next = "/"
	}
	return "/lang/" + code + "?next=" + url.QueryEscape(next)
}

// Render answers with page, executed into a buffer first, so a template
// error becomes a clean 500 instead of half a page.
func (t Templates) Render(c *fiber.Ctx, status int, page string, v *View) error {
	tmpl, ok := t.byName[page]
	if !ok {
		return fmt.Errorf("web: no page %q", page)
	}
	// A form's good news shows once on the page after its redirect
	// (notice.go).
	if v.Notice == "" {
		v.Notice = t.kit.takeNotice(c, v.Localizer)
	}
	t.kit.fillBadge(c, v)
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

// FormValues copies the named fields of a posted form, to show them again.
// Passwords are never among them.
func FormValues(c *fiber.Ctx, v *View, fields ...string) {
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
func field(v *View, name, typ, autocomplete, hintID string) fieldData {
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
