package service

import (
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// Rule says what an event type means to people: who is told (the members
// of the organisation owning the aggregate, found through SubjectType, or
// for an introduction the side or sides named by Side), under which
// preference kind, with which message and link. Adding a kind of
// notification is one entry in Rules and its texts in the locales.
type Rule struct {
	EventType   string
	Kind        string
	MessageKey  string
	SubjectType string
	// Side says which party of an introduction hears (SubjectIntroduction
	// only): the employer's members, the candidate's programme staff,
	// both, or the side of the event's audience.
	Side Side
	// LinkFormat is the web app path, with %s for the aggregate id.
	LinkFormat string
}

// Side is a party to an introduction.
type Side string

// The sides of an introduction. SideAudience is meant as the side of a
// follow-up's audience; each side has its own follow-up task, due on the
// same day as the other's, and an event carries ids only, no audience, so
// both sides hear and the two events of one day make one notice per
// person (sides, sourceOf). Should events come to carry the audience,
// sides is the one place to read it.
const (
	SideEmployer  Side = "employer"
	SideProgramme Side = "programme"
	SideBoth      Side = "both"
	SideAudience  Side = "audience"
)

// introductionLink is where both sides read an introduction; the web app
// routes the path to the employer's or the staff's page.
const introductionLink = "/introductions/%s"

// Rules is the rule table.
var Rules = []Rule{
	// A role's shortlist gained a full match: the employer's members hear.
	{EventType: "matches.role_full_added", Kind: domain.KindNewMatches, MessageKey: "role_full_added",
		SubjectType: domain.SubjectRole, LinkFormat: "/roles/%s"},
	// A candidate's suggestions gained a full match: the programme's staff hear.
	{EventType: "matches.candidate_full_added", Kind: domain.KindNewMatches, MessageKey: "candidate_full_added",
		SubjectType: domain.SubjectCandidate, LinkFormat: "/candidates/%s"},
	// An employer asks to meet a candidate: the candidate's staff answer it.
	introductionRule("introduction.requested", "introduction_requested", SideProgramme),
	// The staff answered, or nobody did in time: the employer hears.
	introductionRule("introduction.answered", "introduction_answered", SideEmployer),
	introductionRule("introduction.expired", "introduction_expired", SideEmployer),
	// A request still waits for the staff's answer a few days before it
	// expires, or the employer took it back: the staff hear.
	introductionRule("introduction.reminder_due", "introduction_reminder_due", SideProgramme),
	introductionRule("introduction.withdrawn", "introduction_withdrawn", SideProgramme),
	// How the meeting went was recorded, a hire began: both sides hear.
	introductionRule("meeting.recorded", "meeting_recorded", SideBoth),
	introductionRule("placement.started", "placement_started", SideBoth),
	// A placement's follow-ups fell due: both sides hear, once a day.
	introductionRule("followup.due", "followup_due", SideAudience),
}

// introductionRule is the rule of an event of the placements service, whose
// aggregate is always the introduction.
func introductionRule(eventType, messageKey string, side Side) Rule {
	return Rule{EventType: eventType, Kind: domain.KindIntroductions, MessageKey: messageKey,
		SubjectType: domain.SubjectIntroduction, Side: side, LinkFormat: introductionLink}
}

// ruleFor returns the rule of an event type.
func ruleFor(eventType string) (Rule, bool) {
	for _, r := range Rules {
		if r.EventType == eventType {
			return r, true
		}
	}
	return Rule{}, false
}

// EventTypes lists the event types the rule table handles.
func EventTypes() []string {
	out := make([]string, 0, len(Rules))
	for _, r := range Rules {
		out = append(out, r.EventType)
	}
	return out
}
