package messages

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html/template"
	"strings"
)

// Mail is one rendered e-mail.
type Mail struct {
	Subject string
	Text    string
	HTML    string
}

// Param names a delivery's parameters use.
const (
	ParamLink         = "link"
	ParamOrganisation = "organisation"
	ParamMessageKey   = "message_key"
	ParamRoleTitle    = "role_title"
	ParamLines        = "lines"
)

// DigestIntroductions is the digest line key of every notice about
// introductions, meetings, placements and follow-ups together.
const DigestIntroductions = "introductions"

// DigestLine is one line of a daily digest: how many items of one message
// key, and a role title where the line is about a role.
type DigestLine struct {
	Key       string `json:"key"`
	Count     int    `json:"count"`
	RoleTitle string `json:"role_title,omitempty"`
}

// EncodeLines packs digest lines into a delivery parameter.
func EncodeLines(lines []DigestLine) string {
	raw, _ := json.Marshal(lines)
	return string(raw)
}

// letter is what every mail is made of before it becomes text and HTML.
type letter struct {
	Lang       string
	Subject    string
	Greeting   string
	Paragraphs []string
	Lines      []string
	LinkLabel  string
	Link       string
	Footer     string
}

// Compose renders the mail of kind in lang from a delivery's parameters.
// Account kinds take a link (and an organisation for invitations; a
// candidate's invitation names none);
// "digest" takes lines; the rule kinds take a message key, a link and
// perhaps a role title.
func (c *Catalog) Compose(lang, kind string, params map[string]string) (Mail, error) {
	l := letter{Lang: lang, Greeting: c.T(lang, "Greeting", nil), LinkLabel: c.T(lang, "OpenLink", nil), Link: params[ParamLink], Footer: c.T(lang, "Footer", nil)}
	switch kind {
	case "invitation", "password_reset", "signup_existing", "candidate_invitation":
		l.Subject = c.T(lang, kind+".subject", nil)
		body := kind + ".body"
		if kind == "invitation" && params[ParamOrganisation] == "" {
			body = "invitation.body_noorg"
		}
		l.Paragraphs = []string{c.T(lang, body, map[string]any{"Organisation": params[ParamOrganisation]})}
		l.Footer = c.T(lang, "AccountFooter", nil)
	case "digest":
		var lines []DigestLine
		if err := json.Unmarshal([]byte(params[ParamLines]), &lines); err != nil {
			return Mail{}, fmt.Errorf("digest lines: %w", err)
		}
		l.Subject = c.T(lang, "digest.subject", nil)
		l.Paragraphs = []string{c.T(lang, "digest.intro", nil)}
		for _, d := range lines {
			l.Lines = append(l.Lines, c.DigestLine(lang, d))
		}
		l.Paragraphs = append(l.Paragraphs, c.T(lang, "digest.outro", nil))
	default:
		key := params[ParamMessageKey]
		if key == "" || !c.Has(key+".subject") {
			return Mail{}, fmt.Errorf("no mail for kind %q and message key %q", kind, key)
		}
		l.Subject = c.T(lang, key+".subject", nil)
		l.Paragraphs = []string{c.Message(lang, key, params[ParamRoleTitle])}
	}
	return l.render()
}

// Message returns an inbox message or a notice's body: key's body in lang,
// naming the role title when there is one.
func (c *Catalog) Message(lang, key, roleTitle string) string {
	if roleTitle == "" && c.Has(key+".body_notitle") {
		return c.T(lang, key+".body_notitle", nil)
	}
	return c.T(lang, key+".body", map[string]any{"RoleTitle": roleTitle})
}

// DigestLine renders one digest line.
func (c *Catalog) DigestLine(lang string, d DigestLine) string {
	switch d.Key {
	case "role_full_added":
		if d.RoleTitle != "" {
			return c.T(lang, "digest.role_line", map[string]any{"Count": d.Count, "RoleTitle": d.RoleTitle})
		}
		return c.T(lang, "digest.other_line", map[string]any{"Count": d.Count})
	case "candidate_full_added":
		return c.T(lang, "digest.candidate_line", map[string]any{"Count": d.Count})
	case DigestIntroductions:
		return c.T(lang, "digest.introductions_line", map[string]any{"Count": d.Count})
	}
	return c.T(lang, "digest.other_line", map[string]any{"Count": d.Count})
}

var htmlLetter = template.Must(template.New("mail").Parse(`<!doctype html>
<html lang="{{.Lang}}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>{{.Subject}}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;max-width:36em;margin:0 auto;padding:1em">
<p>{{.Greeting}}</p>
{{range .Paragraphs}}<p>{{.}}</p>
{{end}}{{if .Lines}}<ul>{{range .Lines}}<li>{{.}}</li>{{end}}</ul>
{{end}}{{if .Link}}<p><a href="{{.Link}}" style="display:inline-block;padding:.6em 1.2em;background:#0b5394;color:#fff;text-decoration:none;border-radius:4px">{{.LinkLabel}}</a></p>
<p style="font-size:.9em">{{.Link}}</p>
{{end}}<hr><p style="font-size:.8em;color:#555">{{.Footer}}</p>
</body></html>
`))

func (l letter) render() (Mail, error) {
	var text strings.Builder
	text.WriteString(l.Greeting + "\n\n")
	for _, p := range l.Paragraphs {
		if p != "" {
			text.WriteString(p + "\n\n")
		}
		if len(l.Lines) > 0 && p == l.Paragraphs[0] {
			for _, line := range l.Lines {
				text.WriteString("- " + line + "\n")
			}
			text.WriteString("\n")
		}
	}
	if l.Link != "" {
		text.WriteString(l.Link + "\n\n")
	}
	text.WriteString("-- \n" + l.Footer + "\n")
	var html bytes.Buffer
	if err := htmlLetter.Execute(&html, l); err != nil {
		return Mail{}, fmt.Errorf("render html mail: %w", err)
	}
	return Mail{Subject: l.Subject, Text: text.String(), HTML: html.String()}, nil
}
