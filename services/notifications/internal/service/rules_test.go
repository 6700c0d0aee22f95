package service

import (
	"strings"
	"testing"

	"github.com/onward-jobs/onward/services/notifications/internal/domain"
	"github.com/onward-jobs/onward/services/notifications/internal/messages"
)

// TestEveryRuleHasItsTexts: every rule's message composes a mail and an
// inbox message in every language, with and without a role title, and
// names a preference kind and a known subject.
func TestEveryRuleHasItsTexts(t *testing.T) {
	t.Parallel()
	c := messages.Load()
	for _, r := range Rules {
		if !domain.IsPreferenceKind(r.Kind) {
			t.Errorf("%s: kind %q takes no preference", r.EventType, r.Kind)
		}
		if r.SubjectType == domain.SubjectIntroduction && r.Side == "" {
			t.Errorf("%s: an introduction rule names no side", r.EventType)
		}
		for _, lang := range domain.Languages {
			m, err := c.Compose(lang, r.Kind, map[string]string{messages.ParamMessageKey: r.MessageKey, messages.ParamRoleTitle: "Barista", messages.ParamLink: "https://x/y"})
			titled := r.SubjectType != domain.SubjectCandidate // a candidate's notice names no role
			if err != nil || strings.Contains(m.Subject, r.MessageKey) || titled != strings.Contains(m.Text, "Barista") {
				t.Errorf("%s in %s: mail %+v, %v", r.EventType, lang, m, err)
			}
			if lang != "en" && m.Subject == c.T("en", r.MessageKey+".subject", nil) {
				t.Errorf("%s in %s: the subject is not translated", r.EventType, lang)
			}
			if msg := c.Message(lang, r.MessageKey, ""); strings.Contains(msg, r.MessageKey) || strings.Contains(msg, "<no value>") {
				t.Errorf("%s in %s: message without a title = %q", r.EventType, lang, msg)
			}
		}
	}
}

// TestIntroductionSides: which organisations hear, by side.
func TestIntroductionSides(t *testing.T) {
	t.Parallel()
	in := IntroductionRef{EmployerOrgID: "emp", CandidateOrgID: "prog"}
	for side, want := range map[Side]string{SideEmployer: "emp", SideProgramme: "prog", SideBoth: "emp prog", SideAudience: "emp prog"} {
		if got := strings.Join(sides(side, in), " "); got != want {
			t.Errorf("sides(%s) = %q, want %q", side, got, want)
		}
	}
}
