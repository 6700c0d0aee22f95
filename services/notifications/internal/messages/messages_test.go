package messages

import (
	"encoding/json"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"testing"
)

// TestEveryLanguageHasEveryMessage keeps the four files in step.
func TestEveryLanguageHasEveryMessage(t *testing.T) {
	keys := map[string][]string{}
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		raw, err := fs.ReadFile(localeFiles, "locales/"+lang+".json")
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]string
		if err := json.Unmarshal(raw, &m); err != nil {
			t.Fatal(err)
		}
		keys[lang] = slices.Sorted(maps.Keys(m))
	}
	for _, lang := range []string{"nl", "fr", "de"} {
		if !slices.Equal(keys[lang], keys["en"]) {
			t.Errorf("%s.json keys differ from en.json:\n%v\n%v", lang, keys[lang], keys["en"])
		}
	}
}

func TestComposeAccountMailInTheRecipientsLanguage(t *testing.T) {
	c := Load()
	link := "https://onward.test/invitations/abc?x=<1>"
	m, err := c.Compose("nl", "invitation", map[string]string{ParamLink: link, ParamOrganisation: "Zuivere Koffie"})
	if err != nil {
		t.Fatal(err)
	}
	if m.Subject != "Je bent uitgenodigd voor Onward" || !strings.Contains(m.Text, link) || !strings.Contains(m.Text, "Zuivere Koffie") {
		t.Errorf("mail = %+v", m)
	}
	if !strings.Contains(m.HTML, `lang="nl"`) || strings.Contains(m.HTML, "<1>") || !strings.Contains(m.HTML, "&lt;1&gt;") {
		t.Errorf("html not escaped or not Dutch:\n%s", m.HTML)
	}
	for _, kind := range []string{"password_reset", "signup_existing"} {
		for _, lang := range []string{"en", "fr", "de"} {
			if m, err := c.Compose(lang, kind, map[string]string{ParamLink: link}); err != nil || m.Subject == kind+".subject" {
				t.Errorf("%s/%s = %+v %v", kind, lang, m, err)
			}
		}
	}
}

// TestComposeCandidateInvitationInEveryLanguage: a candidate's invitation
// carries the link in each language and names no organisation.
func TestComposeCandidateInvitationInEveryLanguage(t *testing.T) {
	c := Load()
	link := "https://onward.test/join/tok-123"
	subjects := map[string]bool{}
	for _, lang := range []string{"en", "nl", "fr", "de"} {
		m, err := c.Compose(lang, "candidate_invitation", map[string]string{ParamLink: link})
		if err != nil {
			t.Fatalf("%s: %v", lang, err)
		}
		if m.Subject == "candidate_invitation.subject" || !strings.Contains(m.Text, link) || !strings.Contains(m.HTML, link) ||
			!strings.Contains(m.Text, "7") || strings.Contains(m.Text, "{{") {
			t.Errorf("%s: mail = %+v", lang, m)
		}
		subjects[m.Subject] = true
	}
	if len(subjects) != 4 {
		t.Errorf("the four languages share subjects: %v", subjects)
	}
}

func TestComposeNoticeAndDigest(t *testing.T) {
	c := Load()
	m, err := c.Compose("fr", "new_matches", map[string]string{ParamMessageKey: "role_full_added", ParamRoleTitle: "Barista", ParamLink: "https://x/roles/r1"})
	if err != nil || !strings.Contains(m.Text, "Barista") || !strings.Contains(m.Subject, "offre") {
		t.Errorf("notice = %+v %v", m, err)
	}
	lines := EncodeLines([]DigestLine{{Key: "role_full_added", Count: 2, RoleTitle: "Barista"}, {Key: "candidate_full_added", Count: 3}})
	m, err = c.Compose("de", "digest", map[string]string{ParamLines: lines, ParamLink: "https://x/notifications"})
	if err != nil || !strings.Contains(m.Text, "2 × neue volle Treffer für die Stelle Barista") || !strings.Contains(m.HTML, "<li>3 × neue Stellen") {
		t.Errorf("digest = %+v %v", m, err)
	}
	if _, err := c.Compose("en", "new_matches", map[string]string{ParamMessageKey: "nope"}); err == nil {
		t.Error("an unknown message key composed a mail")
	}
}

func TestDigestLineOfIntroductions(t *testing.T) {
	c := Load()
	for lang, want := range map[string]string{"en": "3 × news about requests", "nl": "3 × nieuws", "fr": "3 × nouvelles", "de": "3 × Neuigkeiten"} {
		if got := c.DigestLine(lang, DigestLine{Key: DigestIntroductions, Count: 3}); !strings.HasPrefix(got, want) {
			t.Errorf("%s: %q, want it to start with %q", lang, got, want)
		}
	}
}
