package mongo

import (
	"time"

	"github.com/onward-jobs/onward/services/placements/internal/domain"
)

type windowDoc struct {
	Start time.Time `bson:"start"`
	End   time.Time `bson:"end"`
}

type outcomeDoc struct {
	Outcome    string    `bson:"outcome"`
	Side       string    `bson:"side"`
	Reason     string    `bson:"reason,omitempty"`
	RecordedBy string    `bson:"recorded_by"`
	RecordedAt time.Time `bson:"recorded_at"`
}

// introductionDoc is an introduction as stored.
type introductionDoc struct {
	ID                  string      `bson:"_id"`
	Version             int64       `bson:"version"`
	RoleID              string      `bson:"role_id"`
	RoleTitle           string      `bson:"role_title"`
	EmployerOrgID       string      `bson:"employer_org_id"`
	EmployerName        string      `bson:"employer_name,omitempty"`
	CandidateID         string      `bson:"candidate_id"`
	CandidateOrgID      string      `bson:"candidate_org_id"`
	CandidateAlias      string      `bson:"candidate_alias"`
	Message             string      `bson:"message"`
	MessageWarnings     []flagDoc   `bson:"message_warnings"`
	MeetingMode         string      `bson:"meeting_mode"`
	Windows             []windowDoc `bson:"windows"`
	Status              string      `bson:"status"`
	RequestedBy         string      `bson:"requested_by"`
	RequestedAt         time.Time   `bson:"requested_at"`
	ExpiresAt           time.Time   `bson:"expires_at"`
	ReminderAt          time.Time   `bson:"reminder_at"`
	Reminded            bool        `bson:"reminded"`
	ClosedAt            time.Time   `bson:"closed_at"`
	AnsweredAt          time.Time   `bson:"answered_at"`
	AnsweredBy          string      `bson:"answered_by"`
	AnsweredByCandidate bool        `bson:"answered_by_candidate,omitempty"`
	DeclineReason       string      `bson:"decline_reason"`
	Contact             string      `bson:"contact"`
	Disclose            []string    `bson:"disclose"`
	ConsentTextVersion  string      `bson:"consent_text_version"`
	DisclosureID        string      `bson:"disclosure_id"`
	Outcome             *outcomeDoc `bson:"outcome"`
	PlacementID         string      `bson:"placement_id"`
	Pending             []string    `bson:"pending_events,omitempty"`
}

func toIntroductionDoc(in domain.Introduction) introductionDoc {
	d := introductionDoc{
		ID: in.ID, Version: in.Version, RoleID: in.RoleID, RoleTitle: in.RoleTitle, EmployerOrgID: in.EmployerOrgID, EmployerName: in.EmployerName, CandidateID: in.CandidateID,
		CandidateOrgID: in.CandidateOrgID, CandidateAlias: in.CandidateAlias, Message: in.Message,
		MessageWarnings: toFlagDocs(in.MessageWarnings), MeetingMode: in.Meeting.Mode, Status: string(in.Status),
		RequestedBy: in.RequestedBy, RequestedAt: in.RequestedAt, ExpiresAt: in.ExpiresAt, ReminderAt: in.ReminderAt,
		Reminded: in.Reminded, ClosedAt: in.ClosedAt, AnsweredAt: in.AnsweredAt, AnsweredBy: in.AnsweredBy, AnsweredByCandidate: in.AnsweredByCandidate, DeclineReason: in.DeclineReason,
		Contact: in.Contact, Disclose: nonNil(in.Disclose), ConsentTextVersion: in.ConsentTextVersion,
		DisclosureID: in.DisclosureID, PlacementID: in.PlacementID,
	}
	for _, w := range in.Meeting.Windows {
		d.Windows = append(d.Windows, windowDoc{Start: w.Start, End: w.End})
	}
	if o := in.Outcome; o != nil {
		d.Outcome = &outcomeDoc{Outcome: o.Outcome, Side: o.Side, Reason: o.Reason, RecordedBy: o.RecordedBy, RecordedAt: o.RecordedAt}
	}
	return d
}

func toDomainIntroduction(d introductionDoc) domain.Introduction {
	in := domain.Introduction{
		ID: d.ID, Version: d.Version, RoleID: d.RoleID, RoleTitle: d.RoleTitle, EmployerOrgID: d.EmployerOrgID, EmployerName: d.EmployerName, CandidateID: d.CandidateID,
		CandidateOrgID: d.CandidateOrgID, CandidateAlias: d.CandidateAlias, Message: d.Message,
		MessageWarnings: toDomainFlags(d.MessageWarnings), Meeting: domain.Meeting{Mode: d.MeetingMode}, Status: domain.Status(d.Status),
		RequestedBy: d.RequestedBy, RequestedAt: d.RequestedAt.UTC(), ExpiresAt: d.ExpiresAt.UTC(), ReminderAt: d.ReminderAt.UTC(),
		Reminded: d.Reminded, ClosedAt: utc(d.ClosedAt), AnsweredAt: utc(d.AnsweredAt), AnsweredBy: d.AnsweredBy, AnsweredByCandidate: d.AnsweredByCandidate, DeclineReason: d.DeclineReason,
		Contact: d.Contact, Disclose: d.Disclose, ConsentTextVersion: d.ConsentTextVersion,
		DisclosureID: d.DisclosureID, PlacementID: d.PlacementID,
	}
	for _, w := range d.Windows {
		in.Meeting.Windows = append(in.Meeting.Windows, domain.Window{Start: w.Start.UTC(), End: w.End.UTC()})
	}
	if o := d.Outcome; o != nil {
		in.Outcome = &domain.Outcome{Outcome: o.Outcome, Side: o.Side, Reason: o.Reason, RecordedBy: o.RecordedBy, RecordedAt: o.RecordedAt.UTC()}
	}
	return in
}

// openRequestDoc holds the one open request of a role and candidate; its
// _id is the pair.
type openRequestDoc struct {
	ID             string `bson:"_id"`
	RoleID         string `bson:"role_id"`
	CandidateID    string `bson:"candidate_id"`
	IntroductionID string `bson:"introduction_id"`
}

func openKey(roleID, candidateID string) string { return roleID + "/" + candidateID }

type messageDoc struct {
	ID             string    `bson:"_id"`
	IntroductionID string    `bson:"introduction_id"`
	CandidateID    string    `bson:"candidate_id"`
	Side           string    `bson:"side"`
	AuthorID       string    `bson:"author_id"`
	Text           string    `bson:"text"`
	CreatedAt      time.Time `bson:"created_at"`
}

func toMessageDoc(m domain.Message) messageDoc {
	return messageDoc{ID: m.ID, IntroductionID: m.IntroductionID, CandidateID: m.CandidateID, Side: m.Side,
		AuthorID: m.AuthorID, Text: m.Text, CreatedAt: m.CreatedAt}
}

func toDomainMessage(d messageDoc) domain.Message {
	return domain.Message{ID: d.ID, IntroductionID: d.IntroductionID, CandidateID: d.CandidateID, Side: d.Side,
		AuthorID: d.AuthorID, Text: d.Text, CreatedAt: d.CreatedAt.UTC()}
}

type placementDoc struct {
	ID             string    `bson:"_id"`
	Version        int64     `bson:"version"`
	IntroductionID string    `bson:"introduction_id"`
	RoleID         string    `bson:"role_id"`
	RoleTitle      string    `bson:"role_title"`
	EmployerOrgID  string    `bson:"employer_org_id"`
	EmployerName   string    `bson:"employer_name,omitempty"`
	CandidateID    string    `bson:"candidate_id"`
	CandidateOrgID string    `bson:"candidate_org_id"`
	CandidateAlias string    `bson:"candidate_alias"`
	CreatedSide    string    `bson:"created_side"`
	StartDate      string    `bson:"start_date"`
	Contract       string    `bson:"contract"`
	HoursPerWeek   int       `bson:"hours_per_week"`
	Status         string    `bson:"status"`
	StillLooking   bool      `bson:"still_looking"`
	EndedOn        string    `bson:"ended_on"`
	EndReason      string    `bson:"end_reason"`
	CreatedBy      string    `bson:"created_by"`
	CreatedAt      time.Time `bson:"created_at"`
	PendingSteps   []string  `bson:"pending_steps"`
	// HasPending copies len(PendingSteps) > 0, for the sweeper's filter.
	HasPending bool     `bson:"has_pending_steps"`
	Pending    []string `bson:"pending_events,omitempty"`
}

func toPlacementDoc(p domain.Placement) placementDoc {
	return placementDoc{
		ID: p.ID, Version: p.Version, IntroductionID: p.IntroductionID, RoleID: p.RoleID, RoleTitle: p.RoleTitle, EmployerOrgID: p.EmployerOrgID, EmployerName: p.EmployerName,
		CandidateID: p.CandidateID, CandidateOrgID: p.CandidateOrgID, CandidateAlias: p.CandidateAlias, CreatedSide: p.CreatedSide, StartDate: p.StartDate, Contract: p.Contract,
		HoursPerWeek: p.HoursPerWeek, Status: string(p.Status), StillLooking: p.StillLooking, EndedOn: p.EndedOn,
		EndReason: p.EndReason, CreatedBy: p.CreatedBy, CreatedAt: p.CreatedAt, PendingSteps: nonNil(p.PendingSteps),
		HasPending: len(p.PendingSteps) > 0,
	}
}

func toDomainPlacement(d placementDoc) domain.Placement {
	return domain.Placement{
		ID: d.ID, Version: d.Version, IntroductionID: d.IntroductionID, RoleID: d.RoleID, RoleTitle: d.RoleTitle, EmployerOrgID: d.EmployerOrgID, EmployerName: d.EmployerName,
		CandidateID: d.CandidateID, CandidateOrgID: d.CandidateOrgID, CandidateAlias: d.CandidateAlias, CreatedSide: d.CreatedSide, StartDate: d.StartDate, Contract: d.Contract,
		HoursPerWeek: d.HoursPerWeek, Status: domain.PlacementStatus(d.Status), StillLooking: d.StillLooking,
		EndedOn: d.EndedOn, EndReason: d.EndReason, CreatedBy: d.CreatedBy, CreatedAt: d.CreatedAt.UTC(),
		PendingSteps: d.PendingSteps,
	}
}

type followUpDoc struct {
	ID             string    `bson:"_id"`
	Version        int64     `bson:"version"`
	PlacementID    string    `bson:"placement_id"`
	IntroductionID string    `bson:"introduction_id"`
	RoleID         string    `bson:"role_id"`
	RoleTitle      string    `bson:"role_title"`
	EmployerOrgID  string    `bson:"employer_org_id"`
	CandidateID    string    `bson:"candidate_id"`
	CandidateOrgID string    `bson:"candidate_org_id"`
	CandidateAlias string    `bson:"candidate_alias"`
	Audience       string    `bson:"audience"`
	Day            int       `bson:"day"`
	DueAt          time.Time `bson:"due_at"`
	Status         string    `bson:"status"`
	Notified       bool      `bson:"notified"`
	StillWorking   *bool     `bson:"still_working"`
	Reason         string    `bson:"reason"`
	AnsweredBy     string    `bson:"answered_by"`
	AnsweredAt     time.Time `bson:"answered_at"`
	Pending        []string  `bson:"pending_events,omitempty"`
}

func toFollowUpDoc(f domain.FollowUp) followUpDoc {
	return followUpDoc{
		ID: f.ID, Version: f.Version, PlacementID: f.PlacementID, IntroductionID: f.IntroductionID, RoleID: f.RoleID, RoleTitle: f.RoleTitle,
		EmployerOrgID: f.EmployerOrgID, CandidateID: f.CandidateID, CandidateOrgID: f.CandidateOrgID, CandidateAlias: f.CandidateAlias, Audience: f.Audience,
		Day: f.Day, DueAt: f.DueAt, Status: string(f.Status), Notified: f.Notified, StillWorking: f.StillWorking,
		Reason: f.Reason, AnsweredBy: f.AnsweredBy, AnsweredAt: f.AnsweredAt,
	}
}

func toDomainFollowUp(d followUpDoc) domain.FollowUp {
	return domain.FollowUp{
		ID: d.ID, Version: d.Version, PlacementID: d.PlacementID, IntroductionID: d.IntroductionID, RoleID: d.RoleID, RoleTitle: d.RoleTitle,
		EmployerOrgID: d.EmployerOrgID, CandidateID: d.CandidateID, CandidateOrgID: d.CandidateOrgID, CandidateAlias: d.CandidateAlias, Audience: d.Audience,
		Day: d.Day, DueAt: d.DueAt.UTC(), Status: domain.FollowUpStatus(d.Status), Notified: d.Notified,
		StillWorking: d.StillWorking, Reason: d.Reason, AnsweredBy: d.AnsweredBy, AnsweredAt: utc(d.AnsweredAt),
	}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

// flagDoc is a wording flag of a message as stored.
type flagDoc struct {
	Field      string `bson:"field"`
	Phrase     string `bson:"phrase"`
	Start      int    `bson:"start"`
	End        int    `bson:"end"`
	Suggestion string `bson:"suggestion"`
	Reason     string `bson:"reason"`
	Category   string `bson:"category"`
}

func toFlagDocs(fs []domain.WordingFlag) []flagDoc {
	out := make([]flagDoc, 0, len(fs))
	for _, f := range fs {
		out = append(out, flagDoc(f))
	}
	return out
}

func toDomainFlags(ds []flagDoc) []domain.WordingFlag {
	var out []domain.WordingFlag
	for _, d := range ds {
		out = append(out, domain.WordingFlag(d))
	}
	return out
}
