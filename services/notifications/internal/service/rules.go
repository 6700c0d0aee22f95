package service

import (
	"github.com/onward-jobs/onward/services/notifications/internal/domain"
)

// Rule says what an event type means to people: who is told (the members
// of the organisation owning the aggregate, found through SubjectType),
// under which preference kind, with which message and link. Adding a kind
// of notification is one entry in Rules and its texts in the locales.
type Rule struct {
	EventType   string
	Kind        string
	MessageKey  string
	SubjectType string
	// LinkFormat is the web app path, with %s for the aggregate id.
	LinkFormat string
}

// Rules is the rule table.
var Rules = []Rule{
	// A role's shortlist gained a full match: the employer's members hear.
	{EventType: "matches.role_full_added", Kind: domain.KindNewMatches, MessageKey: "role_full_added",
		SubjectType: domain.SubjectRole, LinkFormat: "/roles/%s"},
	// A candidate's suggestions gained a full match: the programme's staff hear.
	{EventType: "matches.candidate_full_added", Kind: domain.KindNewMatches, MessageKey: "candidate_full_added",
		SubjectType: domain.SubjectCandidate, LinkFormat: "/candidates/%s"},
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
