package launcher

import (
	"errors"
	"html/template"
	"log/slog"
	"net/http"
	"time"

	"github.com/onward-jobs/onward/pkg/mailpit"
)

// mailViewer is the development page listing what Mailpit caught: plain
// server-rendered HTML from Mailpit's API, no script, no CDN.
type mailViewer struct {
	api      *mailpit.Client
	smtpAddr string
	logger   *slog.Logger
}

// newMailViewer returns the viewer's handler: GET / lists the mails,
// newest first; GET /messages/{id} shows one.
func newMailViewer(api *mailpit.Client, smtpAddr string, logger *slog.Logger) http.Handler {
	v := &mailViewer{api: api, smtpAddr: smtpAddr, logger: logger}
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", v.list)
	mux.HandleFunc("GET /messages/{id}", v.message)
	return securityHeaders(mux)
}

// securityHeaders keeps the viewer's pages from running anything. The
// policy also governs each mail's srcdoc frame, which inherits it: a
// mail's HTML may style itself and show inline images, nothing more.
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'none'; frame-ancestors 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		next.ServeHTTP(w, r)
	})
}

func (v *mailViewer) list(w http.ResponseWriter, r *http.Request) {
	msgs, err := v.api.Messages(r.Context())
	if err != nil {
		v.fail(w, err)
		return
	}
	v.render(w, http.StatusOK, "list", map[string]any{"Messages": msgs, "SMTPAddr": v.smtpAddr})
}

func (v *mailViewer) message(w http.ResponseWriter, r *http.Request) {
	msg, err := v.api.Message(r.Context(), r.PathValue("id"))
	if errors.Is(err, mailpit.ErrNotFound) {
		v.render(w, http.StatusNotFound, "missing", nil)
		return
	}
	if err != nil {
		v.fail(w, err)
		return
	}
	// Links in the mail open in a new tab, outside the frame's sandbox, so
	// a sign-in or reset link works as it would from a mail client.
	srcdoc := ""
	if msg.HTML != "" {
		srcdoc = `<base target="_blank">` + msg.HTML
	}
	v.render(w, http.StatusOK, "message", map[string]any{"Message": msg, "SrcDoc": srcdoc})
}

func (v *mailViewer) fail(w http.ResponseWriter, err error) {
	v.logger.Error("mail viewer: reading Mailpit", "error", err.Error())
	v.render(w, http.StatusBadGateway, "unavailable", nil)
}

func (v *mailViewer) render(w http.ResponseWriter, status int, page string, data any) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	if err := viewerPages.ExecuteTemplate(w, page, data); err != nil {
		v.logger.Error("mail viewer: rendering", "page", page, "error", err.Error())
	}
}

// viewerPages are the viewer's templates; html/template escapes the mail's
// HTML into the srcdoc attribute, so it runs only inside the sandbox.
var viewerPages = template.Must(template.New("viewer").Funcs(template.FuncMap{
	"when": func(t time.Time) string { return t.Local().Format("2 Jan 15:04:05") },
}).Parse(viewerTemplates))

const viewerTemplates = `
{{define "head"}}<!doctype html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{.}} · Onward mail (development)</title>
<style>
body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1d2433;background:#f5f6f8}
header{background:#1d2433;color:#fff;padding:.75rem 1rem}header a{color:#fff}
main{max-width:60rem;margin:0 auto;padding:1rem}
ul{list-style:none;padding:0;margin:0}
li a{display:block;background:#fff;border:1px solid #d6dae1;border-radius:6px;padding:.75rem;margin-bottom:.5rem;color:inherit;text-decoration:none}
li a:hover,li a:focus{border-color:#3056d3}
.subject{font-weight:600;display:block;overflow-wrap:anywhere}.meta{color:#4a5568;font-size:.9rem;overflow-wrap:anywhere}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:#fff;border:1px solid #d6dae1;border-radius:6px;padding:.75rem}
iframe{width:100%;height:32rem;border:1px solid #d6dae1;border-radius:6px;background:#fff}
</style></head><body>
<header><a href="/">Onward mail</a> · development only: every mail the platform sends is caught here</header>
<main>{{end}}
{{define "foot"}}</main></body></html>{{end}}

{{define "list"}}{{template "head" "Caught mail"}}
<h1>Caught mail</h1>
<p class="meta">Newest first. Mail sent to SMTP {{.SMTPAddr}} appears here. <a href="/">Refresh</a></p>
{{if .Messages}}<ul>{{range .Messages}}
<li><a href="/messages/{{.ID}}"><span class="subject">{{or .Subject "(no subject)"}}</span>
<span class="meta">To {{range $i, $to := .To}}{{if $i}}, {{end}}{{$to}}{{end}} · <time datetime="{{.Created.Format "2006-01-02T15:04:05Z07:00"}}">{{when .Created}}</time></span></a></li>
{{end}}</ul>{{else}}<p>No mail yet.</p>{{end}}
{{template "foot"}}{{end}}

{{define "message"}}{{template "head" .Message.Subject}}{{with .Message}}
<p><a href="/">← All mail</a></p>
<h1>{{or .Subject "(no subject)"}}</h1>
<p class="meta">From {{.From}}<br>To {{range $i, $to := .To}}{{if $i}}, {{end}}{{$to}}{{end}}<br>
<time datetime="{{.Created.Format "2006-01-02T15:04:05Z07:00"}}">{{when .Created}}</time>{{if .MessageID}}<br>Message-ID {{.MessageID}}{{end}}</p>
<h2>Text</h2>
{{if .Text}}<pre>{{.Text}}</pre>{{else}}<p>(no text part)</p>{{end}}{{end}}
<h2>HTML</h2>
{{if .SrcDoc}}<iframe title="The mail's HTML" sandbox="allow-popups allow-popups-to-escape-sandbox" srcdoc="{{.SrcDoc}}"></iframe>{{else}}<p>(no HTML part)</p>{{end}}
{{template "foot"}}{{end}}

{{define "missing"}}{{template "head" "Not found"}}<h1>No such mail</h1><p><a href="/">All mail</a></p>{{template "foot"}}{{end}}

{{define "unavailable"}}{{template "head" "Unavailable"}}<h1>Mailpit does not answer</h1><p>See the launcher's logs. <a href="/">Try again</a></p>{{template "foot"}}{{end}}
`
